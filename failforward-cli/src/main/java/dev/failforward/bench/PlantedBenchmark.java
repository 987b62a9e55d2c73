package dev.failforward.bench;

import dev.failforward.data.CategoricalColumn;
import dev.failforward.data.Column;
import dev.failforward.data.CsvTableReader;
import dev.failforward.data.NumericColumn;
import dev.failforward.data.ReadOptions;
import dev.failforward.data.Table;
import dev.failforward.detect.AveragedTrainer;
import dev.failforward.detect.CalibrationDetector;
import dev.failforward.detect.Detection;
import dev.failforward.detect.Detector;
import dev.failforward.detect.DetectorConfig;
import dev.failforward.detect.DetectorContext;
import dev.failforward.detect.Detectors;
import dev.failforward.detect.DriftDetector;
import dev.failforward.detect.Finding;
import dev.failforward.detect.LabelIssueDetector;
import dev.failforward.detect.LeakageDetector;
import dev.failforward.detect.Severity;
import dev.failforward.detect.WeakSliceDetector;
import dev.failforward.model.Model;
import dev.failforward.model.ModelProviders;
import dev.failforward.model.Predictions;
import dev.failforward.model.Trainer;
import dev.failforward.progress.Progress;
import dev.failforward.scan.Holdout;
import dev.failforward.scan.ScanData;
import dev.failforward.scan.ScanSpec;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Plants known failures into real datasets with a seed, runs the detectors and scores them
 * against the truth, then runs every detector on the clean data. Prints a Markdown table of the
 * mean over seeds with the worst seed. Arguments: datasets folder, seeds, then dataset names
 * ({@code file:target}) and optionally {@code --modes=label,slice,drift,leakage,over,clean} to run only
 * some parts.
 */
public final class PlantedBenchmark {

    static final String SCAN_MODEL = "builtin:gbm";

    private PlantedBenchmark() {
    }

    public static void main(String[] args) {
        Path datasets = Path.of(args[0]);
        int seeds = Integer.parseInt(args[1]);
        Trainer ensemble = new AveragedTrainer("builtin:logistic+builtin:gbm", List.of(
                ModelProviders.find("builtin:logistic").trainer(), ModelProviders.find("builtin:gbm").trainer()));
        Map<String, List<String>> rows = new LinkedHashMap<>();
        List<String> clean = new ArrayList<>();
        // Optional: --modes=label,slice,drift,leakage,over,clean runs only these parts (default: all).
        java.util.Set<String> modes = new java.util.HashSet<>(List.of("label", "slice", "drift", "leakage", "over", "clean"));
        for (int a = 2; a < args.length; a++) {
            if (args[a].startsWith("--modes=")) {
                modes = new java.util.HashSet<>(List.of(args[a].substring("--modes=".length()).split(",")));
                continue;
            }
            String[] ft = args[a].split(":");
            Table table = new CsvTableReader().read(datasets.resolve("tabular").resolve(ft[0]), ReadOptions.DEFAULT);
            String name = ft[0].replace(".csv", "");
            List<double[]> label = new ArrayList<>();
            List<double[]> slice = new ArrayList<>();
            List<double[]> drift = new ArrayList<>();
            List<double[]> leak = new ArrayList<>();
            List<double[]> over = new ArrayList<>();
            for (int seed = 1; seed <= seeds; seed++) {
                ScanSpec spec = new ScanSpec(ft[1], null, null, null, List.of(), ScanSpec.DEFAULT_TEST_FRACTION, seed);
                ScanData data = ScanData.prepare(table, null, spec);
                Predictions p = train(data, seed).predict(data.test());
                if (modes.contains("label")) {
                    label.add(labelNoise(data, ensemble, seed));
                }
                if (modes.contains("slice")) {
                    slice.add(weakSlice(data, seed));
                }
                if (modes.contains("drift")) {
                    drift.add(drift(data, p, seed));
                }
                if (modes.contains("leakage")) {
                    leak.add(leakage(table, spec, seed));
                }
                if (modes.contains("over")) {
                    over.add(overconfidence(data, p, seed));
                }
                if (seed == 1 && modes.contains("clean")) {
                    clean.add(cleanRun(name, data, p, ensemble, seed));
                }
                System.err.printf(Locale.ROOT, "%s seed %d done%n", name, seed);
            }
            if (!label.isEmpty()) {
                rows.computeIfAbsent("label noise 5% (precision / recall)", k -> new ArrayList<>()).add(name + ": " + pair(label));
            }
            if (!slice.isEmpty()) {
                rows.computeIfAbsent("weak slice (rank of the planted slice; found = in top 3)", k -> new ArrayList<>()).add(name + ": " + rank(slice));
            }
            if (!drift.isEmpty()) {
                rows.computeIfAbsent("drift (shifted feature first / other features flagged)", k -> new ArrayList<>()).add(name + ": " + firstAndFalse(drift));
            }
            if (!leak.isEmpty()) {
                rows.computeIfAbsent("leakage (target-derived column flagged at warning or above)", k -> new ArrayList<>()).add(name + ": " + flagged(leak));
            }
            if (!over.isEmpty()) {
                rows.computeIfAbsent("overconfidence (subgroup flagged)", k -> new ArrayList<>()).add(name + ": " + flagged(over));
            }
        }
        System.out.println("| mode | dataset: mean over " + seeds + " seeds (worst seed) |");
        System.out.println("|---|---|");
        rows.forEach((mode, cells) -> cells.forEach(c -> System.out.println("| " + mode + " | " + c + " |")));
        System.out.println();
        System.out.println("Clean data (seed 1), findings at warning or above:");
        clean.forEach(System.out::println);
    }

