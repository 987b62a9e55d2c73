package dev.failforward.cli;

import dev.failforward.failure.FailureLog;
import dev.failforward.failure.StatDimension;
import dev.failforward.failure.StatRow;
import dev.failforward.report.AtomicFiles;
import dev.failforward.report.Charts;
import dev.failforward.report.Markup;
import dev.failforward.report.Palette;
import dev.failforward.run.Run;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code failforward log stats}: where failures concentrate. */
@Command(name = "stats", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Count failures per value of an input column (numbers in " + 10 + " equal-width bins), per cause",
                "tag, per origin, or per run (with the failure rate), as a table or as an HTML page with charts.", ""},
        footer = {"", "Examples:",
                "  failforward log stats --by contract",
                "  failforward log stats --run latest --by tenure --html tenure.html",
                "  failforward log stats --by cause",
                "  failforward log stats --by run"})
public final class LogStatsCommand implements Callable<Integer> {

    @Option(names = "--run", paramLabel = "RUN_ID|latest", description = "Only this run's failures (default: all runs).")
    String run;

    @Option(names = "--by", paramLabel = "COLUMN|cause|origin|run", required = true,
            description = "An input column (or feature:COLUMN for a column named like a keyword), cause, origin or run.")
    String by;

    @Option(names = "--html", paramLabel = "FILE", description = "Also write a self-contained HTML page with a chart.")
    Path html;

    @Mixin
    StoreOption store;

    @Override
    public Integer call() {
        StatDimension dimension;
        String column = null;
        switch (by.toLowerCase(Locale.ROOT)) {
            case "cause" -> dimension = StatDimension.CAUSE;
            case "origin" -> dimension = StatDimension.ORIGIN;
            case "run" -> dimension = StatDimension.RUN;
            case "feature" -> throw new UsageException("--by feature needs the column: --by COLUMN (e.g. --by contract)");
            default -> {
                dimension = StatDimension.FEATURE;
                column = by.startsWith("feature:") ? by.substring("feature:".length()) : by;
            }
        }
        try (FailureLog log = store.open()) {
            String runId = null;
            if (run != null) {
                runId = log.run(run).map(Run::id).orElseThrow(() -> new UsageException(
                        "no run '" + run + "' in " + log.location() + "; see 'failforward log runs'"));
            }
            List<StatRow> rows = log.stats(runId, dimension, column);
            if (rows.isEmpty()) {
                System.out.println(dimension == StatDimension.FEATURE
                        ? "No failures with a value in '" + column + "' (is it an input column?)." : "No failures.");
                return ExitCodes.OK;
            }
            long total = rows.stream().mapToLong(StatRow::failures).sum();
            String label = dimension == StatDimension.FEATURE ? column : dimension.name().toLowerCase(Locale.ROOT);
            TextTable t = new TextTable(label.toUpperCase(Locale.ROOT), "FAILURES", "SHARE", "PREDICTIONS", "FAILURE RATE");
            for (StatRow r : rows) {
                t.add(r.group(), r.failures(), String.format("%.1f%%", 100.0 * r.failures() / total),
                        r.predictions() == null ? "" : r.predictions(),
                        r.rate() == null ? "" : String.format("%.2f%%", 100 * r.rate()));
            }
            t.print(System.out);
            if (html != null) {
                writeHtml(label, rows);
                System.out.println("HTML: " + html);
            }
        }
        return ExitCodes.OK;
    }

    private void writeHtml(String label, List<StatRow> rows) {
        List<String> groups = rows.stream().map(StatRow::group).toList();
        double[] counts = rows.stream().mapToDouble(StatRow::failures).toArray();
        StringBuilder page = new StringBuilder("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
                .append(Markup.escape("Failures by " + label)).append("</title><style>body{font-family:sans-serif;margin:2em}"
                        + "table{border-collapse:collapse}td,th{padding:.2em .8em;border-bottom:1px solid #ddd;text-align:left}</style>"
                        + "</head><body><h1>").append(Markup.escape("Failures by " + label)).append("</h1>");
        page.append(Charts.bar("Failures by " + label, label, "failures", groups, counts, Palette.VERMILLION));
        if (rows.stream().allMatch(r -> r.rate() != null)) {
            double[] rates = rows.stream().mapToDouble(r -> 100 * r.rate()).toArray();
            page.append(Charts.bar("Failure rate by " + label, label, "failure rate (%)", groups, rates, Palette.BLUE));
        }
        page.append("<table><tr><th>").append(Markup.escape(label)).append("</th><th>failures</th><th>predictions</th></tr>");
        for (StatRow r : rows) {
            page.append("<tr><td>").append(Markup.escape(r.group())).append("</td><td>").append(r.failures())
                    .append("</td><td>").append(r.predictions() == null ? "" : r.predictions()).append("</td></tr>");
        }
        page.append("</table></body></html>\n");
        try {
            AtomicFiles.write(html, page.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + html + ": " + e.getMessage(), e);
        }
    }
}
