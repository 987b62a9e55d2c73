package dev.failforward.bench;

import dev.failforward.data.CategoricalColumn;
import dev.failforward.data.Column;
import dev.failforward.data.CsvTableReader;
import dev.failforward.data.NumericColumn;
import dev.failforward.data.ReadOptions;
import dev.failforward.data.Table;
import dev.failforward.detect.FeatureCodes;
import dev.failforward.detect.SliceSearch;
import dev.failforward.detect.SliceSimplifier;
import dev.failforward.model.Model;
import dev.failforward.model.ModelProviders;
import dev.failforward.model.Predictions;
import dev.failforward.model.Target;
import dev.failforward.model.Task;
import dev.failforward.progress.Progress;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Times the weak-slice search on the Ames housing table (30 feature columns) tiled to N rows.
 * Errors are the rows of the real gradient-boosted model's worst tenth of absolute errors; each
 * tiled row copies a row drawn with a fixed seed, numbers jittered by ±1 %.
 * Arguments: datasets folder, rows, repeats, then K, max level, min support.
 */
public final class SliceSpeed {

    private SliceSpeed() {
    }

    public static void main(String[] args) {
        Path datasets = Path.of(args[0]);
        int rows = Integer.parseInt(args[1]);
        int repeats = Integer.parseInt(args[2]);
        int k = Integer.parseInt(args[3]);
        int level = Integer.parseInt(args[4]);
        int minSupport = Integer.parseInt(args[5]);
        Table ames = new CsvTableReader().read(datasets.resolve("tabular/ames_housing.csv"), ReadOptions.DEFAULT);
        Target target = new Target("Sale_Price", Task.REGRESSION, List.of());
        List<Column> features = ames.columns().stream().filter(c -> !c.name().equals("Sale_Price"))
                .filter(c -> !(c instanceof dev.failforward.data.TextColumn)).limit(30).toList();
        List<String> keep = new ArrayList<>(features.stream().map(Column::name).toList());
        keep.add("Sale_Price");
        Table table = ames.project(keep).withRole("Sale_Price", dev.failforward.data.ColumnRole.TARGET);
        Model model = ModelProviders.find("builtin:gbm").trainer().train(table, target, 42, Progress.NONE);
        Predictions p = model.predict(table);
        double[] truth = ((NumericColumn) table.column("Sale_Price")).values();
        double[] abs = new double[truth.length];
        for (int i = 0; i < abs.length; i++) {
            abs[i] = Math.abs(p.value(i) - truth[i]);
        }
        double cut = Arrays.stream(abs).sorted().toArray()[(int) (0.9 * abs.length)];

        Random random = new Random(2024);
        int[] source = new int[rows];
        for (int i = 0; i < rows; i++) {
            source[i] = i < truth.length ? i : random.nextInt(truth.length);
        }
        List<Column> tiled = new ArrayList<>();
        for (Column c : features) {
            if (c instanceof NumericColumn n) {
                double[] v = new double[rows];
                for (int i = 0; i < rows; i++) {
                    double x = n.values()[source[i]];
                    v[i] = i < truth.length ? x : x * (1 + (random.nextDouble() - 0.5) * 0.02);
                }
                tiled.add(new NumericColumn(c.name(), v));
            } else {
                CategoricalColumn cat = (CategoricalColumn) c;
                int[] codes = new int[rows];
                for (int i = 0; i < rows; i++) {
                    codes[i] = cat.codes()[source[i]];
                }
                tiled.add(new CategoricalColumn(c.name(), c.type(), cat.levels(), codes));
            }
        }
        boolean[] errors = new boolean[rows];
        for (int i = 0; i < rows; i++) {
            errors[i] = abs[source[i]] > cut;
        }
        features = null;
        System.out.printf(Locale.ROOT, "rows %d, features %d, K %d, level %d, min support %d, threads %d%n", rows,
                tiled.size(), k, level, minSupport, Runtime.getRuntime().availableProcessors());
        double[] encode = new double[repeats];
        double[] search = new double[repeats];
        SliceSearch.Result last = null;
        for (int r = 0; r < repeats; r++) {
            resetPeaks();
            long cpu0 = cpu();
            long t0 = System.nanoTime();
            FeatureCodes codes = FeatureCodes.of(tiled, rows, 10);
            long t1 = System.nanoTime();
            last = SliceSearch.search(codes, errors, new SliceSearch.Settings(level, k, minSupport, 0.95));
            // The detector then drops unsupported predicates from the K slices found (as WeakSliceDetector does).
            SliceSimplifier.simplify(codes, errors, last.top(), minSupport, 0.95, last.evaluated(), 0.05);
            long t2 = System.nanoTime();
            long cpuMs = (cpu() - cpu0) / 1_000_000;
            encode[r] = (t1 - t0) / 1e9;
            search[r] = (t2 - t1) / 1e9;
            System.out.printf(Locale.ROOT, "  run %d: encode %.3f s, search + simplify %.3f s, total %.3f s (process CPU %.3f s), "
                    + "peak heap %d MB, load average %s%n", r + 1, encode[r], search[r], encode[r] + search[r], cpuMs / 1000.0,
                    peakHeapMb(), load());
        }
        double[] total = new double[repeats];
        for (int r = 0; r < repeats; r++) {
            total[r] = encode[r] + search[r];
        }
        Arrays.sort(total);
        System.out.printf(Locale.ROOT, "median total %.3f s (min %.3f s); %d candidate slices counted, %d pruned%n",
                total[repeats / 2], total[0], last.evaluated(), last.pruned());
        last.top().forEach(s -> System.out.printf(Locale.ROOT, "  slice level %d: %d rows, error %.3f, score %.3f%n",
                s.level(), s.size(), s.errorRate(), s.score()));
    }

    /** The 1-minute load average of the machine (others' work included), to read the wall-clock figures. */
    private static String load() {
        return String.format(Locale.ROOT, "%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    /** CPU time of the whole process (all threads, GC included), to read figures taken on a busy machine. */
    private static long cpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static void resetPeaks() {
        System.gc();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
    }

    private static long peakHeapMb() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                sum += pool.getPeakUsage().getUsed();
            }
        }
        return sum / (1024 * 1024);
    }
}
