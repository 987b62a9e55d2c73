package dev.failforward.detect;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DetectorPlanTest {

    private final DetectorPlan all = new DetectorPlan(Detectors.all(), DetectorConfig.defaults(), null);

    @Test
    void predictionsWithoutTrainingRowsOrProbabilitiesLeaveOutDriftAndLabelIssueWithANoteEach() {
        List<String> notes = new ArrayList<>();
        DetectorPlan runnable = all.runnableOn(new DetectorInputs(false, false, true, false), notes::add);
        assertThat(runnable.detectors()).extracting(Detector::id).doesNotContain(DriftDetector.ID, LabelIssueDetector.ID)
                .contains(WeakSliceDetector.ID, CalibrationDetector.ID, LeakageDetector.ID);
        assertThat(notes).hasSize(2).anySatisfy(n -> assertThat(n).startsWith("drift compares reference rows with current rows"))
                .anySatisfy(n -> assertThat(n).startsWith("label-issue needs predicted probabilities"));
    }

    @Test
    void currentRowsAndProbabilitiesKeepThem() {
        List<String> notes = new ArrayList<>();
        DetectorPlan runnable = all.runnableOn(new DetectorInputs(false, true, true, true), notes::add);
        assertThat(runnable.detectors()).isEqualTo(all.detectors());
        assertThat(notes).isEmpty();
        // A numeric target has no probabilities to miss.
        assertThat(all.runnableOn(new DetectorInputs(true, false, false, false), notes::add).detectors()).isEqualTo(all.detectors());
        assertThat(notes).isEmpty();
    }
}
