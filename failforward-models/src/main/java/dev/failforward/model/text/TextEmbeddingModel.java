package dev.failforward.model.text;

import dev.failforward.data.Column;
import dev.failforward.data.ColumnType;
import dev.failforward.data.DataException;
import dev.failforward.data.Table;
import dev.failforward.model.Model;
import dev.failforward.model.Predictions;
import dev.failforward.model.Target;
import dev.failforward.model.Task;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InvalidObjectException;
import java.io.ObjectInputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * {@code builtin:text-minilm-logistic} once trained: a logistic regression on the all-MiniLM-L6-v2
 * vector of one text column. Only the regression's weights are kept (and saved with a run); the
 * embedding model is part of FailForward and is loaded again when needed. Other columns are not read.
 */
public final class TextEmbeddingModel implements Model, Serializable {

    private static final long serialVersionUID = 1L;

    /** Names the embedding model in the fingerprint, so another embedder gives another fingerprint. */
    static final String EMBEDDER = "all-minilm-l6-v2-q (langchain4j 1.19.0-beta29), mean pooled, normalised";

    private final String id;
    private final String targetColumn;
    private final Task task;
    private final List<String> classes;
    private final String textColumn;
    private final LogisticWeights weights;
    private final String fingerprint;

    TextEmbeddingModel(String id, Target target, String textColumn, LogisticWeights weights) {
        this.id = id;
        this.targetColumn = target.column();
        this.task = target.task();
        this.classes = List.copyOf(target.classes());
        this.textColumn = textColumn;
        this.weights = weights;
        this.fingerprint = fingerprint(id, targetColumn, classes, textColumn, weights);
    }

    /** A text model read back from a saved file; refused when it does not match its {@code fingerprint}. */
    public static TextEmbeddingModel restore(String id, Target target, String textColumn, LogisticWeights weights,
                                             String fingerprint) {
        if (id == null || target == null || !target.task().isClassification() || target.classes().size() < 2
                || textColumn == null || weights == null || weights.classes() != target.classes().size()
                || weights.dimensions() != MiniLmEmbedder.DIMENSIONS) {
            throw new IllegalArgumentException("incomplete text model");
        }
        TextEmbeddingModel model = new TextEmbeddingModel(id, target, textColumn, weights);
        if (!model.fingerprint.equals(fingerprint)) {
            throw new IllegalArgumentException("the text model does not match its fingerprint");
        }
        return model;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public Target target() {
        return new Target(targetColumn, task, classes);
    }

    @Override
    public String fingerprint() {
        return fingerprint;
    }

    /** The one column this model reads. */
    public String textColumn() {
        return textColumn;
    }

    public LogisticWeights weights() {
        return weights;
    }

    @Override
    public Predictions predict(Table rows) {
        Column column = rows.column(textColumn);
        if (column.type() != ColumnType.TEXT && column.type() != ColumnType.CATEGORICAL) {
            throw new DataException(rows.source() + ": column '" + textColumn + "' must hold text for " + id
                    + ", but it is " + column.type().name().toLowerCase(java.util.Locale.ROOT));
        }
        List<String> sentences = new ArrayList<>(rows.rowCount());
        for (int r = 0; r < rows.rowCount(); r++) {
            sentences.add(column.isMissing(r) ? "" : column.text(r));
        }
        float[][] vectors = MiniLmEmbedder.shared().embed(sentences);
        int k = classes.size();
        double[] out = new double[rows.rowCount() * k];
        double[] p = new double[k];
        for (int r = 0; r < vectors.length; r++) {
            weights.probabilities(vectors[r], p);
            System.arraycopy(p, 0, out, r * k, k);
        }
        return Predictions.ofProbabilities(classes, out);
    }

    private static String fingerprint(String id, String target, List<String> classes, String text, LogisticWeights w) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (DataOutputStream out = new DataOutputStream(bytes)) {
                out.writeUTF(id);
                out.writeUTF(EMBEDDER);
                out.writeUTF(target);
                out.writeUTF(String.join("\u0000", classes));
                out.writeUTF(text);
                for (double[] a : List.of(w.mean(), w.scale(), w.bias())) {
                    for (double v : a) {
                        out.writeDouble(v);
                    }
                }
                for (double[] row : w.weights()) {
                    for (double v : row) {
                        out.writeDouble(v);
                    }
                }
            }
            return HexFormat.of().formatHex(sha.digest(bytes.toByteArray()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Checks what a file gave. */
    private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
        in.defaultReadObject();
        if (id == null || targetColumn == null || task == null || !task.isClassification() || classes == null || classes.size() < 2 || textColumn == null
                || weights == null || weights.classes() != classes.size()
                || weights.dimensions() != MiniLmEmbedder.DIMENSIONS || fingerprint == null
                || !fingerprint.equals(fingerprint(id, targetColumn, classes, textColumn, weights))) {
            throw new InvalidObjectException("incomplete or altered text model");
        }
    }

    @Override
    public String toString() {
        return "TextEmbeddingModel[" + id + ", '" + textColumn + "' -> '" + targetColumn + "', " + fingerprint.substring(0, 12) + "]";
    }
}
