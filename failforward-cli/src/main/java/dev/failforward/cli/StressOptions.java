package dev.failforward.cli;

import dev.failforward.probe.stress.ShiftSpec;
import dev.failforward.probe.stress.StressOutcome;
import dev.failforward.probe.stress.StressResult;
import dev.failforward.probe.stress.StressSettings;
import picocli.CommandLine.Option;

/** {@code probe}'s options for stress tests with unseen data: held-out groups, a time split and a shifted test set. */
public final class StressOptions {

    @Option(names = "--group", paramLabel = "COL",
            description = "Leave-one-group-out: for each of COL's most frequent values, train without it and test on it.")
    String group;

    @Option(names = "--max-groups", paramLabel = "N", defaultValue = "" + StressSettings.DEFAULT_MAX_GROUPS,
            description = "Hold out at most the N most frequent values of --group (default: ${DEFAULT-VALUE}).")
    int maxGroups;

    @Option(names = "--time", paramLabel = "COL",
            description = "Time-ordered split: train on the earliest 70%% of rows by COL, test on the latest 30%%.")
    String time;

    @Option(names = "--shift", paramLabel = "COL[:VALUE]",
            description = "Shifted test set: redraw the test rows so 80%% come from high values of COL (at or above the VALUE quantile, "
                    + "default 0.75; a quantile under 0.5 favours values at or below it) or from the level VALUE of a categorical COL "
                    + "(default: its rarest level).")
    String shift;

    /** The settings, or null when no stress test is asked for. */
    StressSettings settings() {
        if (group == null && maxGroups != StressSettings.DEFAULT_MAX_GROUPS) {
            throw new UsageException("--max-groups needs --group");
        }
        StressSettings s = new StressSettings(group, time, shift == null ? null : ShiftSpec.parse(shift), maxGroups);
        return s.any() ? s : null;
    }

    /** One line per stress split, after the probe summary. */
    static void print(StressOutcome o, java.io.PrintStream out) {
        out.printf("  %-20s %-16s %-24s %6s %10s %10s %8s %9s%n", "stress", "column", "group", "rows", "value", "random", "drop",
                "failures");
        for (StressResult r : o.results()) {
            if (r.error() != null) {
                out.printf("  %-20s %-16s %-24s error: %s%n", r.kind().id(), r.column(), r.group(), r.error());
            } else {
                out.printf("  %-20s %-16s %-24s %6d %10.4f %10.4f %8.4f %9d%n", r.kind().id(), r.column(), r.group(), r.rows(),
                        r.value(), r.randomSplitValue(), r.drop(), r.failures());
            }
        }
    }
}
