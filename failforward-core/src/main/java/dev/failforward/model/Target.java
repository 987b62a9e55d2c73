package dev.failforward.model;

import dev.failforward.api.PublicApi;

import java.util.List;

/**
 * What a model predicts: the target column, the task and, for classification, the class labels
 * in their fixed order (for binary tasks the second label is the positive class).
 */
@PublicApi
public record Target(String column, Task task, List<String> classes) {

    public Target {
        classes = List.copyOf(classes);
        if (task.isClassification() && classes.size() < 2) {
            throw new IllegalArgumentException("classification needs at least two classes");
        }
    }

    public int classCount() {
        return classes.size();
    }

    /** The positive class of a binary task. */
    public String positiveClass() {
        return classes.get(1);
    }
}
