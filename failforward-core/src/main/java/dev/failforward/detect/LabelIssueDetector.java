package dev.failforward.detect;

import dev.failforward.data.Table;
import dev.failforward.model.Predictions;
import dev.failforward.scan.ScanData;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code label-issue}: rows whose given label is probably wrong, by {@link ConfidentLearning}.
 * Training rows are scored out of fold ({@code folds}-fold cross-validation of the context's
 * trainer); test rows by the scanned model, which never saw them (or, with no trainer, the test
 * rows alone). Suspects making up ≥ {@code warning-share} of the rows are a warning, ≥
 * {@code critical-share} critical, fewer are info.
 */
public final class LabelIssueDetector implements Detector {

    public static final String ID = "label-issue";
    static final int LISTED = 25;

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "suspected label errors by confident learning on out-of-fold probabilities";
    }

    @Override
    public boolean byDefault() {
        return false;
    }

    public static final Threshold.Whole FOLDS = Threshold.whole("folds", 5, 2, 100);
    public static final Threshold.Real PRIOR_NOISE = Threshold.fraction("prior-noise", 0.1);
    public static final Threshold.Real WARNING_SHARE = Threshold.fraction("warning-share", 0.03);
    public static final Threshold.Real CRITICAL_SHARE = Threshold.fraction("critical-share", 0.15);
    /**
     * Cross-validate with the detector's own light models on a matrix encoded once
     * ({@link LightOutOfFold}) rather than with the plan's trainer; tables with text features always
     * use the trainer.
     */
    public static final Threshold.Flag LIGHT_MODELS = Threshold.flag("light-models", true);

    @Override
    public List<Threshold<?>> thresholds() {
        return List.of(FOLDS, PRIOR_NOISE, WARNING_SHARE, CRITICAL_SHARE, LIGHT_MODELS);
    }

    @Override
    public Optional<String> unavailable(DetectorInputs inputs) {
        // One-hot probabilities would make every failure a suspect.
        return inputs.classification() && !inputs.probabilities()
                ? Optional.of("label-issue needs predicted probabilities and there is no model to compute them; "
                        + "give --probability-columns to run it")
                : Optional.empty();
    }

    @Override
    public Detection detect(DetectorContext c) {
        if (!c.classification()) {
            return new Detection(new Measurements.NotApplicable("label issues apply to classifiers; this is a regression task"),
                    List.of());
        }
        ScanData data = c.data();
        int k = data.target().classCount();
        int[] testLabels = ScanData.labels(data.test(), data.target());
        int[] trainLabels = c.trainer() == null ? new int[0] : ScanData.labels(data.train(), data.target());
        int nTrain = trainLabels.length;
        int nTest = testLabels.length;
        int[] labels = new int[nTrain + nTest];
        System.arraycopy(trainLabels, 0, labels, 0, nTrain);
        System.arraycopy(testLabels, 0, labels, nTrain, nTest);
        double[] probs;
        String outOfFold = "none (test rows only)";
        if (c.trainer() != null) {
            // Training and test rows cross-validated together: every row is scored by the same kind of
            // model, trained on the same number of rows, so one set of per-class thresholds fits all.
            Table all = Appended.of(data.train(), data.test());
            int folds = c.threshold(this, FOLDS);
            LightOutOfFold.Matrix x = c.threshold(this, LIGHT_MODELS) ? LightOutOfFold.encode(all) : null;
            if (x != null) {
                probs = LightOutOfFold.probabilities(x, labels, k, folds, c.seed(), c.progress());
                outOfFold = folds + "-fold over training and test rows: geometric mean of logistic regression and "
                        + LightOutOfFold.BOOSTING.rounds() + " boosted trees of depth " + LightOutOfFold.BOOSTING.depth() + " on " + x.width()
                        + " encoded features";
            } else {
                probs = OutOfFold.probabilities(all, data.target(), labels, c.trainer(), folds, c.seed(), c.progress());
                outOfFold = folds + "-fold over training and test rows: "
                        + (c.trainer() instanceof AveragedTrainer a ? a.id() : "the detectors' trainer");
            }
        } else {
            probs = new double[nTest * k];
            Predictions p = c.predictions();
            int[] map = OutOfFold.classMap(p.classes(), data.target().classes());
            for (int r = 0; r < nTest; r++) {
                for (int cl = 0; cl < p.classes().size(); cl++) {
                    if (map[cl] >= 0) {
                        probs[r * k + map[cl]] = p.probability(r, cl);
                    }
                }
            }
        }
        ConfidentLearning.Result r = ConfidentLearning.find(probs, labels, k, c.threshold(this, PRIOR_NOISE));
        List<String> classes = data.target().classes();
        List<LabelIssueMeasurements.Suspect> suspects = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        int inTrain = 0;
        List<Integer> trainRows = new ArrayList<>();
        for (int row : r.ranked()) {
            boolean train = row < nTrain;
            String key = train ? data.trainKeys().get(row) : data.testKeys().get(row - nTrain);
            if (train) {
                inTrain++;
                trainRows.add(row);
            }
            keys.add(key);
            suspects.add(new LabelIssueMeasurements.Suspect(train ? "train" : "test", key, train ? row : row - nTrain,
                    classes.get(labels[row]), classes.get(r.suggested()[row]), r.quality()[row],
                    toMap(classes, java.util.Arrays.copyOfRange(probs, row * k, (row + 1) * k))));
        }
        int n = nTrain + nTest;
        double share = n == 0 ? 0 : (double) r.count() / n;
        List<Finding> findings = new ArrayList<>();
        if (r.count() > 0) {
            // Both must be material: the noise the suspects amount to (its lower bound, so that a few
            // suspects among few rows are not a warning) and the count itself.
            Severity s = r.noiseLow() >= c.threshold(this, CRITICAL_SHARE) ? Severity.CRITICAL
                    : r.noiseLow() >= c.threshold(this, WARNING_SHARE) ? Severity.WARNING : Severity.INFO;
            Map<String, Object> ev = new LinkedHashMap<>();
            ev.put("share", share);
            ev.put("noise_rate", r.noiseRate());
            ev.put("noise_rate_interval", List.of(r.noiseLow(), r.noiseHigh()));
            ev.put("suspects_train", inTrain);
            ev.put("suspects_test", r.count() - inTrain);
            List<Map<String, Object>> listed = suspects.stream().map(LabelIssueMeasurements.Suspect::evidence).toList();
            ev.put("worst", listed.subList(0, Math.min(10, listed.size())));
            ev.put("suspects", listed);
            findings.add(new Finding(ID, s, String.format(java.util.Locale.ROOT,
                    "%d rows (%.1f%%) probably carry a wrong label (%d training, %d test; estimated label noise %.1f%%, "
                            + "95%% interval %.1f–%.1f%%)", r.count(), 100 * share, inTrain, r.count() - inTrain,
                    100 * r.noiseRate(), 100 * r.noiseLow(), 100 * r.noiseHigh()), r.count(), keys, "label-issue", ev));
        }
        LabelIssueMeasurements m = new LabelIssueMeasurements(n, outOfFold, r.count(), inTrain, r.count() - inTrain, share,
                r.noiseRate(), List.of(r.noiseLow(), r.noiseHigh()), r.modelError(), toMap(classes, r.thresholds()),
                LabelIssueMeasurements.joint(r.confidentJoint()), suspects.subList(0, Math.min(LISTED, suspects.size())), trainRows);
        return new Detection(m, findings);
    }

    private static Map<String, Double> toMap(List<String> classes, double[] values) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (int i = 0; i < classes.size(); i++) {
            out.put(classes.get(i), values[i]);
        }
        return out;
    }

    @Override
    public Class<? extends Measurements> measurementType() {
        return LabelIssueMeasurements.class;
    }
}
