package dev.failforward.spark;

import java.io.Serializable;

/**
 * The mergeable part of a regression evaluation: the row count, the sums of squared and absolute
 * errors, and the mean and sum of squared deviations of the true values, merged with Chan's formula
 * so that R² needs no second pass.
 */
final class RegressionSummary implements Serializable {

    long n;
    double squaredError;
    double absoluteError;
    double mean;
    double m2;

    void add(double truth, double predicted) {
        double e = predicted - truth;
        squaredError += e * e;
        absoluteError += Math.abs(e);
        n++;
        double delta = truth - mean;
        mean += delta / n;
        m2 += delta * (truth - mean);
    }

    RegressionSummary merge(RegressionSummary o) {
        if (o.n == 0) {
            return this;
        }
        long total = n + o.n;
        double delta = o.mean - mean;
        m2 += o.m2 + delta * delta * ((double) n * o.n / total);
        mean += delta * o.n / total;
        n = total;
        squaredError += o.squaredError;
        absoluteError += o.absoluteError;
        return this;
    }
}