    private static Model train(ScanData data, long seed) {
        return ModelProviders.find(SCAN_MODEL).trainer().train(data.train(), data.target(), seed, Progress.NONE);
    }

    private static DetectorContext context(ScanData data, Predictions p, Trainer trainer, long seed) {
        Holdout.Outcome o = Holdout.judge("bench", data.test(), data.target(), data.testKeys(), p);
        boolean[] failed = new boolean[o.predictions().size()];
        for (int i = 0; i < failed.length; i++) {
            failed[i] = o.predictions().get(i).failure();
        }
        return new DetectorContext(data, p, failed, trainer, seed, DetectorConfig.defaults(), Progress.NONE);
    }

    /** Flip 5% of the training labels; precision and recall of the suspects among training rows. */
    private static double[] labelNoise(ScanData data, Trainer ensemble, long seed) {
        int[] flipped = sample(data.train().rowCount(), 0.05, seed * 7 + 1);
        ScanData noisy = withTrain(data, flip(data.train(), data.target().column(), flipped));
        Predictions p = train(noisy, seed).predict(noisy.test());
        Detection d = new LabelIssueDetector().detect(context(noisy, p, ensemble, seed));
        List<Integer> found = ((dev.failforward.detect.LabelIssueMeasurements) d.measurements()).suspectTrainRows();
        long hits = found.stream().filter(r -> Arrays.binarySearch(flipped, r) >= 0).count();
        return new double[]{found.isEmpty() ? 0 : (double) hits / found.size(), (double) hits / flipped.length};
    }

