package dev.failforward.retrain;

import dev.failforward.detect.ConfidentLearning;
import dev.failforward.detect.OutOfFold;
import dev.failforward.scan.ScanData;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code clean}: training rows whose label confident learning suspects, from out-of-fold
 * probabilities of the current model's trainer ({@value #FOLDS}-fold, seeded), are dropped; with
 * relabeling they get the out-of-fold most likely label instead. Only training rows are judged:
 * the selection and verification rows keep their labels.
 */
public final class CleanStrategy implements RetrainStrategy {

    public static final String ID = "clean";
    static final int FOLDS = 5;

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "drop (or with --relabel, relabel) training rows confident learning suspects of a wrong label, out of fold";
    }

    @Override
    public TrainingSet build(RetrainContext c) {
        if (!c.classification()) {
            return TrainingSet.skipped(ID, "label errors apply to classifiers; this is a regression task");
        }
        if (c.trainer() == null) {
            return TrainingSet.skipped(ID, "no trainer to score the training rows out of fold");
        }
        ScanData d = c.data();
        int k = d.target().classCount();
        int[] labels = ScanData.labels(d.train(), d.target());
        double[] oof = OutOfFold.probabilities(d.train(), d.target(), labels, c.trainer(), FOLDS, c.seed(), c.progress());
        ConfidentLearning.Result r = ConfidentLearning.find(oof, labels, k);
        if (r.count() == 0) {
            return TrainingSet.skipped(ID, "confident learning suspects no training label");
        }
        int[] copies = new int[labels.length];
        java.util.Arrays.fill(copies, 1);
        Map<Integer, String> relabels = new LinkedHashMap<>();
        for (int row : r.ranked()) {
            if (c.relabel()) {
                relabels.put(row, d.target().classes().get(r.suggested()[row]));
            } else {
                copies[row] = 0;
            }
        }
        return TrainingSet.of(ID, c.relabel() ? null : copies, relabels, null, Aim.overall(),
                r.count() + " suspected label errors among " + labels.length + " training rows "
                        + (c.relabel() ? "relabeled" : "dropped"));
    }
}
