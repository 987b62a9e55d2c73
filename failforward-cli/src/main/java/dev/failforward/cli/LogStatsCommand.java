package dev.failforward.cli;

import dev.failforward.failure.StatDimension;
import dev.failforward.failure.StatRow;
import dev.failforward.failure.ValueCount;
import dev.failforward.failure.ValueRates;
import dev.failforward.log.FailureLog;
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
        description = {"Where failures concentrate: the failure rate (failures / evaluated rows) per value of an input",
                "column (numbers in decile bins of the evaluated rows), or failure counts per cause tag, per origin,",
                "or per run (with its failure rate), as a table or as an HTML page with a chart. Runs stored",
                "without counts per value (older logs) show failure counts per value (numbers in 10 equal-width bins).", ""},
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
            if (dimension == StatDimension.FEATURE) {
                ValueRates rates = log.rates(runId, column);
                if (!rates.groups().isEmpty()) {
                    printRates(rates);
                    return ExitCodes.OK;
                }
                if (!rates.unrecorded().isEmpty()) {
                    System.out.println("Failure rates by '" + column + "' are not available: " + runs(rates.unrecorded())
                            + " did not record how many evaluated rows had each value (" + WHY + "). Failure counts:");
                }
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

    private static final String WHY = "stored before the log kept these counts, by a verb that does not keep them,"
            + " without this column, or with it redacted and numeric";

    private static String runs(List<String> ids) {
        String shown = String.join(", ", ids.subList(0, Math.min(5, ids.size())));
        return (ids.size() == 1 ? "run " : "runs ") + shown + (ids.size() > 5 ? " and " + (ids.size() - 5) + " more" : "");
    }

    private static String percent(Double rate) {
        return rate == null ? "" : String.format(Locale.ROOT, "%.2f%%", 100 * rate);
    }

    /** Failures ÷ evaluated rows per value, the overall rate, and which runs are left out. */
    private void printRates(ValueRates rates) {
        long failures = rates.failures();
        TextTable t = new TextTable(rates.column().toUpperCase(Locale.ROOT), "ROWS", "FAILURES", "FAILURE RATE", "SHARE OF FAILURES");
        for (ValueCount g : rates.groups()) {
            t.add(rates.label(g), g.rows(), g.failures(), percent(g.rate()),
                    failures == 0 ? "" : String.format(Locale.ROOT, "%.1f%%", 100.0 * g.failures() / failures));
        }
        t.add("(all)", rates.rows(), failures, percent(rates.overallRate()), failures == 0 ? "" : "100.0%");
        t.print(System.out);
        System.out.println("Failure rate = failures / evaluated rows with the value, over " + runs(rates.rated())
                + (rates.rated().size() > 1 ? " (pooled)" : "") + "; probe failures are not counted.");
        if (!rates.unrecorded().isEmpty()) {
            System.out.println("Note: " + runs(rates.unrecorded()) + " did not record how many evaluated rows had each value of '"
                    + rates.column() + "' (" + WHY + "); their failures are not in these rates (--run ID shows their failure counts).");
        }
        if (html != null) {
            writeRatesHtml(rates);
            System.out.println("HTML: " + html);
        }
    }

    private void writeRatesHtml(ValueRates rates) {
        String label = rates.column();
        List<String> groups = rates.groups().stream().map(rates::label).toList();
        double[] percents = rates.groups().stream().mapToDouble(g -> g.rate() == null ? Double.NaN : 100 * g.rate()).toArray();
        Double overall = rates.overallRate();
        StringBuilder page = start("Failure rate by " + label);
        page.append(Charts.bar("Failure rate by " + label, label, "failure rate (%)", groups, percents, Palette.VERMILLION,
                overall == null ? Double.NaN : 100 * overall, "overall " + percent(overall)));
        page.append("<p>").append(Markup.escape("Failures / evaluated rows with the value, over " + runs(rates.rated())
                + "; the dashed line is the overall rate.")).append("</p>");
        if (!rates.unrecorded().isEmpty()) {
            page.append("<p>").append(Markup.escape("Not in these rates: " + runs(rates.unrecorded()) + " (" + WHY + ")."))
                    .append("</p>");
        }
        page.append("<table><tr><th>").append(Markup.escape(label))
                .append("</th><th>rows</th><th>failures</th><th>failure rate</th></tr>");
        for (ValueCount g : rates.groups()) {
            page.append("<tr><td>").append(Markup.escape(rates.label(g))).append("</td><td>").append(g.rows())
                    .append("</td><td>").append(g.failures()).append("</td><td>").append(percent(g.rate())).append("</td></tr>");
        }
        page.append("<tr><th>(all)</th><th>").append(rates.rows()).append("</th><th>").append(rates.failures())
                .append("</th><th>").append(percent(overall)).append("</th></tr>");
        finish(page);
    }

    private static StringBuilder start(String title) {
        return new StringBuilder("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
                .append(Markup.escape(title)).append("</title><style>body{font-family:sans-serif;margin:2em}"
                        + "table{border-collapse:collapse}td,th{padding:.2em .8em;border-bottom:1px solid #ddd;text-align:left}</style>"
                        + "</head><body><h1>").append(Markup.escape(title)).append("</h1>");
    }

    private void finish(StringBuilder page) {
        page.append("</table></body></html>\n");
        try {
            AtomicFiles.write(html, page.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + html + ": " + e.getMessage(), e);
        }
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
