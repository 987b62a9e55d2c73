package dev.failforward.model;

import java.util.List;
import java.util.Map;

/**
 * What FailForward read from an external model, for {@code failforward model inspect}: its format,
 * task, classes, inputs (with the data column and encoding each is fed from) and outputs.
 *
 * @param task    the task, or {@code null} when unknown
 * @param classes class labels in output order; empty when they come from the data
 * @param details other facts read from the model (objective, number of trees, …), in reading order
 */
public record ModelDescription(String id, String location, String format, Task task, List<String> classes,
                               List<Input> inputs, List<String> outputs, Map<String, String> details) {

    public ModelDescription {
        classes = List.copyOf(classes);
        inputs = List.copyOf(inputs);
        outputs = List.copyOf(outputs);
        details = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(details));
    }

    /** One model input: its name in the model, its type there, and what FailForward feeds it. */
    public record Input(String name, String type, String feed) {
    }
}
