package dev.failforward.explain;

/** Small weighted least-squares fits (normal equations with a tiny ridge), for the surrogate models of KernelSHAP and LIME. */
final class WeightedLeastSquares {

    private static final double RIDGE = 1e-10;

    private WeightedLeastSquares() {
    }

    /** Coefficients b minimising Σ w_i (y_i − x_i·b)² + ridge·|b|²; {@code x} is row-major {@code n × p}. */
    static double[] fit(double[] x, double[] y, double[] w, int n, int p) {
        double[][] a = new double[p][p + 1];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < p; j++) {
                double xj = w[i] * x[i * p + j];
                if (xj == 0) {
                    continue;
                }
                for (int k = 0; k < p; k++) {
                    a[j][k] += xj * x[i * p + k];
                }
                a[j][p] += xj * y[i];
            }
        }
        for (int j = 0; j < p; j++) {
            a[j][j] += RIDGE;
        }
        return solve(a, p);
    }

    /** Gaussian elimination with partial pivoting on the augmented matrix. */
    private static double[] solve(double[][] a, int p) {
        for (int c = 0; c < p; c++) {
            int pivot = c;
            for (int r = c + 1; r < p; r++) {
                if (Math.abs(a[r][c]) > Math.abs(a[pivot][c])) {
                    pivot = r;
                }
            }
            double[] t = a[c];
            a[c] = a[pivot];
            a[pivot] = t;
            if (a[c][c] == 0) {
                continue;
            }
            for (int r = c + 1; r < p; r++) {
                double f = a[r][c] / a[c][c];
                if (f != 0) {
                    for (int k = c; k <= p; k++) {
                        a[r][k] -= f * a[c][k];
                    }
                }
            }
        }
        double[] b = new double[p];
        for (int c = p - 1; c >= 0; c--) {
            double s = a[c][p];
            for (int k = c + 1; k < p; k++) {
                s -= a[c][k] * b[k];
            }
            b[c] = a[c][c] == 0 ? 0 : s / a[c][c];
        }
        return b;
    }

    /** Weighted R² of predictions {@code fitted} for {@code y}. 1 when y is constant and fitted exactly. */
    static double r2(double[] y, double[] fitted, double[] w, int n) {
        double sw = 0;
        double mean = 0;
        for (int i = 0; i < n; i++) {
            sw += w[i];
            mean += w[i] * y[i];
        }
        mean /= sw;
        double total = 0;
        double residual = 0;
        for (int i = 0; i < n; i++) {
            total += w[i] * (y[i] - mean) * (y[i] - mean);
            residual += w[i] * (y[i] - fitted[i]) * (y[i] - fitted[i]);
        }
        return total <= 1e-300 ? (residual <= 1e-24 ? 1 : 0) : 1 - residual / total;
    }
}