    /**
     * Flip every training label inside a 2-predicate subgroup (two categorical or few-valued columns,
     * 3–15% of the training rows, chosen with the seed); the rank of the first weak-slice finding whose
     * rows are exactly that subgroup's test rows (an equivalent predicate, such as {@code internet_service = No}
     * for {@code tech_support = No internet service}, names the same slice).
     */
    private static double[] weakSlice(ScanData data, long seed) {
        List<Column> cats = data.train().features().stream().filter(PlantedBenchmark::fewValued).toList();
        Random random = new Random(seed * 13 + 5);
        List<int[]> options = new ArrayList<>();
        int n = data.train().rowCount();
        for (int a = 0; a < cats.size(); a++) {
            for (int b = a + 1; b < cats.size(); b++) {
                for (String va : values(cats.get(a))) {
                    for (String vb : values(cats.get(b))) {
                        int count = 0;
                        for (int i = 0; i < n; i++) {
                            if (va.equals(cats.get(a).text(i)) && vb.equals(cats.get(b).text(i))) {
                                count++;
                            }
                        }
                        if (count >= 0.03 * n && count <= 0.15 * n) {
                            options.add(new int[]{a, values(cats.get(a)).indexOf(va), b, values(cats.get(b)).indexOf(vb)});
                        }
                    }
                }
            }
        }
        if (options.isEmpty()) {
            return new double[]{Double.NaN, Double.NaN};
        }
        int[] o = options.get(random.nextInt(options.size()));
        Column ca = cats.get(o[0]);
        Column cb = cats.get(o[2]);
        String va = values(ca).get(o[1]);
        String vb = values(cb).get(o[3]);
        int[] rows = java.util.stream.IntStream.range(0, n).filter(i -> va.equals(ca.text(i)) && vb.equals(cb.text(i))).toArray();
        ScanData planted = withTrain(data, flip(data.train(), data.target().column(), rows));
        Predictions p = train(planted, seed).predict(planted.test());
        Detection d = new WeakSliceDetector().detect(context(planted, p, null, seed));
        Column ta = planted.test().column(ca.name());
        Column tb = planted.test().column(cb.name());
        java.util.Set<String> truth = new java.util.HashSet<>();
        for (int i = 0; i < planted.test().rowCount(); i++) {
            if (va.equals(ta.text(i)) && vb.equals(tb.text(i))) {
                truth.add(planted.testKeys().get(i));
            }
        }
        // Found = a finding concerns exactly the planted subgroup's test rows (whatever predicates name them);
        // near = its rows overlap them with Jaccard similarity at least 0.8.
        double same = Double.POSITIVE_INFINITY;
        double near = Double.POSITIVE_INFINITY;
        int rank = 0;
        for (Finding f : d.findings()) {
            rank++;
            long common = f.rowKeys().stream().filter(truth::contains).count();
            double jaccard = (double) common / (f.rowKeys().size() + truth.size() - common);
            if (common == truth.size() && f.rowKeys().size() == truth.size()) {
                same = Math.min(same, rank);
            }
            if (jaccard >= 0.8) {
                near = Math.min(near, rank);
            }
        }
        if (same > 3) {
            Holdout.Outcome outcome = Holdout.judge("bench", planted.test(), planted.target(), planted.testKeys(), p);
            long failed = java.util.stream.IntStream.range(0, outcome.predictions().size())
                    .filter(i -> outcome.predictions().get(i).failure() && truth.contains(planted.testKeys().get(i))).count();
            System.err.printf(Locale.ROOT, "  seed %d: planted '%s = %s AND %s = %s' (%d test rows, %d failed) not in the top 3;"
                    + " top 3: %s%n", seed, ca.name(), va, cb.name(), vb, truth.size(), failed,
                    d.findings().stream().limit(3).map(Finding::title).toList());
        }
        return new double[]{same, near};
    }

    /** Shift one numeric feature of the test rows by one training standard deviation. */
    private static double[] drift(ScanData data, Predictions p, long seed) {
        List<Column> nums = data.test().features().stream().filter(c -> c instanceof NumericColumn && !fewValued(c)).toList();
        NumericColumn pick = (NumericColumn) nums.get(new Random(seed * 17 + 3).nextInt(nums.size()));
        double[] ref = ((NumericColumn) data.train().column(pick.name())).values();
        double sd = sd(ref);
        double[] v = pick.values().clone();
        for (int i = 0; i < v.length; i++) {
            v[i] += sd;
        }
        ScanData shifted = new ScanData(data.train(), data.test().replace(new NumericColumn(pick.name(), v)), data.target(),
                data.testKeys(), 0);
        Detection d = new DriftDetector().detect(context(shifted, p, ModelProviders.find("builtin:logistic").trainer(), seed));
        List<Finding> perFeature = d.findings().stream().filter(f -> f.title().contains("differs between")).toList();
        boolean first = !perFeature.isEmpty() && perFeature.get(0).title().startsWith("'" + pick.name() + "'");
        return new double[]{first ? 1 : 0, Math.max(0, perFeature.size() - (first ? 1 : 0))};
    }

    /** Add the target plus Gaussian noise (sd 0.25 on 0/1) as a column; flagged at warning or above? */
    private static double[] leakage(Table table, ScanSpec spec, long seed) {
        ScanData plain = ScanData.prepare(table, null, spec);
        Random random = new Random(seed * 19 + 7);
        double[] y = new double[table.rowCount()];
        Column target = table.column(spec.target());
        for (int i = 0; i < y.length; i++) {
            int c = plain.target().classes().indexOf(target.text(i));
            y[i] = (c < 0 ? 0 : c) + random.nextGaussian() * 0.25;
        }
        List<Column> columns = new ArrayList<>(table.columns());
        columns.add(new NumericColumn("planted_leak", y));
        ScanData leaky = ScanData.prepare(Table.of(table.source(), columns), null, spec);
        Predictions p = train(plain, seed).predict(plain.test());
        Detection d = new LeakageDetector().detect(context(leaky, p, null, seed));
        for (Finding f : d.findings()) {
            if (f.title().startsWith("'planted_leak'") && f.severity().atLeast(Severity.WARNING)) {
                return new double[]{1};
            }
        }
        return new double[]{0};
    }

