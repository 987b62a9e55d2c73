import dev.failforward.data.ReadOptions;
import dev.failforward.data.TableReaders;
import dev.failforward.model.Model;
import dev.failforward.model.ModelProviders;
import dev.failforward.model.Predictions;
import dev.failforward.probe.adversarial.AdversarialOutcome;
import dev.failforward.probe.adversarial.AdversarialSearch;
import dev.failforward.probe.adversarial.AdversarialSettings;
import dev.failforward.probe.adversarial.AdversarialSummary;
import dev.failforward.progress.Progress;
import dev.failforward.scan.ScanData;
import dev.failforward.scan.ScanSpec;

import java.nio.file.Path;
import java.util.Locale;

/**
 * Times the adversarial search at its default settings on real data with the built-in GBM: one warm-up run,
 * then the fastest of {@code repeats} runs (the results are identical each time; only the time varies).
 */
public final class AdversarialBenchmark {

    public static void main(String[] args) {
        Path datasets = Path.of(args[0]);
        int repeats = Integer.parseInt(args[1]);
        run(datasets.resolve("tabular/telco_churn.csv"), "churn", repeats);
        run(datasets.resolve("tabular/credit_data.csv"), "Status", repeats);
    }

    static void run(Path file, String target, int repeats) {
        ScanData data = ScanData.prepare(TableReaders.read(file, ReadOptions.DEFAULT), null, ScanSpec.of(target));
        Model model = ModelProviders.find("builtin:gbm").trainer().train(data.train(), data.target(), 42, Progress.NONE);
        Predictions baseline = model.predict(data.test());
        AdversarialSettings settings = AdversarialSettings.defaults(42);
        AdversarialOutcome outcome = AdversarialSearch.run(model, data, baseline, settings, Progress.NONE);
        double best = Double.POSITIVE_INFINITY;
        for (int i = 0; i < repeats; i++) {
            long start = System.nanoTime();
            AdversarialOutcome again = AdversarialSearch.run(model, data, baseline, settings, Progress.NONE);
            best = Math.min(best, (System.nanoTime() - start) / 1e9);
            if (!again.equals(outcome)) {
                throw new IllegalStateException("the search gave a different result on a repeat");
            }
        }
        AdversarialSummary s = outcome.summary();
        System.out.printf(Locale.ROOT, "%s: %d rows searched in %.2f s = %.0f rows/s; %.1f evaluations per row (median %.0f, max %d)"
                        + " = %.0f evaluations/s; flipped %d (%.1f%%), median distance %.3f%n",
                file.getFileName(), s.attempted(), best, s.attempted() / best, s.meanEvaluations(), s.medianEvaluations(),
                s.maxEvaluations(), s.attempted() * s.meanEvaluations() / best, s.succeeded(), 100 * s.successRate(),
                s.medianDistance());
    }
}
