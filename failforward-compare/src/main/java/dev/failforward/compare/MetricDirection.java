package dev.failforward.compare;

import java.util.Set;

/** Which metrics are better when lower; all others are better when higher. */
final class MetricDirection {

    private static final Set<String> LOWER_IS_BETTER = Set.of("log_loss", "brier_score", "rmse", "mae");

    private MetricDirection() {
    }

    static boolean higherIsBetter(String metric) {
        return !LOWER_IS_BETTER.contains(metric);
    }
}
