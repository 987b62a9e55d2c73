package dev.failforward.detect;

import dev.failforward.data.NumericColumn;
import dev.failforward.scan.ScanData;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DriftDetectorTest {

    private final DriftDetector detector = new DriftDetector();

    @Test
    void flagsTheShiftedFeatureFirstAndOnlyIt() {
        ScanData clean = Planted.prepared("telco_churn.csv", "churn");
        double[] charges = Planted.numbers(clean.test(), "monthly_charges");
        for (int i = 0; i < charges.length; i++) {
            charges[i] = charges[i] * 1.3 + 10;
        }
        ScanData shifted = new ScanData(clean.train(), clean.test().replace(new NumericColumn("monthly_charges", charges)),
                clean.target(), clean.testKeys(), 0);
        Detection d = detector.detect(Planted.context(shifted, "test:logistic", Planted.trainer("test:logistic")));
        assertThat(d.findings()).isNotEmpty();
        assertThat(d.findings().get(0).title()).startsWith("'monthly_charges' differs");
        assertThat(d.findings().stream().filter(f -> f.title().contains("differs between"))).hasSize(1);
        assertThat((double) d.measurements().get("domain_classifier_auc")).isGreaterThan(0.65);
    }

    @Test
    void staysQuietOnARandomSplit() {
        ScanData clean = Planted.prepared("telco_churn.csv", "churn");
        Detection d = detector.detect(Planted.context(clean, "test:logistic", Planted.trainer("test:logistic")));
        assertThat(Planted.noWarnings(d)).isTrue();
        assertThat((double) d.measurements().get("domain_classifier_auc")).isBetween(0.4, 0.6);
    }
}
