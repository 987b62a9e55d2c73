package dev.failforward.spark;

import dev.failforward.data.CategoricalColumn;
import dev.failforward.data.Column;
import dev.failforward.data.NumericColumn;
import dev.failforward.data.Table;
import dev.failforward.model.Model;
import dev.failforward.model.Predictions;
import dev.failforward.model.Target;
import dev.failforward.model.Task;
import dev.failforward.scan.ScanData;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * What runs on the executors to score: a batch of rows becomes a table, the JVM's model
 * ({@link ModelCache}) scores it, and the batch is summarised ({@link ScoredBatch}).
 */
record Scoring(RowTables tables, Task task, List<String> classes, String model) implements Serializable {

    Scoring(RowTables tables, Target target, String model) {
        this(tables, target.task(), List.copyOf(target.classes()), model);
    }

    /** The target ({@link Target} is not serializable; its parts are). */
    Target target() {
        return new Target(tables.target(), task, classes);
    }

    ScoredBatch score(Batches.Batch batch) {
        Table table = tables.table(batch.rows(), batch.index());
        Target target = target();
        int n = table.rowCount();
        Model m = ModelCache.bound(model, target, table);
        Predictions p = m.predict(table);
        if (p.rows() != n) {
            throw new IllegalStateException("the model returned " + p.rows() + " predictions for " + n + " rows");
        }
        String[] keys = keys(table, batch.index());
        List<Column> features = FeatureColumns.of(table);
        List<double[]> numeric = new ArrayList<>();
        List<Boolean> missing = new ArrayList<>();
        for (Column c : features) {
            if (c instanceof NumericColumn num) {
                numeric.add(num.values());
            } else {
                CategoricalColumn cat = (CategoricalColumn) c;
                boolean any = false;
                for (int i = 0; i < n && !any; i++) {
                    any = cat.code(i) < 0;
                }
                missing.add(any);
            }
        }
        boolean[] catMissing = new boolean[missing.size()];
        for (int i = 0; i < catMissing.length; i++) {
            catMissing[i] = missing.get(i);
        }
        double[][] values = numeric.toArray(new double[0][]);
        if (target.task().isClassification()) {
            int[] truth = ScanData.labels(table, target);
            int k = target.classCount();
            if (p.classes().size() != k) {
                throw new IllegalStateException("the model returned " + p.classes().size() + " class probabilities; the target has " + k + " classes");
            }
            ClassificationSummary s = new ClassificationSummary(k);
            double[] probs = p.probabilities();
            for (int i = 0; i < n; i++) {
                s.add(truth[i], p.predictedClass(i), probs, i * k);
            }
            return new ScoredBatch(batch.index(), keys, truth, null, probs, s, null, values, catMissing);
        }
        double[] truth = ScanData.values(table, target);
        RegressionSummary s = new RegressionSummary();
        for (int i = 0; i < n; i++) {
            s.add(truth[i], p.value(i));
        }
        return new ScoredBatch(batch.index(), keys, null, truth, p.values(), null, s, values, catMissing);
    }

    /** Row keys as a local scan makes them: the id column's text, or the row's index in its file. */
    String[] keys(Table table, long[] index) {
        String[] out = new String[index.length];
        Column id = tables.idColumn() == null ? null : table.column(tables.idColumn());
        for (int i = 0; i < out.length; i++) {
            out[i] = id == null ? Long.toString(index[i]) : String.valueOf(id.text(i));
        }
        return out;
    }
}
