package dev.failforward.cli;

import dev.failforward.log.FailureLog;
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
        footer = {"", "Examples:", "  failforward log runs --store team.db",
                "  failforward log runs --metric roc_auc --model builtin:gbm --html roc_auc-history.html"})
public final class LogRunsCommand implements Callable<Integer> {

    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

    @Mixin
    StoreOption store;

    @picocli.CommandLine.Option(names = "--metric", paramLabel = "NAME",
            description = "Show this metric over the runs that have it (history), e.g. roc_auc or rmse.")
    String metric;

    @picocli.CommandLine.Option(names = "--model", paramLabel = "ID", description = "With --metric: only runs of this model id.")
    String model;

    @picocli.CommandLine.Option(names = "--html", paramLabel = "FILE", description = "With --metric: also write the history with a chart to this HTML file.")
    java.nio.file.Path html;

    @Override
    public Integer call() {
        try (FailureLog log = store.open()) {
            List<Run> runs = log.runs();
            if (metric != null || model != null || html != null) {
                return MetricHistoryView.show(runs, metric, model, html, log.location());
            }
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
