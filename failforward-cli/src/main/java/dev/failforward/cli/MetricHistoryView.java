package dev.failforward.cli;

import dev.failforward.compare.MetricHistory;
import dev.failforward.report.AtomicFiles;
import dev.failforward.run.Run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** {@code log runs --metric NAME}: one metric over the runs, as a table and optionally an HTML chart. */
final class MetricHistoryView {

    private MetricHistoryView() {
    }

    static int show(List<Run> runs, String metric, String model, Path html, String store) {
        if (metric == null) {
            throw new UsageException("--model and --html need --metric");
        }
        MetricHistory history = MetricHistory.of(runs, metric, model);
        if (history.points().isEmpty()) {
            throw new UsageException("no run in " + store + " has the metric '" + metric + "'"
                    + (model == null ? "" : " with model " + model) + "; metrics of runs are "
                    + runs.stream().flatMap(r -> r.metrics().keySet().stream()).distinct().sorted().toList());
        }
        TextTable table = new TextTable("RUN", "STARTED (UTC)", "KIND", "MODEL", "DATA", metric.toUpperCase(Locale.ROOT), "CHANGE");
        Double previous = null;
        for (MetricHistory.Point p : history.points()) {
            table.add(p.run().id(), LogRunsCommand.TIME.format(p.run().startedAt()), p.run().kind(), p.run().modelId(),
                    p.run().data(), String.format(Locale.ROOT, "%.4f", p.value()),
                    previous == null ? "" : String.format(Locale.ROOT, "%+.4f", p.value() - previous));
            previous = p.value();
        }
        table.print(System.out);
        if (html != null) {
            try {
                AtomicFiles.write(html, history.html(store));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + html + ": " + e.getMessage(), e);
            }
            System.out.println("chart: " + html);
        }
        return ExitCodes.OK;
    }
}
