package dev.failforward.cli;

import dev.failforward.probe.text.TextAttack;
import picocli.CommandLine.Option;

/** {@code probe}'s options for text: the adversarial word-substitution search. */
public final class TextProbeOptions {

    @Option(names = "--text-adversarial",
            description = "Also search for adversarial sentences: greedy WordNet synonym substitution of the most important words (text data only).")
    boolean adversarial;

    @Option(names = "--text-adversarial-budget", paramLabel = "WORDS", defaultValue = "3",
            description = "Words the text adversarial search may try to replace per sentence (default: ${DEFAULT-VALUE}).")
    int budget;

    @Option(names = "--text-adversarial-rows", paramLabel = "N", defaultValue = "100",
            description = "Correctly predicted test rows attacked at most, a seeded sample (default: ${DEFAULT-VALUE}).")
    int rows;

    /** The configured search, or null when not asked for; bad numbers are a usage error. */
    TextAttack attack() {
        if (!adversarial) {
            return null;
        }
        if (budget < 1) {
            throw new UsageException("--text-adversarial-budget must be at least 1, got " + budget);
        }
        if (rows < 1) {
            throw new UsageException("--text-adversarial-rows must be at least 1, got " + rows);
        }
        return new TextAttack(budget, rows);
    }
}
