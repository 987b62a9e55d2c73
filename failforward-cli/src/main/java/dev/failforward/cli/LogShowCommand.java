package dev.failforward.cli;

import dev.failforward.explain.Attribution;
import dev.failforward.explain.Explanation;
import dev.failforward.failure.Failure;
import dev.failforward.failure.LoggedFailure;
import dev.failforward.failure.TriageEvent;
import dev.failforward.log.FailureLog;
import dev.failforward.run.Run;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code failforward log show}: everything the log knows about one failure. */
@Command(name = "show", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Show one failure: input, expected and predicted, probabilities, origin, cause tags,",
                "its history across runs (by fingerprint) and its triage history.", ""},
        footer = {"", "Examples:",
                "  failforward log show 01JD3X5W2Q8R6T0Y7V9B4N1M3K-17",
                "  failforward log show 01JD3X5W2Q8R6T0Y7V9B4N1M3K-17 --format json"})
public final class LogShowCommand implements Callable<Integer> {

    enum Format { text, json }

    @Parameters(paramLabel = "FAILURE_ID", description = "A failure id, as 'log list' shows it.")
    String id;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE}).")
    Format format;

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
            LoggedFailure lf = log.failure(id).orElseThrow(() -> new UsageException("no failure '" + id + "' in "
                    + log.location() + "; see 'failforward log list'"));
            Failure f = lf.failure();
            Run run = log.run(f.runId()).orElseThrow();
            List<LoggedFailure> history = log.history(f.fingerprint());
            List<TriageEvent> triage = log.triageHistory(f.fingerprint());
            List<Explanation> explanations = log.attributions(f.id());
            PrintStream out = System.out;
            if (format == Format.json) {
                var o = LoggedFailureJson.toJson(lf, run.task(), explanations);
                var h = o.putArray("history");
                for (LoggedFailure other : history) {
                    h.addObject().put("failure_id", other.failure().id()).put("run_id", other.failure().runId())
                            .put("predicted", other.failure().predicted()).put("loss", other.failure().loss());
                }
                var t = o.putArray("triage_history");
                for (TriageEvent e : triage) {
                    t.addObject().put("status", e.status().id()).put("cause", e.cause()).put("note", e.note())
                            .put("who", e.who()).put("at", e.at().toString()).put("failure_id", e.failureId());
                }
                out.println(o);
                return ExitCodes.OK;
            }
            out.println("Failure " + f.id() + "  (" + lf.recurrence().id() + ", triage " + lf.triage().id()
                    + (lf.triageCause() == null ? "" : ", cause " + lf.triageCause()) + ")");
            out.println("  run:         " + f.runId() + "  " + run.kind() + " of " + run.modelId() + " on " + Text.safe(run.data()));
            out.println("  row:         " + Text.safe(f.rowKey()));
            out.println("  origin:      " + f.origin());
            out.println("  expected:    " + Text.safe(f.expected()));
            out.println("  predicted:   " + Text.safe(f.predicted()));
            if (!f.probabilities().isEmpty()) {
                StringBuilder sb = new StringBuilder();
                f.probabilities().forEach((k, v) -> sb.append(String.format("  %s %.4f", Text.safe(k), v)));
                out.println("  probabilities:" + sb);
            }
            if (f.confidence() != null) {
                out.printf("  confidence:  %.4f%n", f.confidence());
            }
            out.printf("  loss:        %.4f%n", f.loss());
            out.println("  cause tags:  " + (f.causeTags().isEmpty() ? "(none)" : String.join(", ", f.causeTags())));
            out.println("  fingerprint: " + f.fingerprint());
            out.println("  input:");
            f.input().forEach((k, v) -> out.println("    " + Text.safe(k) + " = " + display(v)));
            if (f.perturbation() != null) {
                out.println("  probe params:");
                f.perturbation().params().forEach((k, v) -> out.println("    " + Text.safe(k) + " = " + Text.safe(v)));
                out.println("  perturbed input (changed values only):");
                f.perturbation().perturbedInput().forEach((k, v) -> {
                    if (!java.util.Objects.equals(v, f.input().get(k))) {
                        out.println("    " + Text.safe(k) + " = " + display(f.input().get(k)) + "  ->  " + display(v));
                    }
                });
            }
            if (explanations.isEmpty()) {
                out.println("  attributions: none yet (failforward explain --run " + f.runId() + " --failure " + f.id() + ")");
            }
            for (Explanation e : explanations) {
                printAttributions(out, e, topFeatures);
            }
            out.println("  history (" + history.size() + " runs with this failure):");
            TextTable h = new TextTable("RUN", "FAILURE", "PREDICTED", "LOSS");
            history.forEach(o -> h.add(o.failure().runId(), o.failure().id(), o.failure().predicted(),
                    String.format("%.3f", o.failure().loss())));
            h.print(out);
            if (triage.isEmpty()) {
                out.println("  triage: none yet ('failforward log triage " + f.id() + " --status triaged --note ...')");
            } else {
                out.println("  triage history:");
                TextTable t = new TextTable("WHEN (UTC)", "WHO", "STATUS", "CAUSE", "NOTE");
                triage.forEach(e -> t.add(LogRunsCommand.TIME.format(e.at()), e.who(), e.status().id(), e.cause(), e.note()));
                t.print(out);
            }
        }
        return ExitCodes.OK;
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

    private static String display(Object value) {
        return value == null ? "(missing)" : Text.clip(String.valueOf(value), 200);
    }
}
