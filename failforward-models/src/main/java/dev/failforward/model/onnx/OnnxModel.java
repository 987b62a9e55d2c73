package dev.failforward.model.onnx;

import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxMap;
import ai.onnxruntime.OnnxSequence;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.failforward.data.Column;
import dev.failforward.data.DataException;
import dev.failforward.data.Table;
import dev.failforward.model.Model;
import dev.failforward.model.Predictions;
import dev.failforward.model.Target;
import dev.failforward.model.external.Scores;
import dev.failforward.model.external.TabularFeed;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** An ONNX model tied to a target and to the columns that feed it; scores rows in batches. */
final class OnnxModel implements Model {

    static final int BATCH = 1024;

    private final String id;
    private final Target target;
    private final String fingerprint;
    private final OrtEnvironment env;
    private final OrtSession session;
    private final List<OnnxInput> inputs;
    private final boolean tensor;
    private final TabularFeed feed;
    private final List<String> textColumns;
    private final OnnxOutput output;
    private final String activation;
    /** For a model that reads token ids: the tokenizer, fed from {@code textColumns.get(0)}; else null. */
    private final TokenFeed tokens;

    OnnxModel(String id, Target target, String fingerprint, OrtEnvironment env, OrtSession session, List<OnnxInput> inputs,
              boolean tensor, TabularFeed feed, List<String> textColumns, OnnxOutput output, String activation, TokenFeed tokens) {
        this.id = id;
        this.target = target;
        this.fingerprint = fingerprint;
        this.env = env;
        this.session = session;
        this.inputs = inputs;
        this.tensor = tensor;
        this.feed = feed;
        this.textColumns = textColumns;
        this.output = output;
        this.activation = activation;
        this.tokens = tokens;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public Target target() {
        return target;
    }

    @Override
    public String fingerprint() {
        return fingerprint;
    }

    @Override
    public Predictions predict(Table rows) {
        int n = rows.rowCount();
        int k = feed == null ? 0 : feed.columns().size();
        double[] encoded = feed == null ? null : feed.encode(rows);
        boolean classification = target.task().isClassification();
        int classes = classification ? target.classCount() : 1;
        double[] out = new double[n * classes];
        for (int from = 0; from < n; from += BATCH) {
            int to = Math.min(n, from + BATCH);
            Map<String, OnnxTensor> feeds = new LinkedHashMap<>();
            try {
                if (tokens != null) {
                    TokenFeed.Batch batch = tokens.encode(rows.column(textColumns.get(0)), from, to, inputs.get(0).shape()[1]);
                    for (OnnxInput in : inputs) {
                        feeds.put(in.name(), tokenTensor(in, batch.input(in.name())));
                    }
                } else if (tensor) {
                    feeds.put(inputs.get(0).name(), matrix(inputs.get(0), encoded, k, from, to));
                } else {
                    for (int i = 0; i < inputs.size(); i++) {
                        OnnxInput in = inputs.get(i);
                        feeds.put(in.name(), in.isString() ? texts(in, rows.column(textColumns.get(i)), from, to)
                                : column(in, encoded, k, feed.inputs().indexOf(in.name()), from, to));
                    }
                }
                try (OrtSession.Result result = session.run(feeds, Set.of(output.name()))) {
                    read(result.get(0), from, to, out, classes);
                }
            } catch (OrtException e) {
                throw new IllegalStateException("ONNX Runtime could not score rows " + from + "-" + (to - 1) + ": " + e.getMessage(), e);
            } finally {
                feeds.values().forEach(OnnxTensor::close);
            }
        }
        return classification ? Predictions.ofProbabilities(target.classes(), out) : Predictions.ofValues(out);
    }

    private OnnxTensor tokenTensor(OnnxInput in, long[][] values) throws OrtException {
        if (in.type() == OnnxJavaType.INT32) {
            int[][] narrow = new int[values.length][];
            for (int r = 0; r < values.length; r++) {
                narrow[r] = java.util.Arrays.stream(values[r]).mapToInt(Math::toIntExact).toArray();
            }
            return OnnxTensor.createTensor(env, narrow);
        }
        return OnnxTensor.createTensor(env, values);
    }

    private OnnxTensor matrix(OnnxInput in, double[] encoded, int k, int from, int to) throws OrtException {
        if (in.type() == OnnxJavaType.DOUBLE) {
            double[][] m = new double[to - from][k];
            for (int r = from; r < to; r++) {
                System.arraycopy(encoded, r * k, m[r - from], 0, k);
            }
            return OnnxTensor.createTensor(env, m);
        }
        float[][] m = new float[to - from][k];
        for (int r = from; r < to; r++) {
            for (int j = 0; j < k; j++) {
                m[r - from][j] = (float) encoded[r * k + j];
            }
        }
        return OnnxTensor.createTensor(env, m);
    }

    private OnnxTensor column(OnnxInput in, double[] encoded, int k, int j, int from, int to) throws OrtException {
        int n = to - from;
        boolean rank2 = in.shape().length == 2;
        Object data = switch (in.type()) {
            case DOUBLE -> {
                double[] v = new double[n];
                for (int r = 0; r < n; r++) {
                    v[r] = encoded[(from + r) * k + j];
                }
                yield rank2 ? column2(v) : v;
            }
            case INT64, INT32 -> {
                long[] v = new long[n];
                for (int r = 0; r < n; r++) {
                    double x = encoded[(from + r) * k + j];
                    if (Double.isNaN(x)) {
                        throw new DataException("row " + (from + r) + ": input '" + in.name() + "' takes integers and cannot be fed a missing value");
                    }
                    v[r] = Math.round(x);
                }
                if (in.type() == OnnxJavaType.INT32) {
                    int[] w = new int[n];
                    for (int r = 0; r < n; r++) {
                        w[r] = (int) v[r];
                    }
                    yield rank2 ? column2(w) : w;
                }
                yield rank2 ? column2(v) : v;
            }
            default -> {
                float[] v = new float[n];
                for (int r = 0; r < n; r++) {
                    v[r] = (float) encoded[(from + r) * k + j];
                }
                yield rank2 ? column2(v) : v;
            }
        };
        return OnnxTensor.createTensor(env, data);
    }

    private static Object column2(Object vector) {
        int n = java.lang.reflect.Array.getLength(vector);
        Object out = java.lang.reflect.Array.newInstance(vector.getClass().getComponentType(), n, 1);
        for (int r = 0; r < n; r++) {
            java.lang.reflect.Array.set(java.lang.reflect.Array.get(out, r), 0, java.lang.reflect.Array.get(vector, r));
        }
        return out;
    }

    private OnnxTensor texts(OnnxInput in, Column column, int from, int to) throws OrtException {
        String[] v = new String[to - from];
        for (int r = from; r < to; r++) {
            v[r - from] = column.isMissing(r) ? "" : column.text(r);
        }
        long[] shape = in.shape().length == 2 ? new long[]{v.length, 1} : new long[]{v.length};
        return OnnxTensor.createTensor(env, v, shape);
    }

    private void read(OnnxValue value, int from, int to, double[] out, int classes) throws OrtException {
        int n = to - from;
        if (value instanceof OnnxSequence seq) {
            List<? extends OnnxValue> maps = seq.getValue();
            if (maps.size() != n) {
                throw new IllegalStateException("output '" + output.name() + "' has " + maps.size() + " maps for " + n + " rows");
            }
            for (int r = 0; r < n; r++) {
                Map<String, Double> byKey = new HashMap<>();
                ((OnnxMap) maps.get(r)).getValue().forEach((key, p) -> byKey.put(String.valueOf(key), ((Number) p).doubleValue()));
                for (int c = 0; c < classes; c++) {
                    Double p = byKey.get(target.classes().get(c));
                    if (p == null) {
                        throw new IllegalArgumentException("output '" + output.name() + "' has no probability for class '"
                                + target.classes().get(c) + "'; its classes are " + new java.util.TreeSet<>(byKey.keySet())
                                + " (set the labels with --model-config classes)");
                    }
                    out[(from + r) * classes + c] = p;
                }
            }
            return;
        }
        Object raw = value.getValue();
        double[][] rowsOut = new double[n][];
        if (raw instanceof float[][] f) {
            for (int r = 0; r < n; r++) {
                rowsOut[r] = new double[f[r].length];
                for (int c = 0; c < f[r].length; c++) {
                    rowsOut[r][c] = f[r][c];
                }
            }
        } else if (raw instanceof double[][] d) {
            for (int r = 0; r < n; r++) {
                rowsOut[r] = d[r].clone();
            }
        } else if (raw instanceof float[] f) {
            for (int r = 0; r < n; r++) {
                rowsOut[r] = new double[]{f[r]};
            }
        } else if (raw instanceof double[] d) {
            for (int r = 0; r < n; r++) {
                rowsOut[r] = new double[]{d[r]};
            }
        } else {
            throw new IllegalStateException("output '" + output.name() + "' is not a float tensor");
        }
        for (int r = 0; r < n; r++) {
            double[] s = rowsOut[r];
            if (!target.task().isClassification()) {
                out[from + r] = s[0];
                continue;
            }
            double[] p = probabilities(s, classes);
            System.arraycopy(p, 0, out, (from + r) * classes, classes);
        }
    }

    private double[] probabilities(double[] s, int classes) {
        return Scores.probabilities(s, classes, activation, "output '" + output.name() + "'");
    }
}
