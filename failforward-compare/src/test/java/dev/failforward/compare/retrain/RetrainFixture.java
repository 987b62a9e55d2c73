package dev.failforward.compare.retrain;

import dev.failforward.compare.Policy;
import dev.failforward.data.ReadOptions;
import dev.failforward.data.Table;
import dev.failforward.data.TableReaders;
import dev.failforward.model.Model;
import dev.failforward.model.ModelProviders;
import dev.failforward.model.Trainer;
import dev.failforward.progress.Progress;
import dev.failforward.retrain.Aim;
import dev.failforward.retrain.RetrainStrategies;
import dev.failforward.retrain.TrainingSet;
import dev.failforward.scan.ScanData;
import dev.failforward.scan.ScanSpec;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Real data prepared as a scan would, optionally with planted label noise in the training rows, and a retrain of it. */
final class RetrainFixture {

    private RetrainFixture() {
    }

    static Path tabular(String name) {
        for (Path p = Path.of(System.getProperty("user.dir")).toAbsolutePath(); p != null; p = p.getParent()) {
            Path candidate = p.resolve("datasets/tabular").resolve(name);
            if (Files.exists(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("datasets/tabular/" + name + " not found");
    }

    static ScanData prepare(String file, String target, long seed) {
        Table table = TableReaders.read(tabular(file), ReadOptions.DEFAULT);
        return ScanData.prepare(table, null, new ScanSpec(target, null, null, null, List.of(), ScanSpec.DEFAULT_TEST_FRACTION, seed));
    }

    /** The same data with {@code share} of the training labels flipped to another class (seeded); test labels untouched. */
    static ScanData flipLabels(ScanData d, double share, long seed) {
        int n = d.train().rowCount();
        List<Integer> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            rows.add(i);
        }
        Collections.shuffle(rows, new Random(seed));
        int[] labels = ScanData.labels(d.train(), d.target());
        int k = d.target().classCount();
        Map<Integer, String> relabels = new LinkedHashMap<>();
        for (int row : rows.subList(0, (int) Math.round(share * n))) {
            relabels.put(row, d.target().classes().get((labels[row] + 1) % k));
        }
        Table noisy = TrainingSet.of("plant", null, relabels, null, Aim.overall(), "").materialize(d.train(), d.target().column());
        return new ScanData(noisy, d.test(), d.target(), d.testKeys(), d.droppedRows());
    }

    /** Trains the current model with builtin:gbm on {@code d}'s training rows and retrains it with {@code strategies}. */
    static RetrainResult retrain(ScanData d, String strategies, long seed) {
        Trainer trainer = ModelProviders.find("builtin:gbm").trainer();
        Model current = trainer.train(d.train(), d.target(), seed, Progress.NONE);
        RetrainRequest request = new RetrainRequest("test-run", "data.csv", d, current, trainer, RetrainStrategies.resolve(strategies),
                Policy.defaults(d.target().task()), null, null, List.of(), false, seed, 300, List.of(), CandidateSink.NONE);
        return new Retrainer(Progress.NONE).retrain(request).result();
    }

    /** The same with a sink, keeping the current model under {@code current} in {@code models}. */
    static Retrainer.Outcome outcome(ScanData d, String strategies, long seed, CandidateSink sink,
                                     Map<String, Model> models) {
        Trainer trainer = ModelProviders.find("builtin:gbm").trainer();
        Model current = trainer.train(d.train(), d.target(), seed, Progress.NONE);
        models.put("current", current);
        RetrainRequest request = new RetrainRequest("test-run", "data.csv", d, current, trainer, RetrainStrategies.resolve(strategies),
                Policy.defaults(d.target().task()), null, null, List.of(), false, seed, 300, List.of(), sink);
        return new Retrainer(Progress.NONE).retrain(request);
    }

    /** A retrain verified on {@code holdout} (every test row selects), with {@code production} failures in the log. */
    static RetrainResult retrainWith(ScanData d, String strategies, long seed, Table holdout, List<String> holdoutKeys,
                                     List<dev.failforward.failure.ProductionEvent> production) {
        Trainer trainer = ModelProviders.find("builtin:gbm").trainer();
        Model current = trainer.train(d.train(), d.target(), seed, Progress.NONE);
        RetrainRequest request = new RetrainRequest("test-run", "data.csv", d, current, trainer, RetrainStrategies.resolve(strategies),
                Policy.defaults(d.target().task()), holdout, holdoutKeys, production, false, seed, 300, List.of(), CandidateSink.NONE);
        return new Retrainer(Progress.NONE).retrain(request).result();
    }

    static Candidate candidate(RetrainResult r, String strategy) {
        return r.candidates().stream().filter(c -> c.strategy().equals(strategy)).findFirst().orElseThrow();
    }
}
