package dev.failforward.model.xgboost;

import dev.failforward.model.Task;

import java.util.List;

/**
 * How an XGBoost objective's output becomes FailForward's predictions: the task, and whether the
 * booster's transformed output is used as is or its raw margins are turned into probabilities here.
 */
record Objective(String name, Task task, Output output) {

    /** What to ask the booster for and how to read it. */
    enum Output {
        /** P(second class) for binary, per-class probabilities for softprob. */
        PROBABILITIES,
        /** Margins, turned into probabilities with a sigmoid (binary) or softmax (multi-class). */
        MARGINS,
        /** The class index 0/1 (binary:hinge). */
        LABEL,
        /** A regression value. */
        VALUE
    }

    static final List<String> SUPPORTED = List.of("binary:logistic", "binary:logitraw", "binary:hinge",
            "multi:softprob", "multi:softmax", "reg:*", "count:poisson", "survival:cox", "survival:aft");

    static Objective of(String name, String file) {
        return switch (name) {
            case "binary:logistic" -> new Objective(name, Task.BINARY_CLASSIFICATION, Output.PROBABILITIES);
            case "binary:logitraw" -> new Objective(name, Task.BINARY_CLASSIFICATION, Output.MARGINS);
            case "binary:hinge" -> new Objective(name, Task.BINARY_CLASSIFICATION, Output.LABEL);
            case "multi:softprob" -> new Objective(name, Task.MULTICLASS_CLASSIFICATION, Output.PROBABILITIES);
            case "multi:softmax" -> new Objective(name, Task.MULTICLASS_CLASSIFICATION, Output.MARGINS);
            case "count:poisson", "survival:cox", "survival:aft" -> new Objective(name, Task.REGRESSION, Output.VALUE);
            default -> {
                if (name.startsWith("reg:")) {
                    yield new Objective(name, Task.REGRESSION, Output.VALUE);
                }
                throw new IllegalArgumentException(file + ": the XGBoost objective '" + name
                        + "' is not supported; supported: " + String.join(", ", SUPPORTED));
            }
        };
    }
}
