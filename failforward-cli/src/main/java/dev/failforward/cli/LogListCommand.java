package dev.failforward.cli;

import dev.failforward.failure.Failure;
import dev.failforward.failure.FailureLog;
import dev.failforward.failure.FailureQuery;
import dev.failforward.model.Task;
import dev.failforward.report.FailureCsv;
import dev.failforward.report.FailureJson;
import dev.failforward.run.Run;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code failforward log list}: the failures of one run or of all runs. */
@Command(name = "list", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"List failures: every run's, or one run's with --run.", ""},
        footer = {"", "Examples:",
                "  failforward log list --run latest",
                "  failforward log list --format jsonl > failures.jsonl",
                "  failforward log list --run 01JD3X5W2Q8R6T0Y7V9B4N1M3K --format csv --limit 100",
                "  failforward log list --run latest --cause label-issue",
                "", "jsonl and csv list every matching failure unless --limit is given;",
                "table shows the first " + LogListCommand.TABLE_ROWS + " and says how many more there are."})
public final class LogListCommand implements Callable<Integer> {

    static final int TABLE_ROWS = 50;

    enum Format { table, jsonl, csv }

    @Option(names = "--run", paramLabel = "RUN_ID|latest", description = "Only this run's failures (default: all runs).")
    String run;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
            description = "table, jsonl or csv (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = "--limit", paramLabel = "N", description = "At most N failures.")
    Integer limit;

    @Option(names = "--cause", paramLabel = "TAG",
            description = "Only failures with this cause tag (weak-slice, overconfident, label-issue, ood, leakage).")
    String cause;

    @Mixin
    StoreOption store;

    @Override
    public Integer call() {
        if (limit != null && limit < 0) {
            throw new UsageException("--limit must be 0 or more, got " + limit);
        }
        try (FailureLog log = store.open()) {
            String runId = null;
            if (run != null) {
                runId = log.run(run).map(Run::id).orElseThrow(() -> new UsageException(
                        "no run '" + run + "' in " + log.location() + "; see 'failforward log runs'"));
            }
            Map<String, Task> tasks = new HashMap<>();
            for (Run r : log.runs()) {
                tasks.put(r.id(), r.task());
            }
            PrintStream out = System.out;
            switch (format) {
                case jsonl -> select(log, runId, limit)
                        .forEach(f -> out.println(FailureJson.toJsonLine(f, tasks.get(f.runId()))));
                case csv -> FailureCsv.write(select(log, runId, limit), tasks::get, out);
                case table -> table(log, runId, out);
            }
            out.flush();
        }
        return ExitCodes.OK;
    }

    /** The failures of the query, with {@code --cause} applied before the limit. */
    private List<Failure> select(FailureLog log, String runId, Integer max) {
        if (cause == null) {
            return log.failures(new FailureQuery(runId, max));
        }
        return log.failures(new FailureQuery(runId, null)).stream().filter(f -> f.causeTags().contains(cause))
                .limit(max == null ? Long.MAX_VALUE : max).toList();
    }

    private void table(FailureLog log, String runId, PrintStream out) {
        int shown = limit == null ? TABLE_ROWS : Math.min(limit, TABLE_ROWS);
        List<Failure> failures = select(log, runId, shown);
        long total = cause == null ? log.countFailures(new FailureQuery(runId, null)) : select(log, runId, null).size();
        if (limit != null) {
            total = Math.min(total, limit);
        }
        if (failures.isEmpty()) {
            out.println("No failures.");
            return;
        }
        TextTable t = new TextTable("ID", "ROW", "ORIGIN", "EXPECTED", "PREDICTED", "CONFIDENCE", "LOSS", "CAUSES");
        for (Failure f : failures) {
            t.add(f.id(), f.rowKey(), f.origin(), f.expected(), f.predicted(),
                    f.confidence() == null ? "" : String.format("%.3f", f.confidence()),
                    String.format("%.3f", f.loss()), String.join(",", f.causeTags()));
        }
        t.print(out);
        if (total > failures.size()) {
            out.printf("... and %d more (use --limit, or --format jsonl|csv for all)%n", total - failures.size());
        }
    }
}
