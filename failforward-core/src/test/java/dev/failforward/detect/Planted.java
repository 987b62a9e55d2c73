package dev.failforward.detect;

import dev.failforward.data.CategoricalColumn;
import dev.failforward.data.Column;
import dev.failforward.data.CsvTableReader;
import dev.failforward.data.NumericColumn;
import dev.failforward.data.ReadOptions;
import dev.failforward.data.Table;
import dev.failforward.model.Model;
import dev.failforward.model.ModelProviders;
import dev.failforward.model.Predictions;
import dev.failforward.model.Trainer;
import dev.failforward.progress.Progress;
import dev.failforward.scan.Holdout;
import dev.failforward.scan.ScanData;
import dev.failforward.scan.ScanSpec;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/** Real data from {@code datasets/tabular}, scans of it, and the failures tests plant into it. */
final class Planted {

    static final long SEED = 7;

    private Planted() {
    }

    static Table table(String file) {
        return new CsvTableReader().read(root().resolve("tabular").resolve(file), ReadOptions.DEFAULT);
    }

    /** A table of the broad benchmark's data ({@code datasets/broad}), which the detectors were not tuned on. */
    static Table broad(String file) {
        return new CsvTableReader().read(root().resolve("broad").resolve(file), ReadOptions.DEFAULT);
    }

    static ScanData prepared(String file, String target) {
        return ScanData.prepare(table(file), null, ScanSpec.of(target));
    }

    static Trainer trainer(String id) {
        return ModelProviders.find(id).trainer();
    }

    static Trainer ensemble() {
        return new AveragedTrainer("ensemble", List.of(trainer("test:logistic"), trainer("test:neighbours")));
    }

    /** Trains {@code modelId} on the training rows, scores the test rows and builds a detector context. */
    static DetectorContext context(ScanData data, String modelId, Trainer detectorTrainer) {
        Model model = trainer(modelId).train(data.train(), data.target(), SEED, Progress.NONE);
        return context(data, model.predict(data.test()), detectorTrainer);
    }

    static DetectorContext context(ScanData data, Predictions p, Trainer detectorTrainer) {
        Holdout.Outcome o = Holdout.judge("test", data.test(), data.target(), data.testKeys(), p);
        boolean[] failed = new boolean[o.predictions().size()];
        for (int i = 0; i < failed.length; i++) {
            failed[i] = o.predictions().get(i).failure();
        }
        return new DetectorContext(data, p, failed, detectorTrainer, SEED, DetectorConfig.defaults(), Progress.NONE);
    }

    /** {@code data} with the labels of {@code rows} of the training part flipped to another class. */
    static ScanData flipTrain(ScanData data, int[] rows) {
        return new ScanData(flip(data.train(), data.target().column(), rows), data.test(), data.target(), data.testKeys(),
                data.droppedRows());
    }

    static ScanData flipTest(ScanData data, int[] rows) {
        return new ScanData(data.train(), flip(data.test(), data.target().column(), rows), data.target(), data.testKeys(),
                data.droppedRows());
    }

    static Table flip(Table t, String target, int[] rows) {
        Column c = t.column(target);
        if (c instanceof CategoricalColumn cat) {
            int[] codes = cat.codes().clone();
            for (int r : rows) {
                codes[r] = (codes[r] + 1) % cat.levels().size();
            }
            return t.replace(new CategoricalColumn(cat.name(), cat.type(), cat.levels(), codes));
        }
        NumericColumn num = (NumericColumn) c;
        double[] v = num.values().clone();
        for (int r : rows) {
            v[r] = v[r] == 0 ? 1 : 0;
        }
        return t.replace(new NumericColumn(num.name(), v));
    }

    /** {@code fraction} of {@code n} row indexes, drawn with {@code seed}, ascending. */
    static int[] sample(int n, double fraction, long seed) {
        List<Integer> all = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            all.add(i);
        }
        java.util.Collections.shuffle(all, new Random(seed));
        return all.subList(0, (int) Math.round(fraction * n)).stream().mapToInt(Integer::intValue).sorted().toArray();
    }

    static boolean noWarnings(Detection d) {
        return d.findings().stream().noneMatch(f -> f.severity().atLeast(Severity.WARNING));
    }

    static int[] rowsWhere(Table t, java.util.function.IntPredicate p) {
        return java.util.stream.IntStream.range(0, t.rowCount()).filter(p).toArray();
    }

    private static Path root() {
        String project = System.getProperty("failforward.root", System.getProperty("user.dir"));
        for (Path p = Path.of(project).toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("datasets/tabular"))) {
                return p.resolve("datasets");
            }
        }
        throw new IllegalStateException("the datasets/ folder was not found from " + project);
    }

    static double[] numbers(Table t, String column) {
        return Arrays.copyOf(((NumericColumn) t.column(column)).values(), t.rowCount());
    }
}
