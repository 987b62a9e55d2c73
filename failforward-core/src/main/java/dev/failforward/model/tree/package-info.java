/**
 * Tree ensembles read from XGBoost's JSON model format: the one representation of boosted trees
 * that tree explainers (TreeSHAP) work on, whatever adapter the booster came from.
 */
package dev.failforward.model.tree;
