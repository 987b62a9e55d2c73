package dev.failforward.report;

import dev.failforward.failure.Failure;
import dev.failforward.failure.LoggedFailure;
import dev.failforward.model.Task;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * Failures as CSV, one row each: the fixed keys as columns, and {@code input} and
 * {@code probabilities} as JSON objects in one column each, so rows of runs with different
 * columns fit one file. Text that a spreadsheet would run as a formula starts with a single
 * quote ({@link SpreadsheetCells}).
 */
public final class FailureCsv {

    static final List<String> HEADER = List.of("id", "run_id", "row_key", "origin", "expected", "predicted",
            "confidence", "loss", "cause_tags", "fingerprint", "probabilities", "input");
    /** The columns a failure read from the log adds: its state against earlier runs and its triage. */
    static final List<String> LOG_STATE = List.of("recurrence", "triage", "triage_cause");

    private FailureCsv() {
    }

    /** Writes the header and one row per failure; {@code tasks} gives each failure's task by run id. */
    public static void write(List<Failure> failures, Function<String, Task> tasks, PrintStream out) {
        out.print(String.join(",", HEADER) + "\n");
        for (Failure f : failures) {
            out.print(line(fields(f, tasks)));
        }
    }

    /**
     * Failures read from the log: the columns of {@link #write}, then {@code recurrence}
     * ({@code new}/{@code recurring}), {@code triage} and {@code triage_cause}, as in their JSON.
     */
    public static void writeLogged(List<LoggedFailure> failures, Function<String, Task> tasks, PrintStream out) {
        List<String> header = new ArrayList<>(HEADER);
        header.addAll(LOG_STATE);
        out.print(String.join(",", header) + "\n");
        for (LoggedFailure lf : failures) {
            List<String> fields = fields(lf.failure(), tasks);
            fields.add(lf.recurrence().id());
            fields.add(lf.triage().id());
            fields.add(lf.triageCause() == null ? "" : lf.triageCause());
            out.print(line(fields));
        }
    }

    private static List<String> fields(Failure f, Function<String, Task> tasks) {
        com.fasterxml.jackson.databind.node.ObjectNode json = FailureJson.toJson(f, tasks.apply(f.runId()));
        return new ArrayList<>(Arrays.asList(f.id(), f.runId(), f.rowKey(), f.origin(), f.expected(), f.predicted(),
                f.confidence() == null ? "" : Double.toString(f.confidence()), Double.toString(f.loss()),
                String.join(";", f.causeTags()), f.fingerprint(),
                json.has("probabilities") ? json.get("probabilities").toString() : "",
                json.get("input").toString()));
    }

    private static StringBuilder line(List<String> fields) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < fields.size(); i++) {
            line.append(i == 0 ? "" : ",").append(PredictionsCsv.cell(fields.get(i)));
        }
        return line.append('\n');
    }
}
