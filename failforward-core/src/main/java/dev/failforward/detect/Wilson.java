package dev.failforward.detect;

/** The Wilson score interval of a proportion: sound at small counts and near 0 or 1, unlike the normal one. */
final class Wilson {

    static final double Z95 = 1.959963984540054;

    private Wilson() {
    }

    /** The 95 % interval {@code {low, high}} of {@code successes} out of {@code n} ({@code {0, 1}} when n = 0). */
    static double[] interval(long successes, long n) {
        if (n == 0) {
            return new double[]{0, 1};
        }
        double p = (double) successes / n;
        double z2 = Z95 * Z95;
        double centre = (p + z2 / (2 * n)) / (1 + z2 / n);
        double half = Z95 * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n)) / (1 + z2 / n);
        return new double[]{Math.max(0, centre - half), Math.min(1, centre + half)};
    }
}
