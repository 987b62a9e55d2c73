package dev.failforward.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.failforward.explain.Explanation;
import dev.failforward.failure.LoggedFailure;
import dev.failforward.model.Task;
import dev.failforward.report.FailureJson;

import java.util.List;

/** A failure from the log as JSON: the report's failure object plus {@code recurrence} and {@code triage}. */
final class LoggedFailureJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private LoggedFailureJson() {
    }

    static ObjectNode toJson(LoggedFailure f, Task task, List<Explanation> attributions) {
        ObjectNode o = FailureJson.toJson(f.failure(), task == null ? Task.BINARY_CLASSIFICATION : task, attributions);
        o.put("recurrence", f.recurrence().id());
        o.put("triage", f.triage().id());
        if (f.triageCause() != null) {
            o.put("triage_cause", f.triageCause());
        }
        return o;
    }

    static String line(LoggedFailure f, Task task, List<Explanation> attributions) {
        try {
            return MAPPER.writeValueAsString(toJson(f, task, attributions));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("a tree of plain JSON nodes always serialises", e);
        }
    }
}
