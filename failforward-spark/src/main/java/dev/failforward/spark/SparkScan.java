package dev.failforward.spark;

import dev.failforward.data.DataException;
import dev.failforward.detect.DetectorConfig;
import dev.failforward.detect.Detectors;
import dev.failforward.detect.Finding;
import dev.failforward.log.FailureLog;
import dev.failforward.report.ReportWriter;
import dev.failforward.store.JdbcFailureLog;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The Spark scan's command, run by {@code spark-submit --class dev.failforward.spark.SparkScan
 * failforward-spark.jar --data PATH --target COL --model SPEC [options]}: reads a Parquet or CSV
 * dataset, scans the model over it ({@link SparkScanner}), stores the run in the failure log and writes
 * report.json and report.html. Exit codes: 0 ok, 2 bad input or usage, 4 internal error.
 */
public final class SparkScan {

    static final String USAGE = """
            usage: spark-submit --class dev.failforward.spark.SparkScan failforward-spark.jar \\
                     --data PATH --target COLUMN --model SPEC [--store failforward.db|jdbc:postgresql://…] [--out DIR]
                     [--id COLUMN] [--ignore A,B] [--threshold ID.KEY=VALUE]… [--no-weak-slices]
                     [--batch-rows N] [--master local[2]] [--timings]
              SPEC: xgboost:PATH, onnx:PATH, or a saved model file (failforward-saved-models/<run>.model)
              PATH: a .parquet file or folder, or a .csv file with a header row
            example: spark-submit --class dev.failforward.spark.SparkScan failforward-spark.jar \\
                     --data flights.parquet --target delay --model failforward-saved-models/01J….model --out report""";

    private SparkScan() {
    }

    public static void main(String[] args) {
        SparkSession.Builder builder = SparkSession.builder().appName("failforward-scan");
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals("--master")) {
                builder = builder.master(args[i + 1]);
            }
        }
        SparkSession spark = builder.getOrCreate();
        int code;
        try {
            code = run(args, spark, System.out, System.err);
        } finally {
            spark.stop();
        }
        System.exit(code);
    }

    /** Runs the scan the arguments describe in {@code spark}; returns the exit code. */
    static int run(String[] args, SparkSession spark, PrintStream out, PrintStream err) {
        Map<String, String> o;
        List<String> thresholds = new ArrayList<>();
        try {
            o = parse(args, thresholds);
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            err.println(USAGE);
            return 2;
        }
        if (o.containsKey("help")) {
            out.println(USAGE);
            return 0;
        }
        try (FailureLog log = JdbcFailureLog.open(o.getOrDefault("store", JdbcFailureLog.DEFAULT_LOCATION))) {
            long started = System.nanoTime();
            Dataset<Row> data = read(spark, o.get("data"));
            int batchRows = o.containsKey("batch-rows") ? positive("--batch-rows", o.get("batch-rows")) : SparkScanRequest.DEFAULT_BATCH_ROWS;
            DetectorConfig config = DetectorConfig.parse(thresholds, Detectors.all());
            SparkScanRequest request = SparkScanRequest.of(o.get("model"), o.get("target"))
                    .dataNamed(Path.of(o.get("data")).getFileName().toString()).thresholds(config)
                    .weakSlices(!o.containsKey("no-weak-slices"))
                    .ignore(o.containsKey("ignore") ? Arrays.asList(o.get("ignore").split(",")) : List.of());
            if (o.containsKey("id")) {
                request = request.id(o.get("id"));
            }
            request = request.batchRows(batchRows);
            SparkScanResult result = new SparkScanner(log).scan(data, request);
            Map<String, Double> timings = new LinkedHashMap<>(result.timings());
            if (o.containsKey("out")) {
                long t = System.nanoTime();
                ReportWriter.writeAll(result.scan(), Path.of(o.get("out")));
                timings.put("report", (System.nanoTime() - t) / 1e9);
            }
            timings.put("total", (System.nanoTime() - started) / 1e9);
            var run = result.scan().run();
            out.printf(Locale.ROOT, "run %s: %d rows, %d failures, %s%n", run.id(), run.predictionCount(), run.failureCount(),
                    metrics(run.metrics()));
            for (Finding f : result.scan().findings()) {
                out.printf("[%s] %s%n", f.severity().id(), f.title());
            }
            if (o.containsKey("timings")) {
                timings.forEach((phase, s) -> out.printf(Locale.ROOT, "timing %-13s %8.2f s%n", phase, s));
            }
            return 0;
        } catch (DataException | IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            return 2;
        } catch (IOException e) {
            err.println("error: cannot write the report: " + e.getMessage());
            return 2;
        } catch (RuntimeException e) {
            err.println("internal error: " + e);
            e.printStackTrace(err);
            return 4;
        }
    }

    /** A Parquet file or folder, or a CSV file with a header row (every value read as text, typed as FailForward reads CSV). */
    static Dataset<Row> read(SparkSession spark, String path) {
        Path p = Path.of(path);
        if (!Files.exists(p) && !path.contains("://")) {
            throw new IllegalArgumentException(path + ": no such file");
        }
        String lower = path.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".csv") || lower.endsWith(".csv.gz")) {
            return spark.read().option("header", "true").option("inferSchema", "false")
                    .option("escape", "\"").csv(path);
        }
        if (lower.endsWith(".parquet") || Files.isDirectory(p)) {
            return spark.read().parquet(path);
        }
        throw new IllegalArgumentException(path + ": not a .parquet or .csv file");
    }

    private static int positive(String option, String value) {
        try {
            int v = Integer.parseInt(value);
            if (v > 0) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(option + " needs a positive whole number, got '" + value + "'");
    }

    private static String metrics(Map<String, Double> m) {
        List<String> parts = new ArrayList<>();
        m.forEach((k, v) -> parts.add(String.format(Locale.ROOT, "%s %.4f", k, v)));
        return String.join(", ", parts);
    }

    private static Map<String, String> parse(String[] args, List<String> thresholds) {
        List<String> valued = List.of("data", "target", "model", "store", "out", "id", "ignore", "batch-rows", "master");
        List<String> flags = List.of("no-weak-slices", "timings", "help");
        Map<String, String> o = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (!a.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument '" + a + "'");
            }
            String key = a.substring(2);
            if (flags.contains(key)) {
                o.put(key, "true");
            } else if (valued.contains(key) || key.equals("threshold")) {
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException(a + " needs a value");
                }
                if (key.equals("threshold")) {
                    thresholds.add(args[++i]);
                } else {
                    o.put(key, args[++i]);
                }
            } else {
                throw new IllegalArgumentException("unknown option " + a + "; options are --" + String.join(", --", valued)
                        + ", --threshold, --" + String.join(", --", flags));
            }
        }
        if (o.containsKey("help")) {
            return o;
        }
        for (String required : List.of("data", "target", "model")) {
            if (!o.containsKey(required)) {
                throw new IllegalArgumentException("--" + required + " is required");
            }
        }
        return o;
    }
}
