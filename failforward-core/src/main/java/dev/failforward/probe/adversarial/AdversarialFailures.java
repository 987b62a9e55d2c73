package dev.failforward.probe.adversarial;

import dev.failforward.data.NumericColumn;
import dev.failforward.failure.Failure;
import dev.failforward.failure.Fingerprints;
import dev.failforward.failure.Judge;
import dev.failforward.failure.Perturbation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Verified adversarial examples as failures of origin {@code probe:adversarial}: the input is the original
 * row, the perturbation holds the adversarial row and the parameters {@code distance}, {@code changed} and
 * {@code evaluations}. The fingerprint covers the row and the changed features, not the exact distance, so
 * the same weakness is recognised across runs.
 */
public final class AdversarialFailures {

    public static final String ORIGIN = "probe:adversarial";

    private AdversarialFailures() {
    }

    /** @param firstNumber the number of the first failure id ({@code runId-N}), after the run's other failures */
    public static List<Failure> of(AdversarialOutcome outcome, String runId, int firstNumber) {
        List<Failure> out = new ArrayList<>();
        for (AdversarialExample x : outcome.examples()) {
            Map<String, String> params = new LinkedHashMap<>();
            params.put("probe", "adversarial");
            params.put("distance", NumericColumn.format(round(x.distance())));
            params.put("changed", String.join(",", x.changed()));
            params.put("evaluations", Integer.toString(x.evaluations()));
            params.put("budget", Integer.toString(outcome.summary().budget()));
            String fingerprint = Fingerprints.failure(x.rowKey(), x.original(), ORIGIN,
                    Map.of("probe", "adversarial", "changed", String.join(",", x.changed())));
            double confidence = x.probabilities().get(x.predicted());
            double loss = Judge.logLoss(x.trueProbabilityAfter());
            out.add(new Failure(runId + "-" + (firstNumber + out.size()), runId, x.rowKey(), ORIGIN, x.original(),
                    x.expected(), x.predicted(), x.probabilities(), null, confidence, loss,
                    List.of("adversarial", "flipped", "became-wrong"), fingerprint,
                    new Perturbation(params, x.adversarial())));
        }
        return out;
    }

    private static double round(double v) {
        return Math.round(v * 1e6) / 1e6;
    }
}
