package dev.failforward.bench;

import dev.failforward.data.CsvTableReader;
import dev.failforward.data.ReadOptions;
import dev.failforward.data.Table;
import dev.failforward.model.Model;
import dev.failforward.model.ModelProviders;
import dev.failforward.model.Predictions;
import dev.failforward.probe.Probe;
import dev.failforward.probe.ProbeOutcome;
import dev.failforward.probe.ProbeRunner;
import dev.failforward.probe.ProbeSuite;
import dev.failforward.probe.SuiteProbe;
import dev.failforward.progress.Progress;
import dev.failforward.scan.ScanData;
import dev.failforward.scan.ScanSpec;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Probe speed on Telco churn with the built-in GBM (default split: 30% test, seed 42): for each probe
 * of the default suite, perturbed rows scored per second (perturbation, one batch prediction and
 * judging, over all its levels), then the wall time of the whole default suite as {@code probe} runs it
 * (fit, perturb, predict, judge, confidence intervals, worst examples). Best of the repeats.
 * Arguments: datasets folder, repeats.
 */
public final class ProbeSpeed {

    private ProbeSpeed() {
    }

    public static void main(String[] args) {
        Path datasets = Path.of(args[0]);
        int repeats = Integer.parseInt(args[1]);
        Table telco = new CsvTableReader().read(datasets.resolve("tabular/telco_churn.csv"), ReadOptions.DEFAULT);
        ScanData data = ScanData.prepare(telco, null, ScanSpec.of("churn"));
        long t0 = System.nanoTime();
        Model model = ModelProviders.find("builtin:gbm").trainer().train(data.train(), data.target(), 42, Progress.NONE);
        double train = (System.nanoTime() - t0) / 1e9;
        Predictions baseline = model.predict(data.test());
        int rows = data.test().rowCount();
        System.out.printf(Locale.ROOT, "Telco churn: %d training rows, %d test rows; builtin:gbm trained in %.1f s; %d threads available%n",
                data.train().rowCount(), rows, train, Runtime.getRuntime().availableProcessors());
        ProbeSuite suite = ProbeSuite.defaults(data.test());
        System.out.printf(Locale.ROOT, "%-16s %7s %14s %18s%n", "probe", "levels", "best time (s)", "rows scored / s");
        long scored = 0;
        for (SuiteProbe p : suite.probes()) {
            double best = Double.MAX_VALUE;
            for (int r = 0; r < repeats; r++) {
                long s = System.nanoTime();
                ProbeRunner.run(List.<Probe>of(p), model, data, baseline, 42, "bench", 1, Progress.NONE);
                best = Math.min(best, (System.nanoTime() - s) / 1e9);
            }
            long n = (long) rows * p.levels().size();
            scored += n;
            System.out.printf(Locale.ROOT, "%-16s %7d %14.3f %18.0f%n", p.name(), p.levels().size(), best, n / best);
        }
        double[] times = new double[repeats];
        ProbeOutcome outcome = null;
        for (int r = 0; r < repeats; r++) {
            long s = System.nanoTime();
            outcome = ProbeRunner.run(suite, model, data, baseline, 42, "bench", 1, Progress.NONE);
            times[r] = (System.nanoTime() - s) / 1e9;
        }
        Arrays.sort(times);
        System.out.printf(Locale.ROOT, "default suite: %d probes, %d probe levels, %d perturbed rows scored, %d failures%n",
                suite.probes().size(), outcome.results().size(), scored, outcome.failures().size());
        System.out.printf(Locale.ROOT, "default suite wall time: best %.2f s, median %.2f s over %d runs (%.0f perturbed rows scored / s)%n",
                times[0], times[repeats / 2], repeats, scored / times[0]);
    }
}
