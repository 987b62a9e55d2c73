package dev.failforward.model;

import dev.failforward.api.PublicApi;

import java.util.Locale;

/**
 * The prediction task, as written in reports ({@code binary_classification}, ...). {@code retrieval}
 * runs evaluate a retriever on questions ({@code failforward rag eval}); no model predicts classes or values in them.
 */
@PublicApi
public enum Task {
    BINARY_CLASSIFICATION, MULTICLASS_CLASSIFICATION, REGRESSION, RETRIEVAL;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean isClassification() {
        return this == BINARY_CLASSIFICATION || this == MULTICLASS_CLASSIFICATION;
    }

    public static Task parse(String id) {
        for (Task t : values()) {
            if (t.id().equals(id)) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown task '" + id + "'; expected one of binary_classification, multiclass_classification, regression, retrieval");
    }
}
