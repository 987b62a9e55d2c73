package dev.failforward.detect;

import com.fasterxml.jackson.annotation.JsonAlias;
import dev.failforward.api.PublicApi;

import java.util.List;
import java.util.Map;

/**
 * What the label-issue detector measured: the rows checked and how they were scored out of fold,
 * the suspected label errors (in training and test rows), the estimated label noise with its 95 %
 * interval, confident learning's per-class thresholds and confident joint, the
 * {@value LabelIssueDetector#LISTED} most likely suspects, and the training rows suspected.
 */
@PublicApi
public record LabelIssueMeasurements(int rowsChecked, String outOfFold, int suspects, int suspectsTrain, int suspectsTest,
                                     double share, double noiseRate, List<Double> noiseRateInterval, double modelErrorRate,
                                     Map<String, Double> thresholds, List<List<Long>> confidentJoint, List<Suspect> ranked,
                                     List<Integer> suspectTrainRows) implements Measurements {

    /** {@code joint} as the record holds it: a list per given class of counts per suggested class. */
    public static List<List<Long>> joint(long[][] joint) {
        return java.util.Arrays.stream(joint).map(row -> java.util.Arrays.stream(row).boxed().toList()).toList();
    }

    public LabelIssueMeasurements {
        noiseRateInterval = Measured.list(noiseRateInterval);
        thresholds = Measured.map(thresholds);
        confidentJoint = Measured.list(confidentJoint).stream().map(Measured::list).toList();
        ranked = Measured.list(ranked);
        suspectTrainRows = Measured.list(suspectTrainRows);
    }

    /** A label-issue finding's evidence as far as its suspects go. */
    private record Listed(List<Suspect> suspects) {
        Listed {
            suspects = Measured.list(suspects);
        }
    }

    /**
     * One suspected row: in the training or test rows ({@code set}), its key and index there (null in a
     * run stored by an earlier version, which kept only a test row's key), the label it has, the label
     * suggested, the label's quality (its out-of-fold probability), and the out-of-fold probabilities of
     * every class.
     */
    public record Suspect(String set, String key, @JsonAlias("train_row") Integer row, String given, String suggested,
                          double quality, Map<String, Double> probabilities) {

        public Suspect {
            probabilities = Measured.map(probabilities);
        }

        /** Every suspect a label-issue finding names, from its evidence. */
        public static List<Suspect> of(Finding finding) {
            return DetectionJson.evidence(finding, Listed.class).suspects();
        }

        public Map<String, Object> evidence() {
            return DetectionJson.values(this);
        }
    }
}
