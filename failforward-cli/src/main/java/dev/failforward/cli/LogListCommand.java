package dev.failforward.cli;

import dev.failforward.explain.Explanation;
import dev.failforward.failure.Failure;
import dev.failforward.failure.FailureFilter;
import dev.failforward.failure.LoggedFailure;
import dev.failforward.log.FailureLog;
import dev.failforward.model.Task;
import dev.failforward.report.FailureCsv;
import dev.failforward.run.Run;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code failforward log list}: the failures of one run or of all runs, filtered. */
@Command(name = "list", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"List failures: every run's, or one run's with --run, filtered by recurrence, triage,",
                "cause, input values, confidence and origin.", ""},
        footer = {"", "Examples:",
                "  failforward log list --run latest",
                "  failforward log list --format jsonl > failures.jsonl",
                "  failforward log list --where \"contract = 'Month-to-month' AND tenure < 6\" --sort loss",
                "  failforward log list --recurrence recurring --triage open --min-confidence 0.9",
                "  failforward log list --origin probe:* --format csv --limit 100",
                "", "jsonl and csv list every matching failure unless --limit is given;",
                "table shows the first " + LogListCommand.TABLE_ROWS + " and says how many more there are.",
                "In JSON and csv each failure has 'recurrence' (new|recurring) and 'triage' (open|triaged|wont-fix|fixed)."})
public final class LogListCommand implements Callable<Integer> {

    static final int TABLE_ROWS = 50;

    enum Format { table, jsonl, csv }

    @Mixin
    FilterOptions filters;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
            description = "table, jsonl or csv (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = "--limit", paramLabel = "N", description = "At most N failures.")
    Integer limit;


    @Mixin
    StoreOption store;

    @Override
    public Integer call() {
        if (limit != null && limit < 0) {
            throw new UsageException("--limit must be 0 or more, got " + limit);
        }
        try (FailureLog log = store.open()) {
            FailureFilter filter = filters.filter(log, limit);
            Map<String, Task> tasks = tasks(log);
            PrintStream out = System.out;
            switch (format) {
                case jsonl -> {
                    Map<String, Map<String, List<Explanation>>> attributions = new HashMap<>();
                    log.find(filter).forEach(f -> out.println(LoggedFailureJson.line(f, tasks.get(f.failure().runId()),
                            attributions.computeIfAbsent(f.failure().runId(), log::attributionsOfRun)
                                    .getOrDefault(f.failure().id(), List.of()))));
                }
                case csv -> FailureCsv.writeLogged(log.find(filter), tasks::get, out);
                case table -> table(log, filter, out);
            }
            out.flush();
        }
        return ExitCodes.OK;
    }

    static Map<String, Task> tasks(FailureLog log) {
        Map<String, Task> tasks = new HashMap<>();
        for (Run r : log.runs()) {
            tasks.put(r.id(), r.task());
        }
        return tasks;
    }

    private void table(FailureLog log, FailureFilter filter, PrintStream out) {
        int shown = limit == null ? TABLE_ROWS : Math.min(limit, TABLE_ROWS);
        List<LoggedFailure> failures = log.find(filter.withLimit(shown));
        long total = log.count(filter);
        if (limit != null) {
            total = Math.min(total, limit);
        }
        if (failures.isEmpty()) {
            out.println("No failures.");
            return;
        }
        TextTable t = new TextTable("ID", "ROW", "ORIGIN", "EXPECTED", "PREDICTED", "CONFIDENCE", "LOSS", "CAUSES",
                "RECURRENCE", "TRIAGE");
        for (LoggedFailure lf : failures) {
            Failure f = lf.failure();
            t.add(f.id(), f.rowKey(), f.origin(), f.expected(), f.predicted(),
                    f.confidence() == null ? "" : String.format("%.3f", f.confidence()),
                    String.format("%.3f", f.loss()), String.join(",", f.causeTags()), lf.recurrence().id(), lf.triage().id());
        }
        t.print(out);
        if (total > failures.size()) {
            out.printf("... and %d more (use --limit, or --format jsonl|csv for all)%n", total - failures.size());
        }
    }
}
