package dev.failforward.model.builtin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.failforward.data.*;
import dev.failforward.detect.*;
import dev.failforward.model.*;
import dev.failforward.progress.Progress;
import dev.failforward.scan.*;
import org.tribuo.classification.Label;
import org.tribuo.classification.xgboost.XGBoostClassificationTrainer;
import org.tribuo.common.xgboost.XGBoostTrainer.*;
import org.tribuo.regression.Regressor;
import java.nio.file.Path;
import java.util.*;

/**
 * Where the label-issue detector's time goes: the out-of-fold model. Runs the detector on the shared
 * label-noise reference (breast cancer, 5 % flipped, three seeds) with each out-of-fold trainer given
 * — the detector's own light models on the encoded matrix (its default), the logistic regression alone, the boosted trees alone (100 trees of depth 5, as builtin:gbm), their
 * average (what scans use), and lighter boosted trees given as TREES:DEPTH:LEARNING_RATE, alone and
 * averaged with the logistic regression — and prints pooled precision and recall by row key with the
 * detector's time (best of 3 after a first call, mean and worst over the seeds). In the built-in
 * models' package because the trainer of a configured boosted model is package-private.
 * Arguments: the reference folder, then any number of TREES:DEPTH:LEARNING_RATE.
 */
public final class LabelIssueModels {
    record Gbm(int trees, int depth, double lr) implements TribuoRecipe {
        public EncodingStyle style() { return EncodingStyle.BOOSTED; }
        public org.tribuo.Trainer<Label> classifier(long seed) {
            return new XGBoostClassificationTrainer(BoosterType.GBTREE, TreeMethod.HIST, trees, lr, 0, depth, 1, 0.8, 0.8, 1, 0, 1, LoggingVerbosity.SILENT, seed);
        }
        public org.tribuo.Trainer<Regressor> regressor(long seed) { throw new UnsupportedOperationException(); }
        public boolean concurrentPredict() { return false; }
    }
    static final String LIGHT = "light models on the encoded matrix (the detector's default)";

    public static void main(String[] a) throws Exception {
        System.out.println("| out-of-fold model | precision | recall | detector time, mean (worst) of 3 files |\n|---|---|---|---|");
        Path dir = Path.of(a[0]);
        JsonNode ref = new ObjectMapper().readTree(dir.resolve("cleanlab_reference.json").toFile());
        Trainer lr = ModelProviders.find("builtin:logistic").trainer();
        Map<String, Trainer> variants = new LinkedHashMap<>();
        // Light models: the detector's default, its own models on the encoded matrix (the trainer given is not used).
        variants.put(LIGHT, lr);
        variants.put("builtin:logistic", lr);
        variants.put("builtin:gbm (100 trees, depth 5)", ModelProviders.find("builtin:gbm").trainer());
        variants.put("average of both (scans today)", new AveragedTrainer("a", List.of(lr, ModelProviders.find("builtin:gbm").trainer())));
        for (String spec : java.util.Arrays.copyOfRange(a, 1, a.length)) {
            String[] p = spec.split(":");
            Trainer g = new TribuoTrainer("g", new Gbm(Integer.parseInt(p[0]), Integer.parseInt(p[1]), Double.parseDouble(p[2])));
            variants.put("boosted trees " + spec, g);
            variants.put("average of logistic and boosted trees " + spec, new AveragedTrainer("a", List.of(lr, g)));
        }
        for (var e : variants.entrySet()) {
            long tp = 0, fl = 0, su = 0; double tmax = 0, tsum = 0;
            for (JsonNode s : ref.path("seeds")) {
                Set<String> flipped = new HashSet<>();
                s.path("flipped_rows").forEach(r -> flipped.add(r.asText()));
                Table table = new CsvTableReader().read(dir.resolve(s.path("data").asText()), ReadOptions.DEFAULT);
                ScanData data = ScanData.prepare(table, null, new ScanSpec("diagnosis", null, null, "row", List.of(), ScanSpec.DEFAULT_TEST_FRACTION, 42));
                Predictions pr = ModelProviders.find("builtin:gbm").trainer().train(data.train(), data.target(), 42, Progress.NONE).predict(data.test());
                DetectorConfig config = e.getKey().equals(LIGHT) ? DetectorConfig.defaults()
                        : DetectorConfig.parse(List.of("label-issue.light-models=false"), Detectors.all());
                DetectorContext c = new DetectorContext(data, pr, new boolean[data.test().rowCount()], e.getValue(), 42, config, Progress.NONE);
                new LabelIssueDetector().detect(c);
                double best = 1e9; Detection d = null;
                for (int r = 0; r < 3; r++) { long t0 = System.nanoTime(); d = new LabelIssueDetector().detect(c); best = Math.min(best, (System.nanoTime() - t0) / 1e9); }
                List<String> keys = d.findings().stream().filter(f -> f.detector().equals("label-issue")).flatMap(f -> f.rowKeys().stream()).toList();
                tp += keys.stream().filter(flipped::contains).count(); fl += flipped.size(); su += keys.size();
                tmax = Math.max(tmax, best); tsum += best;
            }
            System.out.printf(Locale.ROOT, "| %s | %.3f | %.3f | %.2f s (%.2f s) |%n", e.getKey(), (double) tp / su, (double) tp / fl, tsum / 3, tmax);
        }
    }
}
