package dev.failforward.detect;

import dev.failforward.data.CategoricalColumn;
import dev.failforward.model.Model;
import dev.failforward.model.Predictions;
import dev.failforward.progress.Progress;
import dev.failforward.scan.ScanData;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class CalibrationDetectorTest {

    private final CalibrationDetector detector = new CalibrationDetector();

    @Test
    void flagsASubgroupWhereTheModelIsMadeOverconfident() {
        ScanData data = Planted.prepared("telco_churn.csv", "churn");
        Predictions p = logistic(data);
        Detection d = detector.detect(Planted.context(data, sharpened(p, data, "payment_method", "Electronic check"), null));
        assertThat(d.findings()).anySatisfy(f -> {
            assertThat(f.title()).startsWith("Over-confident where payment_method = Electronic check");
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
            assertThat(f.causeTag()).isEqualTo("overconfident");
        });
    }

    @Test
    void aSubgroupOfMoreThanHalfTheRowsIsFoldedIntoTheGlobalFinding() {
        // Month-to-month contracts are 55 % of Telco's test rows: sharpened, they are most of the model.
        ScanData data = Planted.prepared("telco_churn.csv", "churn");
        Predictions p = logistic(data);
        Detection d = detector.detect(Planted.context(data, sharpened(p, data, "contract", "Month-to-month"), null));
        assertThat(d.findings()).anySatisfy(f -> {
            assertThat(f.title()).startsWith("Confidence does not match accuracy").contains("where contract = Month-to-month");
            assertThat(f.severity()).isIn(Severity.WARNING, Severity.CRITICAL);
        });
        assertThat(d.findings()).noneSatisfy(f -> assertThat(f.title()).startsWith("Over-confident where contract = Month-to-month"));
        assertThat(((CalibrationMeasurements) d.measurements()).ece()).isGreaterThan(0.1);
    }

    @Test
    void aModelOverConfidentEverywhereIsOneFindingNotOnePerSlice() {
        ScanData data = Planted.prepared("telco_churn.csv", "churn");
        Predictions p = logistic(data);
        double[] probs = p.probabilities().clone();
        for (int i = 0; i < p.rows(); i++) {
            int k = p.predictedClass(i);
            probs[i * 2 + k] = Math.min(0.995, probs[i * 2 + k] + 0.15);
            probs[i * 2 + 1 - k] = 1 - probs[i * 2 + k];
        }
        Detection d = detector.detect(Planted.context(data, Predictions.ofProbabilities(p.classes(), probs), null));
        assertThat(((CalibrationMeasurements) d.measurements()).ece()).isGreaterThan(0.1);
        assertThat(d.findings().stream().filter(f -> f.title().startsWith("Over-confident where")).count())
                .as(d.findings().toString()).isLessThanOrEqualTo(1);
    }

    @Test
    void staysQuietOnAWellCalibratedModel() {
        ScanData data = Planted.prepared("telco_churn.csv", "churn");
        Detection d = detector.detect(Planted.context(data, "test:logistic", null));
        assertThat(((CalibrationMeasurements) d.measurements()).ece()).isLessThan(0.05);
        assertThat(Planted.noWarnings(d)).isTrue();
    }

    /**
     * Lending club is 95 % one class, so the model is already sure of most rows: sharpening the
     * 36-month loans to 0.99 moves their mean confidence by a few hundredths, which the gap rule
     * cannot see, but they now promise 1 failure in 100 rows while failing several times as often.
     */
    @Test
    void flagsASubgroupThatPromisesFarFewerFailuresThanItMakes() {
        ScanData data = Planted.prepared("lending_club.csv", "Class");
        Predictions p = logistic(data);
        CategoricalColumn term = (CategoricalColumn) data.test().column("term");
        int shortTerm = term.levels().indexOf("term_36");
        double before = 0;
        int rows = 0;
        for (int i = 0; i < p.rows(); i++) {
            if (term.code(i) == shortTerm) {
                before += p.probability(i, p.predictedClass(i));
                rows++;
            }
        }
        assertThat(0.99 - before / rows).as("the sharpening moves the mean confidence by less than the gap threshold").isLessThan(0.1);
        Detection plain = detector.detect(Planted.context(data, p, null));
        assertThat(plain.findings()).noneSatisfy(f -> assertThat(f.title()).startsWith("Over-confident where term = term_36"));

        // The 36-month loans are 71 % of the test rows: most of the model, so the finding is the global one,
        // naming them (a slice of more than half the rows is folded into it).
        Detection d = detector.detect(Planted.context(data, sharpened(p, data, "term", "term_36"), null));
        assertThat(d.findings()).anySatisfy(f -> {
            assertThat(f.title()).startsWith("Confidence does not match accuracy").contains("where term = term_36");
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
            @SuppressWarnings("unchecked")
            Map<String, Object> folded = ((List<Map<String, Object>>) f.evidence().get("folded_slices")).get(0);
            assertThat(folded.get("flagged_by")).isEqualTo("error ratio");
            assertThat((double) folded.get("error_ratio")).isGreaterThan(2.0);
            assertThat((double) folded.get("q_value")).isLessThan(0.01);
        });
    }

    private static Predictions logistic(ScanData data) {
        Model model = Planted.trainer("test:logistic").train(data.train(), data.target(), Planted.SEED, Progress.NONE);
        return model.predict(data.test());
    }

    /**
     * The predictions with the test rows where {@code column = level} sharpened towards their
     * predicted class: the same decisions, far more confident (0.99).
     */
    private static Predictions sharpened(Predictions p, ScanData data, String column, String level) {
        CategoricalColumn c = (CategoricalColumn) data.test().column(column);
        int code = c.levels().indexOf(level);
        double[] probs = p.probabilities().clone();
        for (int i = 0; i < p.rows(); i++) {
            if (c.code(i) == code) {
                int k = p.predictedClass(i);
                probs[i * 2 + k] = 0.99;
                probs[i * 2 + 1 - k] = 0.01;
            }
        }
        return Predictions.ofProbabilities(p.classes(), probs);
    }

    @Test
    void theExcessTestIsExactWhereItCanBeCheckedByHand() {
        // 5 failures in 100 rows each promising 0.01: P(Bin(100, 0.01) >= 5) = 0.00343.
        assertThat(CalibrationDetector.excessP(5, 100, 1.0)).isCloseTo(0.003435, org.assertj.core.data.Offset.offset(2e-5));
        // No more failures than promised: no evidence of over-confidence.
        assertThat(CalibrationDetector.excessP(1, 100, 1.0)).isEqualTo(1.0);
        double[] q = CalibrationDetector.benjaminiHochberg(new double[]{0.01, 0.04, 0.03, 0.5});
        // Sorted 0.01, 0.03, 0.04, 0.5: 0.04, min(0.06, 0.0533), 0.0533, 0.5.
        assertThat(q).containsExactly(0.04, 0.04 * 4 / 3, 0.04 * 4 / 3, 0.5);
    }
}
