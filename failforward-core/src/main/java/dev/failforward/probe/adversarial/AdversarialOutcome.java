package dev.failforward.probe.adversarial;

import java.util.List;

/** The adversarial search's summary and its verified examples, in test-row order. */
public record AdversarialOutcome(AdversarialSummary summary, List<AdversarialExample> examples) {

    public AdversarialOutcome {
        examples = List.copyOf(examples);
    }
}
