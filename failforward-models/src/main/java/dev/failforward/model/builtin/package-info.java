/**
 * The built-in models ({@code builtin:logistic}, {@code builtin:tree}, {@code builtin:gbm}), trained
 * with Tribuo on a table's feature columns, and their file format. Feature encoding lives here too,
 * because each model family needs its inputs shaped differently.
 */
package dev.failforward.model.builtin;
