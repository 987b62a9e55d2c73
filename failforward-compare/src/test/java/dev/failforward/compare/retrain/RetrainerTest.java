package dev.failforward.compare.retrain;

import dev.failforward.scan.ScanData;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The retrainer on real data: planted label noise is found and fixed, and the fix is proven on rows that chose nothing. */
class RetrainerTest {

    @Test
    void cleanFixesPlantedLabelNoiseOnTelcoAndTheGatePasses() {
        ScanData noisy = RetrainFixture.flipLabels(RetrainFixture.prepare("telco_churn.csv", "churn", 1), 0.2, 1);
        RetrainResult r = RetrainFixture.retrain(noisy, "clean", 1);
        Candidate clean = RetrainFixture.candidate(r, "clean");
        assertThat(clean.judged()).as(clean.reason()).isTrue();
        // Label issues flag only rows more likely mislabelled than not (docs/detectors.md): fewer than the fifth planted.
        assertThat(clean.dropped()).as("suspects among the training rows").isBetween(100, 1600);
        assertThat(clean.primary().metric()).isEqualTo("roc_auc");
        assertThat(clean.primary().ciLow()).as("ROC AUC raised beyond its paired-bootstrap interval").isGreaterThan(0);
        assertThat(clean.passed()).as(String.valueOf(clean.verdict().reasons())).isTrue();
        assertThat(clean.improved()).isTrue();
        assertThat(r.recommended()).isEqualTo("clean");
        assertThat(r.selectionRows() + r.verificationRows()).isEqualTo(noisy.test().rowCount());
        assertThat(r.verificationRows()).isBetween(1050, 1060);
    }

    @Test
    void aSignificantGainBelowTheMinimumIsShownButNotRecommended() {
        // Clean Telco, seed 5: augment is right under its probes more often and clean raises ROC AUC, both
        // significantly, but neither by the 0.01 a replacement needs (docs/retrain.md, clean data).
        RetrainResult r = RetrainFixture.retrain(RetrainFixture.prepare("telco_churn.csv", "churn", 5), "augment,clean", 5);
        Candidate augment = RetrainFixture.candidate(r, "augment");
        Candidate clean = RetrainFixture.candidate(r, "clean");
        assertThat(augment.improved()).as(augment.targeted().description()).isTrue();
        assertThat(augment.passed()).isTrue();
        assertThat(clean.primary().ciLow()).as("clean's ROC AUC gain is significant").isGreaterThan(0);
        for (Candidate c : java.util.List.of(augment, clean)) {
            assertThat(c.primary().difference()).as(c.strategy()).isBetween(0.0, Retrainer.MIN_GAIN);
            assertThat(c.recommended()).isFalse();
        }
        assertThat(r.keepsCurrent()).isTrue();
        assertThat(r.reason()).startsWith("keep the current model").contains("by at least 0.01");
    }

    @Test
    void onCleanBreastCancerDataTheVerdictIsToKeepTheCurrentModel() {
        ScanData d = RetrainFixture.prepare("breast_cancer.csv", "diagnosis", 1);
        RetrainResult r = RetrainFixture.retrain(d, "reweight,clean,production,combined", 1);
        assertThat(r.keepsCurrent()).as(r.reason()).isTrue();
        assertThat(r.reason()).startsWith("keep the current model");
        assertThat(RetrainFixture.candidate(r, "production").status()).isEqualTo(Candidate.SKIPPED);
        assertThat(r.candidates()).noneMatch(Candidate::recommended);
        assertThat(RetrainJson.render(r, "x")).contains("\"keep_current_model\" : true");
    }
}
