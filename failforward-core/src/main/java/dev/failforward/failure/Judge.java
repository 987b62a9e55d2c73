package dev.failforward.failure;

import dev.failforward.api.PublicApi;

import java.util.List;

/**
 * How every run judges a prediction, in one place: its loss, and the cause tags the judgement itself
 * gives a failure. A wrong prediction made with confidence at least {@code overconfident} is tagged
 * {@value #OVERCONFIDENT_TAG}; scans take the threshold from the calibration detector's
 * {@code overconfident} setting, so a finding and the failures it counts agree.
 */
@PublicApi
public record Judge(double overconfident) {

    public static final double DEFAULT_OVERCONFIDENT = 0.9;
    public static final String OVERCONFIDENT_TAG = "overconfident";
    /** Probabilities are clipped here before the logarithm, as scikit-learn's {@code log_loss} does. */
    private static final double MIN_PROBABILITY = 1e-15;

    public static final Judge DEFAULT = new Judge(DEFAULT_OVERCONFIDENT);

    public Judge {
        if (!(overconfident > 0 && overconfident <= 1)) {
            throw new IllegalArgumentException("the over-confidence threshold must be in (0, 1], got " + overconfident);
        }
    }

    /** The log loss of one prediction: minus the natural logarithm of the probability given to the true class. */
    public static double logLoss(double trueClassProbability) {
        return -Math.log(Math.max(MIN_PROBABILITY, trueClassProbability));
    }

    /** The cause tags of a wrong prediction made with {@code confidence} ({@code null}: not known). */
    public List<String> tags(Double confidence) {
        return confidence != null && confidence >= overconfident ? List.of(OVERCONFIDENT_TAG) : List.of();
    }
}
