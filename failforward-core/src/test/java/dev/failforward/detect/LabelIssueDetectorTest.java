package dev.failforward.detect;

import dev.failforward.scan.ScanData;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class LabelIssueDetectorTest {

    private final LabelIssueDetector detector = new LabelIssueDetector();

    @Test
    void findsLabelsFlippedInTheTrainingData() {
        ScanData clean = Planted.prepared("breast_cancer.csv", "diagnosis");
        int[] flipped = Planted.sample(clean.train().rowCount(), 0.05, 11);
        ScanData noisy = Planted.flipTrain(clean, flipped);
        Detection d = detector.detect(Planted.context(noisy, "test:logistic", Planted.ensemble()));

        List<Integer> found = ((LabelIssueMeasurements) d.measurements()).suspectTrainRows();
        long hits = found.stream().filter(r -> Arrays.binarySearch(flipped, r) >= 0).count();
        // Seed 11 flips 20 rows.
        assertThat((double) hits / found.size()).as("precision").isGreaterThanOrEqualTo(0.8);
        assertThat((double) hits / flipped.length).as("recall").isGreaterThanOrEqualTo(0.6);
        assertThat(d.findings()).singleElement().satisfies(f -> {
            assertThat(f.detector()).isEqualTo("label-issue");
            assertThat(f.causeTag()).isEqualTo("label-issue");
            assertThat(f.rows()).isEqualTo(((LabelIssueMeasurements) d.measurements()).suspects());
        });
    }

    @Test
    void findsLabelsFlippedInTheTestDataByTheirKeys() {
        ScanData clean = Planted.prepared("breast_cancer.csv", "diagnosis");
        int[] flipped = Planted.sample(clean.test().rowCount(), 0.08, 12);
        ScanData noisy = Planted.flipTest(clean, flipped);
        Detection d = detector.detect(Planted.context(noisy, "test:logistic", Planted.ensemble()));
        java.util.Set<String> flippedKeys = new java.util.HashSet<>();
        for (int r : flipped) {
            flippedKeys.add(noisy.testKeys().get(r));
        }
        List<String> testKeys = new java.util.ArrayList<>(d.findings().get(0).rowKeys());
        testKeys.retainAll(noisy.testKeys());
        long hits = testKeys.stream().filter(flippedKeys::contains).count();
        assertThat((double) hits / testKeys.size()).as("precision among test rows").isGreaterThanOrEqualTo(0.8);
        assertThat((double) hits / flipped.length).as("recall among test rows").isGreaterThanOrEqualTo(0.7);
    }

    @Test
    void aWeakModelOnAHardMulticlassTargetDoesNotCallItsMistakesLabelErrors() {
        // Telco's payment method (four classes) is predicted at about 48 % accuracy; confident learning
        // alone flagged 35 % of the rows.
        ScanData clean = Planted.prepared("telco_churn.csv", "payment_method");
        Detection d = detector.detect(Planted.context(clean, "test:logistic", Planted.ensemble()));
        assertThat(((LabelIssueMeasurements) d.measurements()).share()).isLessThan(0.03);
        assertThat(Planted.noWarnings(d)).isTrue();
    }

    @Test
    void staysQuietOnCleanLabels() {
        ScanData clean = Planted.prepared("breast_cancer.csv", "diagnosis");
        Detection d = detector.detect(Planted.context(clean, "test:logistic", Planted.ensemble()));
        assertThat(((LabelIssueMeasurements) d.measurements()).share()).isLessThan(0.03);
        assertThat(Planted.noWarnings(d)).isTrue();
    }
}
