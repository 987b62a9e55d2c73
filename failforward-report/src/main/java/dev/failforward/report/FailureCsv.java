package dev.failforward.report;

import dev.failforward.failure.Failure;
import dev.failforward.model.Task;

import java.io.PrintStream;
import java.util.List;
import java.util.function.Function;

/**
 * Failures as CSV, one row each: the fixed keys as columns, and {@code input} and
 * {@code probabilities} as JSON objects in one column each, so rows of runs with different
 * columns fit one file.
 */
public final class FailureCsv {

    static final List<String> HEADER = List.of("id", "run_id", "row_key", "origin", "expected", "predicted",
            "confidence", "loss", "cause_tags", "fingerprint", "probabilities", "input");

    private FailureCsv() {
    }

    /** Writes the header and one row per failure; {@code tasks} gives each failure's task by run id. */
    public static void write(List<Failure> failures, Function<String, Task> tasks, PrintStream out) {
        out.print(String.join(",", HEADER) + "\n");
        for (Failure f : failures) {
            com.fasterxml.jackson.databind.node.ObjectNode json = FailureJson.toJson(f, tasks.apply(f.runId()));
            List<String> fields = List.of(f.id(), f.runId(), f.rowKey(), f.origin(), f.expected(), f.predicted(),
                    f.confidence() == null ? "" : Double.toString(f.confidence()), Double.toString(f.loss()),
                    String.join(";", f.causeTags()), f.fingerprint(),
                    json.has("probabilities") ? json.get("probabilities").toString() : "",
                    json.get("input").toString());
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < fields.size(); i++) {
                line.append(i == 0 ? "" : ",").append(PredictionsCsv.quote(fields.get(i)));
            }
            out.print(line.append('\n'));
        }
    }
}
