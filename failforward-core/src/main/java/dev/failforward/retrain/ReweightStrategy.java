package dev.failforward.retrain;

import dev.failforward.detect.Finding;
import dev.failforward.detect.WeakSliceDetector;
import dev.failforward.detect.WeakSliceMeasurements;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code reweight}: training rows inside the weak slices found on the selection rows count more,
 * in proportion to the slice's measured failure-rate ratio (its failure rate over the average),
 * rounded and capped at {@value #CAP}. The built-in trainers take no row weights, so a row of weight
 * k is repeated k times. A row in several slices takes the largest weight.
 */
public final class ReweightStrategy implements RetrainStrategy {

    public static final String ID = "reweight";
    /** The largest weight a training row gets, however weak its slice. */
    public static final int CAP = 3;

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "repeat training rows inside the weak slices found on the selection rows (weight = failure-rate ratio, at most "
                + CAP + ")";
    }

    @Override
    public TrainingSet build(RetrainContext c) {
        List<Finding> slices = c.findings().stream().filter(f -> f.detector().equals(WeakSliceDetector.ID)).toList();
        if (slices.isEmpty()) {
            return TrainingSet.skipped(ID, "no weak slice was found on the selection rows");
        }
        int n = c.data().train().rowCount();
        int[] copies = new int[n];
        java.util.Arrays.fill(copies, 1);
        List<List<String>> aimed = new ArrayList<>();
        for (Finding f : slices) {
            WeakSliceMeasurements.SliceRow slice = WeakSliceMeasurements.SliceRow.of(f);
            List<String> predicates = slice.predicates();
            int weight = (int) Math.max(1, Math.min(CAP, Math.round(Double.isNaN(slice.errorRatio()) ? 1 : slice.errorRatio())));
            if (predicates.isEmpty() || weight <= 1) {
                continue;
            }
            boolean[] in = SlicePredicates.rows(c.data().train(), predicates);
            boolean any = false;
            for (int i = 0; i < n; i++) {
                if (in[i]) {
                    copies[i] = Math.max(copies[i], weight);
                    any = true;
                }
            }
            if (any) {
                aimed.add(predicates);
            }
        }
        if (aimed.isEmpty()) {
            return TrainingSet.skipped(ID, "the weak slices found on the selection rows hold no training row, or fail less than "
                    + "1.5 times the average");
        }
        int repeated = (int) java.util.Arrays.stream(copies).filter(k -> k > 1).count();
        return TrainingSet.of(ID, copies, Map.of(), null, Aim.slices(aimed),
                repeated + " training rows in " + aimed.size() + (aimed.size() == 1 ? " weak slice" : " weak slices")
                        + " repeated (weight 2–" + CAP + ")");
    }
}
