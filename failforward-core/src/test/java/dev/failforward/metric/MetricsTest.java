package dev.failforward.metric;

import dev.failforward.model.Predictions;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class MetricsTest {

    @Test
    void aucMatchesPairCountingWithTies() {
        Random random = new Random(7);
        int n = 300;
        double[] score = new double[n];
        boolean[] positive = new boolean[n];
        for (int i = 0; i < n; i++) {
            positive[i] = random.nextBoolean();
            score[i] = Math.round((random.nextDouble() + (positive[i] ? 0.3 : 0)) * 10) / 10.0;
        }
        double pairs = 0;
        double wins = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (positive[i] && !positive[j]) {
                    pairs++;
                    wins += score[i] > score[j] ? 1 : score[i] == score[j] ? 0.5 : 0;
                }
            }
        }
        assertThat(Metrics.rocAuc(score, positive)).isCloseTo(wins / pairs, within(1e-12));
    }

    @Test
    void binaryMetricsByHand() {
        // truth: 1,1,0,0 ; p(positive): 0.9, 0.4, 0.2, 0.6 -> predicted 1,0,0,1
        Predictions p = Predictions.ofProbabilities(List.of("no", "yes"),
                new double[] {0.1, 0.9, 0.6, 0.4, 0.8, 0.2, 0.4, 0.6});
        Evaluation e = Metrics.classification(p, new int[] {1, 1, 0, 0});
        assertThat(e.metric("accuracy")).isEqualTo(0.5);
        assertThat(e.metric("precision")).isEqualTo(0.5);
        assertThat(e.metric("recall")).isEqualTo(0.5);
        assertThat(e.metric("roc_auc")).isEqualTo(0.75);
        double logLoss = -(Math.log(0.9) + Math.log(0.4) + Math.log(0.8) + Math.log(0.4)) / 4;
        assertThat(e.metric("log_loss")).isCloseTo(logLoss, within(1e-12));
        assertThat(e.confusion()).isDeepEqualTo(new long[][] {{1, 1}, {1, 1}});
        // scikit-learn's brier_score_loss([1, 1, 0, 0], [0.9, 0.4, 0.2, 0.6]) = 0.1925
        assertThat(e.metric("brier_score")).isCloseTo(0.1925, within(1e-12));
        assertThat(e.roc().get(0)).isEqualTo(new CurvePoint(0, 0));
        assertThat(e.roc().get(e.roc().size() - 1)).isEqualTo(new CurvePoint(1, 1));
    }

    @Test
    void multiclassBrierIsTheSumOverClasses() {
        Predictions p = Predictions.ofProbabilities(List.of("a", "b", "c"), new double[] {0.7, 0.2, 0.1, 0.1, 0.3, 0.6});
        Evaluation e = Metrics.classification(p, new int[] {0, 1});
        double first = 0.09 + 0.04 + 0.01;
        double second = 0.01 + 0.49 + 0.36;
        assertThat(e.metric("brier_score")).isCloseTo((first + second) / 2, within(1e-12));
    }

    @Test
    void regressionMetricsByHand() {
        Evaluation e = Metrics.regression(Predictions.ofValues(new double[] {2, 4, 6}), new double[] {1, 4, 7});
        assertThat(e.metric("mae")).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(e.metric("rmse")).isCloseTo(Math.sqrt(2.0 / 3), within(1e-12));
        assertThat(e.metric("r2")).isCloseTo(1 - 2.0 / 18, within(1e-12));
    }
}
