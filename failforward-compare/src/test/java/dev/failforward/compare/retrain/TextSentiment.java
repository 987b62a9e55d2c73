package dev.failforward.compare.retrain;

import dev.failforward.compare.McNemar;
import dev.failforward.compare.Policy;
import dev.failforward.data.ReadOptions;
import dev.failforward.data.Table;
import dev.failforward.data.TableReaders;
import dev.failforward.model.Model;
import dev.failforward.model.ModelProviders;
import dev.failforward.model.Predictions;
import dev.failforward.model.Trainer;
import dev.failforward.progress.Progress;
import dev.failforward.retrain.RetrainStrategies;
import dev.failforward.scan.ScanData;
import dev.failforward.scan.ScanSpec;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Sentiment sentences (IMDb, Amazon and Yelp reviews) with the built-in MiniLM text model, retrained with
 * {@code augment}: the negation probe's failures and the name-swap probe's flip rate (over the rows it changed)
 * on the verification rows before and after, and the accuracy there with its exact McNemar p-value.
 */
final class TextSentiment {

    static final String MODEL = "builtin:text-minilm-logistic";

    /** {@code nameSwapBefore/After}: flips over the {@code nameSwapRows} the swap changed, summed over its levels. */
    record Retrained(Retrainer.Outcome outcome, Table training, Table augmented, int negationBefore, int negationAfter, double nameSwapBefore,
                     double nameSwapAfter, int nameSwapRows, int rows, double accuracyBefore, double accuracyAfter,
                     double accuracyP) {
    }

    private TextSentiment() {
    }

    static Path data() {
        for (Path p = Path.of(System.getProperty("user.dir")).toAbsolutePath(); p != null; p = p.getParent()) {
            Path candidate = p.resolve("datasets/text/sentiment_sentences.csv");
            if (Files.exists(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("datasets/text/sentiment_sentences.csv not found");
    }

    static Retrained retrain(long seed) {
        Table table = TableReaders.read(data(), ReadOptions.DEFAULT);
        ScanData d = ScanData.prepare(table, null, new ScanSpec("label", null, null, null, List.of("source"),
                ScanSpec.DEFAULT_TEST_FRACTION, seed));
        Trainer trainer = ModelProviders.find(MODEL).trainer();
        Model current = trainer.train(d.train(), d.target(), seed, Progress.NONE);
        Map<String, Model> models = new HashMap<>();
        Map<String, Table> sets = new HashMap<>();
        CandidateSink sink = (strategy, model, training) -> {
            models.put(strategy, model);
            sets.put(strategy, training);
            return null;
        };
        RetrainRequest request = new RetrainRequest("test-run", "sentiment_sentences.csv", d, current, trainer,
                RetrainStrategies.resolve("augment"), Policy.defaults(d.target().task()), null, null, List.of(), false, seed, 300,
                List.of(), sink);
        Retrainer.Outcome o = new Retrainer(Progress.NONE).retrain(request);
        Candidate c = RetrainFixture.candidate(o.result(), "augment");
        int negBefore = 0;
        int negAfter = 0;
        double swapBefore = 0;
        double swapAfter = 0;
        int swaps = 0;
        for (ProbeChange p : c.probes()) {
            if (p.probe().equals("negation")) {
                negBefore += p.failuresBefore();
                negAfter += p.failuresAfter();
            } else if (p.probe().equals("name-swap")) {
                // Over the rows the swap changed (those naming someone or somewhere): the others cannot flip.
                swapBefore += Math.round(p.flipBefore() * p.rows());
                swapAfter += Math.round(p.flipAfter() * p.rows());
                swaps += p.changed();
            }
        }
        Table ver = o.verification();
        int[] labels = ScanData.labels(ver, d.target());
        Predictions before = current.predict(ver);
        Predictions after = models.containsKey("augment") ? models.get("augment").predict(ver) : before;
        int fixed = 0;
        int added = 0;
        int rightBefore = 0;
        int rightAfter = 0;
        for (int i = 0; i < labels.length; i++) {
            boolean b = before.predictedClass(i) == labels[i];
            boolean a = after.predictedClass(i) == labels[i];
            rightBefore += b ? 1 : 0;
            rightAfter += a ? 1 : 0;
            fixed += !b && a ? 1 : 0;
            added += b && !a ? 1 : 0;
        }
        return new Retrained(o, d.train(), sets.get("augment"), negBefore, negAfter, swaps == 0 ? Double.NaN : swapBefore / swaps,
                swaps == 0 ? Double.NaN : swapAfter / swaps, swaps, ver.rowCount(), (double) rightBefore / labels.length,
                (double) rightAfter / labels.length, McNemar.test(added, fixed).pValue());
    }
}