    /** Make the model 99% sure of its decisions on one subgroup (a level with ≥ 10% of test rows). */
    private static double[] overconfidence(ScanData data, Predictions p, long seed) {
        List<Column> cats = data.test().features().stream().filter(PlantedBenchmark::fewValued).toList();
        List<String[]> options = new ArrayList<>();
        int n = data.test().rowCount();
        for (Column c : cats) {
            for (String v : values(c)) {
                long count = java.util.stream.IntStream.range(0, n).filter(i -> v.equals(c.text(i))).count();
                if (count >= 0.1 * n && count <= 0.6 * n) {
                    options.add(new String[]{c.name(), v});
                }
            }
        }
        String[] pick;
        if (options.isEmpty()) {
            // No categorical column: use the lower third of the first numeric feature.
            return new double[]{Double.NaN};
        } else {
            pick = options.get(new Random(seed * 23 + 11).nextInt(options.size()));
        }
        Column col = data.test().column(pick[0]);
        int k = data.target().classCount();
        double[] probs = p.probabilities().clone();
        for (int i = 0; i < n; i++) {
            if (pick[1].equals(col.text(i))) {
                int best = p.predictedClass(i);
                for (int c = 0; c < k; c++) {
                    probs[i * k + c] = c == best ? 0.99 : 0.01 / (k - 1);
                }
            }
        }
        Detection d = new CalibrationDetector().detect(context(data, Predictions.ofProbabilities(p.classes(), probs), null, seed));
        String label = pick[0] + " = " + pick[1];
        // The subgroup's failures (same decisions before and after sharpening); an over-confident
        // finding names the failures of its slice, so a slice binned differently (delinq_2yrs ≥ 1
        // for the planted delinq_2yrs = 1) still counts as near when it shares most of them.
        int[] truth = dev.failforward.scan.ScanData.labels(data.test(), data.target());
        java.util.Set<String> failures = new java.util.HashSet<>();
        for (int i = 0; i < n; i++) {
            if (pick[1].equals(col.text(i)) && p.predictedClass(i) != truth[i]) {
                failures.add(data.testKeys().get(i));
            }
        }
        double named = 0;
        double near = 0;
        for (Finding f : d.findings()) {
            if (!f.title().startsWith("Over-confident where ")) {
                continue;
            }
            if (f.title().startsWith("Over-confident where " + label + ":")) {
                named = 1;
            }
            long common = f.rowKeys().stream().filter(failures::contains).count();
            if (!failures.isEmpty() && (double) common / (f.rowKeys().size() + failures.size() - common) >= 0.8) {
                near = 1;
            }
        }
        if (named == 0) {
            String value = pick[1];
            long size = java.util.stream.IntStream.range(0, n).filter(i -> value.equals(col.text(i))).count();
            System.err.printf(Locale.ROOT, "  seed %d: planted '%s' (%d test rows, %d failures, %.1f promised) not flagged by name;"
                    + " flagged: %s%n", seed, label, size, failures.size(), size * 0.01,
                    d.findings().stream().map(Finding::title).filter(t -> t.startsWith("Over-confident")).toList());
        }
        return new double[]{named, Math.max(named, near)};
    }

    private static String cleanRun(String name, ScanData data, Predictions p, Trainer ensemble, long seed) {
        StringBuilder sb = new StringBuilder("- " + name + ":");
        for (Detector d : Detectors.all()) {
            Detection det = d.detect(context(data, p, ensemble, seed));
            List<Finding> loud = det.findings().stream().filter(f -> f.severity().atLeast(Severity.WARNING)).toList();
            sb.append("\n  - ").append(d.id()).append(": ").append(loud.size()).append(loud.isEmpty() ? "" : " — ");
            sb.append(String.join("; ", loud.stream().limit(4).map(f -> "[" + f.severity().id() + "] " + f.title()).toList()));
        }
        return sb.toString();
    }

