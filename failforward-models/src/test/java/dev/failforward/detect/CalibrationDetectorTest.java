package dev.failforward.detect;

import dev.failforward.data.CategoricalColumn;
import dev.failforward.model.Predictions;
import dev.failforward.model.Model;
import dev.failforward.progress.Progress;
import dev.failforward.scan.ScanData;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CalibrationDetectorTest {

    private final CalibrationDetector detector = new CalibrationDetector();

    @Test
    void flagsASubgroupWhereTheModelIsMadeOverconfident() {
        ScanData data = Planted.prepared("telco_churn.csv", "churn");
        Model model = Planted.trainer("builtin:logistic").train(data.train(), data.target(), Planted.SEED, Progress.NONE);
        Predictions p = model.predict(data.test());
        CategoricalColumn contract = (CategoricalColumn) data.test().column("contract");
        int monthly = contract.levels().indexOf("Month-to-month");
        double[] probs = p.probabilities().clone();
        for (int i = 0; i < p.rows(); i++) {
            if (contract.code(i) == monthly) {
                // Sharpen towards the predicted class: the same decisions, far more confident.
                int k = p.predictedClass(i);
                probs[i * 2 + k] = 0.99;
                probs[i * 2 + 1 - k] = 0.01;
            }
        }
        Detection d = detector.detect(Planted.context(data, Predictions.ofProbabilities(p.classes(), probs), null));
        assertThat(d.findings()).anySatisfy(f -> {
            assertThat(f.title()).startsWith("Over-confident where contract = Month-to-month");
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
            assertThat(f.causeTag()).isEqualTo("overconfident");
        });
        assertThat((double) d.measurements().get("ece")).isGreaterThan(0.1);
    }

    @Test
    void staysQuietOnAWellCalibratedModel() {
        ScanData data = Planted.prepared("telco_churn.csv", "churn");
        Detection d = detector.detect(Planted.context(data, "builtin:logistic", null));
        assertThat((double) d.measurements().get("ece")).isLessThan(0.05);
        assertThat(Planted.noWarnings(d)).isTrue();
    }
}
