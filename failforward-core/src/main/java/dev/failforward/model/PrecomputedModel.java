package dev.failforward.model;

import dev.failforward.data.Column;
import dev.failforward.data.DataException;
import dev.failforward.data.NumericColumn;
import dev.failforward.data.Table;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Predictions the user already has, read from columns of the data, standing in for a model so
 * that a scan without a model takes the same path as a scan of a model trained elsewhere. The
 * prediction column holds the predicted class or value; the probability columns, when given, one
 * probability per class in the order of {@link Target#classes()}. Without them, classification
 * probabilities are one-hot on the predicted class.
 */
public final class PrecomputedModel implements Model {

    private final Target target;
    private final String predictionColumn;
    private final List<String> probabilityColumns;
    private final String fingerprint;

    private PrecomputedModel(Target target, String predictionColumn, List<String> probabilityColumns, String fingerprint) {
        this.target = target;
        this.predictionColumn = predictionColumn;
        this.probabilityColumns = List.copyOf(probabilityColumns);
        this.fingerprint = fingerprint;
    }

    /**
     * Checks the columns on every row of {@code table} whose target is present (row numbers in errors
     * are indexes in {@code table}, from 0, as row keys are) and returns the model; its fingerprint
     * is a hash of the prediction and probability columns.
     */
    public static PrecomputedModel of(Table table, Target target, String predictionColumn, List<String> probabilityColumns) {
        Column prediction = table.column(predictionColumn);
        Column actual = table.column(target.column());
        boolean classification = target.task().isClassification();
        if (!probabilityColumns.isEmpty() && !classification) {
            throw new IllegalArgumentException("--probability-columns apply to classification; '" + target.column()
                    + "' is a regression target");
        }
        if (!probabilityColumns.isEmpty() && probabilityColumns.size() != target.classCount()) {
            throw new IllegalArgumentException("--probability-columns names " + probabilityColumns.size()
                    + " columns but '" + target.column() + "' has " + target.classCount() + " classes " + target.classes()
                    + "; give one column per class, in that order");
        }
        if (!classification && !(prediction instanceof NumericColumn)) {
            throw new DataException(table.source() + ": column '" + predictionColumn + "' is " + prediction.type().id()
                    + "; predictions of a regression target must be numeric");
        }
        MessageDigest digest = sha256();
        for (int i = 0; i < table.rowCount(); i++) {
            if (actual.isMissing(i)) {
                continue;
            }
            if (prediction.isMissing(i)) {
                throw new DataException(table.source() + ": column '" + predictionColumn + "', row " + i + ": no prediction");
            }
            String p = prediction.text(i);
            if (classification && !target.classes().contains(p)) {
                throw new DataException(table.source() + ": column '" + predictionColumn + "', row " + i + ": '" + p
                        + "' is not one of the classes " + target.classes() + " of '" + target.column() + "'");
            }
            digest.update(p.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 1);
        }
        for (String name : probabilityColumns) {
            Column c = table.column(name);
            if (!(c instanceof NumericColumn n)) {
                throw new DataException(table.source() + ": column '" + name + "' is " + c.type().id()
                        + "; a probability column must be numeric");
            }
            for (int i = 0; i < table.rowCount(); i++) {
                if (actual.isMissing(i)) {
                    continue;
                }
                double v = n.values()[i];
                if (Double.isNaN(v)) {
                    throw new DataException(table.source() + ": column '" + name + "', row " + i + ": no probability");
                }
                if (v < 0 || v > 1) {
                    throw new DataException(table.source() + ": column '" + name + "', row " + i + ": probability "
                            + c.text(i) + " is outside [0, 1]");
                }
                digest.update(Long.toString(Double.doubleToLongBits(v)).getBytes(StandardCharsets.UTF_8));
            }
            digest.update((byte) 2);
        }
        return new PrecomputedModel(target, predictionColumn, probabilityColumns,
                HexFormat.of().formatHex(digest.digest()).substring(0, 16));
    }

    @Override
    public String id() {
        return "predictions:" + predictionColumn;
    }

    @Override
    public Target target() {
        return target;
    }

    /** Whether probabilities come from columns (else they are one-hot on the predicted class). */
    public boolean hasProbabilities() {
        return !probabilityColumns.isEmpty();
    }

    @Override
    public Predictions predict(Table rows) {
        Column prediction = rows.column(predictionColumn);
        int n = rows.rowCount();
        if (!target.task().isClassification()) {
            return Predictions.ofValues(((NumericColumn) prediction).values().clone());
        }
        int k = target.classCount();
        double[] probs = new double[n * k];
        if (probabilityColumns.isEmpty()) {
            Map<String, Integer> index = new HashMap<>();
            for (int c = 0; c < k; c++) {
                index.put(target.classes().get(c), c);
            }
            for (int i = 0; i < n; i++) {
                Integer c = index.get(prediction.text(i));
                if (c == null) {
                    throw new DataException(rows.source() + ": column '" + predictionColumn + "': '" + prediction.text(i)
                            + "' is not one of the classes " + target.classes());
                }
                probs[i * k + c] = 1.0;
            }
        } else {
            for (int c = 0; c < k; c++) {
                double[] v = ((NumericColumn) rows.column(probabilityColumns.get(c))).values();
                for (int i = 0; i < n; i++) {
                    probs[i * k + c] = v[i];
                }
            }
        }
        return Predictions.ofProbabilities(target.classes(), probs);
    }

    /** Rows whose prediction column names another class than the most probable one of the probability columns. */
    public int disagreements(Table rows) {
        if (probabilityColumns.isEmpty()) {
            return 0;
        }
        Predictions p = predict(rows);
        Column prediction = rows.column(predictionColumn);
        int count = 0;
        for (int i = 0; i < rows.rowCount(); i++) {
            if (!target.classes().get(p.predictedClass(i)).equals(prediction.text(i))) {
                count++;
            }
        }
        return count;
    }

    @Override
    public String fingerprint() {
        return fingerprint;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
