package dev.failforward.cli;

import dev.failforward.probe.adversarial.AdversarialSearch;
import dev.failforward.probe.adversarial.AdversarialSettings;
import dev.failforward.probe.adversarial.Bound;
import dev.failforward.scan.ScanData;
import picocli.CommandLine.Option;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code probe}'s options for the black-box adversarial search over tabular features. */
public final class AdversarialOptions {

    @Option(names = "--adversarial",
            description = "Also search, for each correctly predicted test row, the smallest change that flips its class.")
    boolean enabled;

    @Option(names = "--adversarial-budget", paramLabel = "N", defaultValue = "" + AdversarialSettings.DEFAULT_BUDGET,
            description = "Model evaluations per row the search may spend (default: ${DEFAULT-VALUE}).")
    int budget;

    @Option(names = "--adversarial-rows", paramLabel = "N", defaultValue = "" + AdversarialSettings.DEFAULT_ROWS,
            description = "Search at most N correctly predicted rows, a seeded sample when there are more; 0 = all (default: ${DEFAULT-VALUE}).")
    int rows;

    @Option(names = "--immutable", paramLabel = "COL", split = ",",
            description = "Features the adversarial search must never change, comma-separated.")
    List<String> immutable = List.of();

    @Option(names = "--bound", paramLabel = "COL=LOW:HIGH",
            description = "Range a numeric feature may take in the adversarial search (default: its training range); an empty side keeps the training value. Repeatable.")
    List<String> bounds = List.of();

    /** The settings, or null when the search is off; fails on bad values before anything runs. */
    AdversarialSettings settings(long seed) {
        boolean given = budget != AdversarialSettings.DEFAULT_BUDGET || rows != AdversarialSettings.DEFAULT_ROWS
                || !immutable.isEmpty() || !bounds.isEmpty();
        if (!enabled) {
            if (given) {
                throw new UsageException("--adversarial-budget, --adversarial-rows, --immutable and --bound need --adversarial");
            }
            return null;
        }
        Map<String, Bound> parsed = new LinkedHashMap<>();
        for (String text : bounds) {
            Bound b = Bound.parse(text);
            if (parsed.put(b.column(), b) != null) {
                throw new UsageException("--bound given twice for '" + b.column() + "'");
            }
        }
        return new AdversarialSettings(budget, rows, immutable, parsed, seed);
    }

    /** Checks the settings against the prepared data, before training. */
    static void check(AdversarialSettings settings, ScanData data) {
        if (settings != null) {
            AdversarialSearch.check(data, settings);
        }
    }
}
