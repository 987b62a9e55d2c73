package dev.failforward.model.builtin;

import java.io.Serializable;

/**
 * A regression target centred and scaled for training, and scaled back for predictions. Linear
 * SGD cannot reach a target in the hundreds of thousands in a few epochs; all learners see the
 * same standardised target so they share one code path.
 */
public record TargetScale(double mean, double sd) implements Serializable {

    private static final long serialVersionUID = 1L;

    public TargetScale {
        if (!Double.isFinite(mean) || !(sd > 0) || !Double.isFinite(sd)) {
            throw new IllegalArgumentException("bad target scaling " + mean + ", " + sd);
        }
    }

    /** Mean and standard deviation of {@code values}, which are all finite. */
    public static TargetScale fit(double[] values) {
        double mean = 0;
        for (double v : values) {
            mean += v;
        }
        mean /= values.length;
        double squares = 0;
        for (double v : values) {
            squares += (v - mean) * (v - mean);
        }
        double sd = Math.sqrt(squares / values.length);
        return new TargetScale(mean, sd > 0 ? sd : 1);
    }

    public double toScaled(double value) {
        return (value - mean) / sd;
    }

    public double fromScaled(double scaled) {
        return scaled * sd + mean;
    }
}
