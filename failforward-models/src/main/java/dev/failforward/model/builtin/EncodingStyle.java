package dev.failforward.model.builtin;

/**
 * How a model family wants its inputs shaped. Linear models need standardised, imputed numbers;
 * CART needs imputed numbers; XGBoost routes missing values itself, so they stay absent.
 */
public enum EncodingStyle {
    LINEAR(true, true),
    TREE(false, true),
    BOOSTED(false, false);

    private final boolean standardise;
    private final boolean impute;

    EncodingStyle(boolean standardise, boolean impute) {
        this.standardise = standardise;
        this.impute = impute;
    }

    /** Numbers are centred on the training mean and divided by the training standard deviation. */
    public boolean standardise() {
        return standardise;
    }

    /**
     * Missing numbers become the training median plus a {@code <col>:missing} indicator; otherwise
     * they stay absent, which XGBoost reads as missing.
     */
    public boolean impute() {
        return impute;
    }
}
