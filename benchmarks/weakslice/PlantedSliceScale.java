import dev.failforward.data.CategoricalColumn;
import dev.failforward.data.Column;
import dev.failforward.data.ColumnType;
import dev.failforward.data.NumericColumn;
import dev.failforward.data.Table;
import dev.failforward.detect.Detection;
import dev.failforward.detect.DetectorConfig;
import dev.failforward.detect.DetectorContext;
import dev.failforward.detect.Detectors;
import dev.failforward.detect.Finding;
import dev.failforward.detect.WeakSliceDetector;
import dev.failforward.detect.WeakSliceMeasurements;
import dev.failforward.model.Target;
import dev.failforward.model.Task;
import dev.failforward.progress.Progress;
import dev.failforward.scan.ScanData;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The weak-slice detector at scale on a planted two-condition slice with a numeric condition. Rows as
 * in the scale benchmark's synthetic table (x0..x19 standard normals, the first five sharing a factor;
 * c0..c9 categories of 3 to 30 levels k0, k1, ...); the failures are drawn directly, so the detector
 * alone is measured: inside {@code c2 = k3 AND x5 > 1} (about 1.8 % of the rows) 60 % fail; elsewhere
 * either a flat base rate ({@code flat}) or a model-like error surface with broad hard regions that
 * fail up to 4 times the base rate ({@code surface}: the rate is highest where a logistic model of
 * x0..x4 is least sure). Prints the detector's findings, best first, and the rank of the first whose
 * rows are mostly (≥ 50 %) planted rows and hold at least half of them.
 * Usage: PlantedSliceScale ROWS SEED MODE [THRESHOLD ...]   (e.g. 1000000 1 flat weak-slice.max-level=2)
 */
public final class PlantedSliceScale {

    public static void main(String[] args) {
        int rows = Integer.parseInt(args[0]);
        long seed = Long.parseLong(args[1]);
        String mode = args[2];
        List<String> thresholds = List.of(args).subList(3, args.length);
        SplittableRandom random = new SplittableRandom(seed);
        double[][] x = new double[20][rows];
        int[][] c = new int[10][rows];
        boolean[] failed = new boolean[rows];
        boolean[] planted = new boolean[rows];
        int plantedCount = 0;
        for (int r = 0; r < rows; r++) {
            double shared = random.nextDouble() * 2 - 1;
            for (int f = 0; f < 20; f++) {
                x[f][r] = gaussian(random) + (f < 5 ? shared : 0);
            }
            for (int f = 0; f < 10; f++) {
                c[f][r] = random.nextInt(3 + 3 * f);
            }
            double rate;
            if (mode.equals("flat")) {
                rate = 0.1;
            } else {
                double z = 1.2 * x[0][r] - 0.8 * x[1][r] + 0.5 * x[2][r] * x[3][r] + 0.3 * x[4][r]
                        + (c[0][r] == 1 ? 1.0 : 0) - (c[1][r] % 2 == 0 ? 0.7 : 0) - 0.2;
                double p = 1 / (1 + Math.exp(-z));
                rate = Math.min(p, 1 - p); // a calibrated model's error rate: highest where it is least sure
            }
            planted[r] = c[2][r] == 3 && x[5][r] > 1;
            if (planted[r]) {
                rate = 0.6;
                plantedCount++;
            }
            failed[r] = random.nextDouble() < rate;
        }
        List<Column> columns = new ArrayList<>();
        for (int f = 0; f < 20; f++) {
            columns.add(new NumericColumn("x" + f, x[f]));
        }
        for (int f = 0; f < 10; f++) {
            List<String> levels = new ArrayList<>();
            for (int l = 0; l < 3 + 3 * f; l++) {
                levels.add("k" + l);
            }
            columns.add(new CategoricalColumn("c" + f, ColumnType.CATEGORICAL, levels, c[f]));
        }
        int[] y = new int[rows];
        columns.add(new CategoricalColumn("target", ColumnType.CATEGORICAL, List.of("no", "yes"), y));
        Table test = Table.of("planted-" + rows, columns);
        Target target = new Target("target", Task.BINARY_CLASSIFICATION, List.of("no", "yes"));
        List<String> keys = java.util.stream.IntStream.range(0, rows).mapToObj(Integer::toString).toList();
        ScanData data = new ScanData(test.select(new int[0]), test, target, keys, 0);
        DetectorConfig config = DetectorConfig.parse(thresholds, Detectors.all());
        DetectorContext context = new DetectorContext(data, null, failed, null, seed, config, Progress.NONE);
        int failures = 0;
        for (boolean f : failed) {
            failures += f ? 1 : 0;
        }
        System.out.printf(Locale.ROOT, "%d rows (%s, seed %d): %.1f%% fail; planted c2 = k3 AND x5 > 1: %d rows (%.2f%%)%n",
                rows, mode, seed, 100.0 * failures / rows, plantedCount, 100.0 * plantedCount / rows);
        long start = System.nanoTime();
        Detection d = new WeakSliceDetector().detect(context);
        WeakSliceMeasurements measured = (WeakSliceMeasurements) d.measurements();
        System.out.printf(Locale.ROOT, "weak-slice: %.1f s (%d candidate slices counted, %d pruned)%n",
                (System.nanoTime() - start) / 1e9, measured.evaluated(), measured.pruned());
        int rank = 0;
        int found = -1;
        for (Finding f : d.findings()) {
            rank++;
            int in = 0;
            for (String k : f.rowKeys()) {
                in += planted[Integer.parseInt(k)] ? 1 : 0;
            }
            boolean match = in >= 0.5 * f.rowKeys().size() && in >= 0.5 * plantedCount;
            if (match && found < 0) {
                found = rank;
            }
            if (rank <= 6) {
                Map<String, Object> ev = f.evidence();
                System.out.printf(Locale.ROOT, "  %d. %s %s; planted rows %d of %d; dropped %s; q %s%n", rank, f.severity().id(),
                        f.title(), in, f.rowKeys().size(), ev.get("dropped_predicates"), ev.get("q_value"));
            }
        }
        System.out.println("planted slice found at rank " + (found < 0 ? "none" : found) + " of " + d.findings().size());
    }

    private static double gaussian(SplittableRandom random) {
        double u = 1 - random.nextDouble();
        double v = random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }
}
