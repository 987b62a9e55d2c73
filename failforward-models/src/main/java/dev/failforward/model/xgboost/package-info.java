/** {@code xgboost:PATH}: XGBoost model files (JSON and UBJSON) scored with XGBoost's own Java library. */
package dev.failforward.model.xgboost;
