package dev.failforward.cli;

import dev.failforward.failure.FailureFilter;
import dev.failforward.failure.FailureSort;
import dev.failforward.failure.Recurrence;
import dev.failforward.failure.TriageStatus;
import dev.failforward.failure.WhereParser;
import dev.failforward.log.FailureLog;
import dev.failforward.run.Run;
import picocli.CommandLine.Option;

import java.util.Locale;

/** The failure filters shared by {@code log list} and {@code log export}. */
public final class FilterOptions {

    @Option(names = "--run", paramLabel = "RUN_ID|latest", description = "Only this run's failures (default: all runs).")
    String run;

    @Option(names = "--recurrence", paramLabel = "new|recurring",
            description = "new: no failure with the same fingerprint in an earlier run; recurring: there is one.")
    String recurrence;

    @Option(names = "--triage", paramLabel = "STATUS", description = "open, triaged, wont-fix or fixed.")
    String triage;

    @Option(names = "--cause", paramLabel = "TAG", description = "Failures with this cause tag, from the scan (weak-slice, overconfident, label-issue, ood, leakage) or from triage.")
    String cause;

    @Option(names = "--where", paramLabel = "CONDITION",
            description = "A condition on input values, e.g. \"contract = 'Month-to-month' AND (tenure < 6 OR monthly_charges >= 80)\".")
    String where;

    @Option(names = "--min-confidence", paramLabel = "P", description = "Only failures predicted with at least this confidence.")
    Double minConfidence;

    @Option(names = "--origin", paramLabel = "ORIGIN", description = "holdout, production, probe:<id> or probe:* (any probe).")
    String origin;

    @Option(names = "--sort", paramLabel = "loss|confidence", description = "Worst first by loss or by confidence (default: by run, in stored order).")
    String sort;

    /** The filter, with --run resolved in the log; bad values are usage errors. */
    FailureFilter filter(FailureLog log, Integer limit) {
        String runId = null;
        if (run != null) {
            runId = log.run(run).map(Run::id).orElseThrow(() -> new UsageException(
                    "no run '" + run + "' in " + log.location() + "; see 'failforward log runs'"));
        }
        if (minConfidence != null && (minConfidence < 0 || minConfidence > 1)) {
            throw new UsageException("--min-confidence must be from 0 to 1, got " + minConfidence);
        }
        FailureSort order = FailureSort.STORED;
        if (sort != null) {
            order = switch (sort.toLowerCase(Locale.ROOT)) {
                case "loss" -> FailureSort.LOSS;
                case "confidence" -> FailureSort.CONFIDENCE;
                default -> throw new UsageException("--sort must be loss or confidence, got '" + sort + "'");
            };
        }
        if (origin != null && origin.isBlank()) {
            throw new UsageException("--origin must name an origin: holdout, production, probe:<id> or probe:*");
        }
        return new FailureFilter(runId, recurrence == null ? null : Recurrence.parse(recurrence),
                triage == null ? null : TriageStatus.parse(triage), cause,
                where == null ? null : WhereParser.parse(where), minConfidence, origin, order, limit);
    }
}
