package dev.failforward.model;

import dev.failforward.data.Table;

import java.util.List;

/**
 * A model whose predictions come from an XGBoost booster, so that explainers can read its trees
 * (TreeSHAP) instead of treating it as a black box. Built-in gradient boosting and XGBoost model
 * files both implement it.
 */
public interface TreeEnsembleSource {

    /** The booster as XGBoost writes it with {@code save_model("….json")}. */
    byte[] xgboostJson();

    /** For each booster feature index, the input column it is derived from (one-hot levels share a column). */
    List<String> featureColumns();

    /** The rows as the booster sees them: row-major, {@code rows × featureColumns().size()}, NaN where missing. */
    double[] encode(Table rows);

    /**
     * For each output group of the booster, the class it scores, when the booster's groups do not
     * follow the model's class order; for a one-group binary booster, the one class it scores (its
     * positive class). Empty (the default): groups follow the model's classes, and a one-group
     * binary booster scores the last class.
     */
    default List<String> groupClasses() {
        return List.of();
    }
}
