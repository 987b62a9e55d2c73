package dev.failforward.model;

import java.util.Locale;

/** The prediction task, as written in reports ({@code binary_classification}, ...). */
public enum Task {
    BINARY_CLASSIFICATION, MULTICLASS_CLASSIFICATION, REGRESSION;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean isClassification() {
        return this != REGRESSION;
    }

    public static Task parse(String id) {
        for (Task t : values()) {
            if (t.id().equals(id)) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown task '" + id + "'; expected one of binary_classification, multiclass_classification, regression");
    }
}
