package dev.failforward.detect;

import dev.failforward.api.PublicApi;

import java.util.LinkedHashMap;
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
        noiseRateInterval = List.copyOf(noiseRateInterval);
        thresholds = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(thresholds));
        confidentJoint = confidentJoint.stream().map(List::copyOf).toList();
        ranked = List.copyOf(ranked);
        suspectTrainRows = List.copyOf(suspectTrainRows);
    }

    /** A label-issue finding's evidence as far as its suspects go. */
    private record Listed(List<Suspect> suspects) {
        Listed {
            suspects = suspects == null ? List.of() : List.copyOf(suspects);
        }
    }

    /**
     * One suspected row: in the training or test rows ({@code set}), its key and index there, the
     * label it has, the label suggested, the label's quality (its out-of-fold probability), and the
     * out-of-fold probabilities of every class.
     */
    public record Suspect(String set, String key, int row, String given, String suggested, double quality,
                          Map<String, Double> probabilities) {

        public Suspect {
            probabilities = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(probabilities));
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
