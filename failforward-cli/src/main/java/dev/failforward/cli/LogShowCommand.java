package dev.failforward.cli;

import dev.failforward.explain.Attribution;
import dev.failforward.explain.Explanation;
import dev.failforward.failure.Failure;
import dev.failforward.failure.FailureLog;
import dev.failforward.failure.FailureQuery;
import dev.failforward.run.Run;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintStream;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code failforward log show}: one failure with its input and stored attributions. */
@Command(name = "show", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Show one failure: where it came from, its input, and its attributions (see 'explain').", ""},
        footer = {"", "Examples:",
                "  failforward log show 01JD3X5W2Q8R6T0Y7V9B4N1M3K-17",
                "  failforward log show 01JD3X5W2Q8R6T0Y7V9B4N1M3K-17 --top-features 20"})
public final class LogShowCommand implements Callable<Integer> {

    @Parameters(paramLabel = "FAILURE_ID", description = "The failure's id (see 'log list').")
    String id;

    @Option(names = "--top-features", paramLabel = "N", defaultValue = "10",
            description = "Attributions shown per method (default: ${DEFAULT-VALUE}).")
    int topFeatures;

    @Mixin
    StoreOption store;

    @Override
    public Integer call() {
        if (topFeatures < 1) {
            throw new UsageException("--top-features must be at least 1, got " + topFeatures);
        }
        try (FailureLog log = store.open()) {
            Failure f = find(log).orElseThrow(() -> new UsageException("no failure '" + id + "' in " + log.location()
                    + "; see 'failforward log list'"));
            PrintStream out = System.out;
            out.printf("Failure %s (run %s, row %s, %s)%n", f.id(), f.runId(), f.rowKey(), f.origin());
            out.printf("  expected %s, predicted %s%s, loss %.4f%n", f.expected(), f.predicted(),
                    f.confidence() == null ? "" : String.format(" (confidence %.3f)", f.confidence()), f.loss());
            if (!f.causeTags().isEmpty()) {
                out.println("  causes: " + String.join(", ", f.causeTags()));
            }
            out.println("  input:");
            f.input().forEach((k, v) -> out.printf("    %-28s %s%n", Text.clip(k, 28), v == null ? "(missing)" : v));
            List<Explanation> explanations = log.attributions(f.id());
            if (explanations.isEmpty()) {
                out.println("  attributions: none yet (failforward explain --run " + f.runId() + " --failure " + f.id() + ")");
            }
            for (Explanation e : explanations) {
                printAttributions(out, e, topFeatures);
            }
            out.flush();
        }
        return ExitCodes.OK;
    }

    private Optional<Failure> find(FailureLog log) {
        int dash = id.lastIndexOf('-');
        if (dash > 0) {
            Optional<Run> run = log.run(id.substring(0, dash));
            if (run.isPresent()) {
                return log.failures(new FailureQuery(run.get().id(), null)).stream().filter(f -> f.id().equals(id)).findFirst();
            }
        }
        return log.failures(new FailureQuery(null, null)).stream().filter(f -> f.id().equals(id)).findFirst();
    }

    /** An explanation as a few lines: method, what was explained, fidelity, then the top attributions with bars. */
    static void printAttributions(PrintStream out, Explanation e, int top) {
        out.printf("  attributions (%s, %s%s): base %.4f -> %.4f, %s %.3g%n", e.method(), e.scale(),
                e.output() == null ? "" : " of '" + e.output() + "'", e.baseValue(), e.value(),
                e.fidelity().measure().replace('_', ' '), e.fidelity().value());
        List<Attribution> shown = e.top(top).attributions();
        double largest = shown.stream().mapToDouble(a -> Math.abs(a.value())).max().orElse(0);
        for (Attribution a : shown) {
            int bar = largest == 0 ? 0 : (int) Math.round(20 * Math.abs(a.value()) / largest);
            out.printf("    %-28s %+.4f %s%n", Text.clip(a.feature(), 28), a.value(), (a.value() >= 0 ? "+" : "-").repeat(bar));
        }
        if (e.attributions().size() > shown.size()) {
            out.printf("    ... and %d more%n", e.attributions().size() - shown.size());
        }
    }
}
