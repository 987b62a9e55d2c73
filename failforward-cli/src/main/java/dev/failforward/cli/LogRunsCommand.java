package dev.failforward.cli;

import dev.failforward.failure.FailureLog;
import dev.failforward.run.Run;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code failforward log runs}: every run, oldest first. */
@Command(name = "runs", mixinStandardHelpOptions = true,
        description = {"List every run in the failure log with its time, model, data, key metric, failures and status.", ""},
        footer = {"", "Example:", "  failforward log runs --store team.db"})
public final class LogRunsCommand implements Callable<Integer> {

    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

    @Mixin
    StoreOption store;

    @Override
    public Integer call() {
        try (FailureLog log = store.open()) {
            List<Run> runs = log.runs();
            if (runs.isEmpty()) {
                System.out.println("No runs in " + log.location() + " yet.");
                return ExitCodes.OK;
            }
            TextTable table = new TextTable("RUN", "STARTED (UTC)", "KIND", "MODEL", "DATA", "TASK", "METRIC", "ROWS", "FAILURES", "STATUS");
            for (Run r : runs) {
                table.add(r.id(), TIME.format(r.startedAt()), r.kind(), r.modelId(), r.data(), r.task().id(),
                        keyMetric(r.metrics()), r.predictionCount(), r.failureCount(), r.status().id());
            }
            table.print(System.out);
        }
        return ExitCodes.OK;
    }

    /** The headline metric of a run: ROC AUC for classification, RMSE for regression, else accuracy (production). */
    static String keyMetric(Map<String, Double> metrics) {
        for (String name : List.of("roc_auc", "rmse", "accuracy")) {
            Double v = metrics.get(name);
            if (v != null) {
                return String.format("%s %.4f", name, v);
            }
        }
        return "";
    }
}
