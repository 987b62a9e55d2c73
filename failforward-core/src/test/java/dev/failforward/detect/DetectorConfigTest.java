package dev.failforward.detect;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DetectorConfigTest {

    private final List<Detector> all = Detectors.all();

    @Test
    void valuesComeOutTypedWithTheirDefaultsWhereNotGiven() {
        DetectorConfig c = DetectorConfig.parse(List.of("weak-slice.bins=12", "drift.domain-classifier=false",
                "calibration.overconfident=0.8"), all);
        WeakSliceDetector weak = new WeakSliceDetector();
        int bins = c.get(weak, WeakSliceDetector.BINS);
        assertThat(bins).isEqualTo(12);
        assertThat(c.get(weak, WeakSliceDetector.TOP_K)).isEqualTo(10);
        assertThat(c.get(new DriftDetector(), DriftDetector.DOMAIN_CLASSIFIER)).isFalse();
        assertThat(c.judge().overconfident()).isEqualTo(0.8);
        assertThat(DetectorConfig.defaults().get(weak, WeakSliceDetector.Q)).isEqualTo(0.05);
    }

    @Test
    void aFlagTakesTrueAndFalseAndTheOneAndZeroOfEarlierVersions() {
        DriftDetector drift = new DriftDetector();
        assertThat(DetectorConfig.parse(List.of("drift.domain-classifier=0"), all).get(drift, DriftDetector.DOMAIN_CLASSIFIER)).isFalse();
        assertThat(DetectorConfig.parse(List.of("drift.domain-classifier=TRUE"), all).get(drift, DriftDetector.DOMAIN_CLASSIFIER)).isTrue();
        assertThatThrownBy(() -> DetectorConfig.parse(List.of("drift.domain-classifier=2"), all))
                .hasMessage("threshold 'drift.domain-classifier' must be true or false, got '2'");
    }

    @Test
    void valuesOutsideTheirRangeAreRefusedWithTheRange() {
        assertThatThrownBy(() -> DetectorConfig.parse(List.of("weak-slice.bins=-1"), all))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("threshold 'weak-slice.bins' must be a whole number from 2 to 1000, got '-1'");
        assertThatThrownBy(() -> DetectorConfig.parse(List.of("weak-slice.top-k=2.5"), all))
                .hasMessage("threshold 'weak-slice.top-k' must be a whole number from 1 to 100000, got '2.5'");
        assertThatThrownBy(() -> DetectorConfig.parse(List.of("label-issue.prior-noise=NaN"), all))
                .hasMessage("threshold 'label-issue.prior-noise' must be a number from 0 to 1, got 'NaN'");
        assertThatThrownBy(() -> DetectorConfig.parse(List.of("weak-slice.warning-ratio=-0.5"), all))
                .hasMessage("threshold 'weak-slice.warning-ratio' must be a number of at least 0, got '-0.5'");
        assertThatThrownBy(() -> DetectorConfig.parse(List.of("leakage.duplicate-rare=0"), all))
                .hasMessage("threshold 'leakage.duplicate-rare' must be a whole number of at least 1, got '0'");
    }

    @Test
    void aChoiceIsOneOfItsConstantsByName() {
        Threshold.Choice<Severity> c = Threshold.choice("fail-at", Severity.WARNING);
        assertThat(c.parse("critical")).isEqualTo(Severity.CRITICAL);
        assertThatThrownBy(() -> c.parse("loud")).hasMessageStartingWith("must be one of info, warning, critical");
    }

    @Test
    void everyDeclaredDefaultParsesBackToItself() {
        for (Detector d : all) {
            for (Threshold<?> t : d.thresholds()) {
                String text = String.valueOf(t.defaultValue());
                assertThat((Object) t.parse(text)).as(d.id() + "." + t.key()).isEqualTo(t.defaultValue());
            }
        }
    }
}
