package dev.failforward.session;

import dev.failforward.data.Table;
import dev.failforward.model.Trainer;
import dev.failforward.probe.ProbeOutcome;
import dev.failforward.probe.ProbeRunner;
import dev.failforward.probe.ProbeSuite;
import dev.failforward.probe.adversarial.AdversarialFailures;
import dev.failforward.probe.adversarial.AdversarialOutcome;
import dev.failforward.probe.adversarial.AdversarialSearch;
import dev.failforward.probe.adversarial.AdversarialSettings;
import dev.failforward.probe.stress.StressOutcome;
import dev.failforward.probe.stress.StressRunner;
import dev.failforward.probe.stress.StressSettings;
import dev.failforward.probe.text.TextAttack;
import dev.failforward.probe.text.TextAttackResult;
import dev.failforward.scan.ScanSpec;

/** The scan steps that break a model further: probes, the adversarial search, the text attack, stress splits. */
public final class ProbeSteps {

    private ProbeSteps() {
    }

    /** Perturbs the test rows with every probe of {@code suite}. */
    public static ScanStep<ProbeOutcome> probes(ProbeSuite suite) {
        return c -> {
            ProbeOutcome o = ProbeRunner.run(suite, c.model(), c.data(), c.baseline(), c.seed(), c.runId(),
                    c.firstFailureNumber(), c.progress());
            return new StepResult<>(o, o.failures());
        };
    }

    /** Searches for the smallest change of each attacked row that flips the model's prediction. */
    public static ScanStep<AdversarialOutcome> adversarial(AdversarialSettings settings) {
        return c -> {
            AdversarialOutcome o = AdversarialSearch.run(c.model(), c.data(), c.baseline(), settings, c.progress());
            return new StepResult<>(o, AdversarialFailures.of(o, c.runId(), c.firstFailureNumber()));
        };
    }

    /** Swaps words of correctly predicted texts until the prediction flips. */
    public static ScanStep<TextAttackResult> textAttack(TextAttack attack) {
        return c -> {
            TextAttackResult o = attack.run(c.model(), c.data(), c.baseline(), c.seed(), c.runId(), c.firstFailureNumber(),
                    c.progress());
            return new StepResult<>(o, o.failures());
        };
    }

    /**
     * Retrains {@code trainer} on stress splits of {@code table} (held-out groups, time, shifted
     * features) as {@code spec} prepared it, and evaluates each split.
     */
    public static ScanStep<StressOutcome> stress(Table table, ScanSpec spec, Trainer trainer, StressSettings settings) {
        return c -> {
            StressOutcome o = StressRunner.run(table, spec, trainer, settings, c.data(), c.model(), c.baseline(), c.runId(),
                    c.firstFailureNumber(), c.progress());
            return new StepResult<>(o, o.failures());
        };
    }
}
