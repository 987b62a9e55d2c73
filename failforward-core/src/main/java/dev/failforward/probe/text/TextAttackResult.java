package dev.failforward.probe.text;

import dev.failforward.failure.Failure;

import java.util.List;

/**
 * What the text adversarial search found: of {@code attacked} correctly predicted rows,
 * {@code succeeded} were flipped (each re-scored and verified), with the median number of words
 * changed among them; {@code failures} holds one failure per flipped row.
 */
public record TextAttackResult(String column, int budget, int attacked, int succeeded, double medianWordsChanged,
                               List<Failure> failures) {

    public TextAttackResult {
        failures = List.copyOf(failures);
    }

    /** Share of attacked rows flipped; 0 when none were attacked. */
    public double successRate() {
        return attacked == 0 ? 0 : (double) succeeded / attacked;
    }
}
