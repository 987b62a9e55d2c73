package dev.failforward.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.failforward.failure.Failure;
import dev.failforward.failure.FailureFilter;
import dev.failforward.failure.RunDiff;
import dev.failforward.log.FailureLog;
import dev.failforward.run.Run;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.function.Function;

/** {@code failforward log diff}: what changed between two runs' failures. */
@Command(name = "diff", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Compare the failures of run B with those of run A, matched by fingerprint: new in B,",
                "fixed in B (the row was predicted correctly in B), persisting, and not comparable (the row",
                "was not evaluated in both runs); with the counts per slice.", ""},
        footer = {"", "Examples:",
                "  failforward log diff 01JD3X5W2Q8R6T0Y7V9B4N1M3K latest",
                "  failforward log diff RUN_A RUN_B --by contract",
                "  failforward log diff RUN_A RUN_B --format json",
                "", "Counts add up: failures of A = fixed + persisting + not comparable in A;",
                "failures of B = new + persisting + not comparable in B."})
public final class LogDiffCommand implements Callable<Integer> {

    enum Format { table, json }

    @Parameters(index = "0", paramLabel = "RUN_A", description = "The earlier run (an id or latest).")
    String runA;

    @Parameters(index = "1", paramLabel = "RUN_B", description = "The later run (an id or latest).")
    String runB;

    @Option(names = "--by", paramLabel = "COLUMN", description = "Slice by this input column's values (default: by origin).")
    String by;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table", description = "table or json (default: ${DEFAULT-VALUE}).")
    Format format;

    @Mixin
    StoreOption store;

    @Override
    public Integer call() {
        try (FailureLog log = store.open()) {
            Run a = find(log, runA);
            Run b = find(log, runB);
            RunDiff diff = RunDiff.of(a.id(), log.failures(FailureFilter.ofRun(a.id())),
                    RunDiff.failedByRow(log.predictions(a.id())), b.id(), log.failures(FailureFilter.ofRun(b.id())),
                    RunDiff.failedByRow(log.predictions(b.id())));
            Function<Failure, String> slice = by == null ? Failure::origin
                    : f -> f.input().containsKey(by) ? String.valueOf(f.input().get(by)) : "(no " + by + ")";
            Map<String, long[]> slices = new TreeMap<>();
            count(slices, diff.fresh(), slice, 0);
            count(slices, diff.fixed(), slice, 1);
            count(slices, diff.persisting(), slice, 2);
            count(slices, diff.notComparableA(), slice, 3);
            count(slices, diff.notComparableB(), slice, 4);
            PrintStream out = System.out;
            if (format == Format.json) {
                out.println(json(a, b, diff, slices));
            } else {
                out.printf("A %s: %d failures (%s, %s)%n", a.id(), a.failureCount(), a.modelId(), a.data());
                out.printf("B %s: %d failures (%s, %s)%n", b.id(), b.failureCount(), b.modelId(), b.data());
                out.printf("new in B: %d  fixed in B: %d  persisting: %d  not comparable: %d in A, %d in B%n",
                        diff.fresh().size(), diff.fixed().size(), diff.persisting().size(),
                        diff.notComparableA().size(), diff.notComparableB().size());
                out.println();
                TextTable t = new TextTable(by == null ? "ORIGIN" : by.toUpperCase(java.util.Locale.ROOT), "NEW", "FIXED",
                        "PERSISTING", "NOT COMPARABLE (A)", "NOT COMPARABLE (B)");
                slices.forEach((k, v) -> t.add(k, v[0], v[1], v[2], v[3], v[4]));
                t.print(out);
            }
        }
        return ExitCodes.OK;
    }

    private static Run find(FailureLog log, String id) {
        return log.run(id).orElseThrow(() -> new UsageException("no run '" + id + "' in " + log.location()
                + "; see 'failforward log runs'"));
    }

    private static void count(Map<String, long[]> slices, List<Failure> failures, Function<Failure, String> slice, int column) {
        for (Failure f : failures) {
            slices.computeIfAbsent(slice.apply(f), k -> new long[5])[column]++;
        }
    }

    private String json(Run a, Run b, RunDiff diff, Map<String, long[]> slices) {
        ObjectMapper m = new ObjectMapper();
        ObjectNode o = m.createObjectNode();
        o.put("run_a", a.id());
        o.put("run_b", b.id());
        o.put("failures_a", a.failureCount());
        o.put("failures_b", b.failureCount());
        o.put("new", diff.fresh().size());
        o.put("fixed", diff.fixed().size());
        o.put("persisting", diff.persisting().size());
        o.put("not_comparable_a", diff.notComparableA().size());
        o.put("not_comparable_b", diff.notComparableB().size());
        o.put("sliced_by", by == null ? "origin" : by);
        ObjectNode s = o.putObject("slices");
        slices.forEach((k, v) -> {
            ObjectNode n = s.putObject(k);
            n.put("new", v[0]);
            n.put("fixed", v[1]);
            n.put("persisting", v[2]);
            n.put("not_comparable_a", v[3]);
            n.put("not_comparable_b", v[4]);
        });
        ObjectNode ids = o.putObject("failure_ids");
        ids.set("new", m.valueToTree(diff.fresh().stream().map(Failure::id).toList()));
        ids.set("fixed", m.valueToTree(diff.fixed().stream().map(Failure::id).toList()));
        ids.set("persisting", m.valueToTree(diff.persisting().stream().map(Failure::id).toList()));
        return o.toString();
    }
}