    private static boolean fewValued(Column c) {
        if (c instanceof CategoricalColumn cat) {
            return cat.levels().size() <= 12;
        }
        if (c instanceof NumericColumn n) {
            return Arrays.stream(n.values()).filter(v -> !Double.isNaN(v)).distinct().count() <= 10;
        }
        return false;
    }

    private static List<String> values(Column c) {
        java.util.TreeSet<String> out = new java.util.TreeSet<>();
        for (int i = 0; i < c.size(); i++) {
            if (!c.isMissing(i)) {
                out.add(c.text(i));
            }
        }
        return new ArrayList<>(out);
    }

    private static ScanData withTrain(ScanData d, Table train) {
        return new ScanData(train, d.test(), d.target(), d.testKeys(), d.droppedRows());
    }

    private static Table flip(Table t, String target, int[] rows) {
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

    private static int[] sample(int n, double fraction, long seed) {
        List<Integer> all = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            all.add(i);
        }
        Collections.shuffle(all, new Random(seed));
        return all.subList(0, (int) Math.round(fraction * n)).stream().mapToInt(Integer::intValue).sorted().toArray();
    }

    private static double sd(double[] v) {
        double[] x = Arrays.stream(v).filter(d -> !Double.isNaN(d)).toArray();
        double m = Arrays.stream(x).average().orElse(0);
        return Math.sqrt(Arrays.stream(x).map(d -> (d - m) * (d - m)).sum() / Math.max(1, x.length - 1));
    }

    private static String pair(List<double[]> runs) {
        double p = runs.stream().mapToDouble(r -> r[0]).average().orElse(Double.NaN);
        double r = runs.stream().mapToDouble(x -> x[1]).average().orElse(Double.NaN);
        double wp = runs.stream().mapToDouble(x -> x[0]).min().orElse(Double.NaN);
        double wr = runs.stream().mapToDouble(x -> x[1]).min().orElse(Double.NaN);
        return String.format(Locale.ROOT, "%.2f / %.2f (worst %.2f / %.2f)", p, r, wp, wr);
    }

    private static String rank(List<double[]> runs) {
        if (runs.stream().allMatch(r -> Double.isNaN(r[0]))) {
            return "n/a (no categorical columns to plant a slice on)";
        }
        List<double[]> valid = runs.stream().filter(r -> !Double.isNaN(r[0])).toList();
        long top3 = valid.stream().filter(r -> r[0] <= 3).count();
        long near3 = valid.stream().filter(r -> r[1] <= 3).count();
        double worst = valid.stream().mapToDouble(r -> r[0]).max().orElse(Double.NaN);
        double median = valid.stream().mapToDouble(r -> r[0]).sorted().toArray()[valid.size() / 2];
        return String.format(Locale.ROOT, "top 3 in %d of %d, median rank %s (worst %s); ≥ 80%% row overlap in top 3: %d of %d",
                top3, valid.size(), fmt(median), fmt(worst), near3, valid.size());
    }

    private static String fmt(double rank) {
        return Double.isInfinite(rank) ? "not found" : String.valueOf((int) rank);
    }

    private static String firstAndFalse(List<double[]> runs) {
        long first = runs.stream().filter(r -> r[0] == 1).count();
        double falseFlags = runs.stream().mapToDouble(r -> r[1]).average().orElse(0);
        double worst = runs.stream().mapToDouble(r -> r[1]).max().orElse(0);
        return String.format(Locale.ROOT, "first in %d of %d; %.1f other features flagged (worst %d)", first, runs.size(),
                falseFlags, (int) worst);
    }

    private static String flagged(List<double[]> runs) {
        if (runs.stream().allMatch(r -> Double.isNaN(r[0]))) {
            return "n/a (no categorical subgroup)";
        }
        List<double[]> valid = runs.stream().filter(r -> !Double.isNaN(r[0])).toList();
        long found = valid.stream().filter(r -> r[0] == 1).count();
        if (valid.get(0).length > 1) {
            long near = valid.stream().filter(r -> r[1] == 1).count();
            return "flagged in " + found + " of " + valid.size() + "; a flagged slice sharing ≥ 80% of its failures: "
                    + near + " of " + valid.size();
        }
        return "flagged in " + found + " of " + valid.size();
    }
}
