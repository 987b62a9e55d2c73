package dev.failforward.store;

import dev.failforward.data.ColumnRole;
import dev.failforward.data.ColumnType;
import dev.failforward.data.CsvTableReader;
import dev.failforward.data.NumericColumn;
import dev.failforward.data.ReadOptions;
import dev.failforward.data.Table;
import dev.failforward.failure.Failure;
import dev.failforward.failure.PredictionRecord;
import dev.failforward.model.Predictions;
import dev.failforward.model.Target;
import dev.failforward.model.Task;
import dev.failforward.run.Provenance;
import dev.failforward.run.Run;
import dev.failforward.run.RunStatus;
import dev.failforward.scan.Holdout;
import dev.failforward.scan.TableFingerprint;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * Realistic runs for the tests: rows of the telco churn data, scored by a small hand-written
 * churn model and judged by core's {@link Holdout}, exactly as a scan would store them. Rows
 * whose {@code total_charges} is missing get a confidently wrong score (a planted failure), so
 * every run that holds such a row has a failure whose input holds a null.
 */
final class Telco {

    static final Path FILE = datasets().resolve("tabular/telco_churn.csv");
    static final Target TARGET = new Target("churn", Task.BINARY_CLASSIFICATION, List.of("No", "Yes"));
    /** Yes/no columns read as booleans, so that inputs hold Booleans besides Doubles, Strings and nulls. */
    private static final Table TABLE = new CsvTableReader()
            .read(FILE, new ReadOptions(Map.of("female", ColumnType.BOOLEAN, "partner", ColumnType.BOOLEAN,
                    "dependents", ColumnType.BOOLEAN, "paperless_billing", ColumnType.BOOLEAN)))
            .withRole("churn", ColumnRole.TARGET);

    /** A run with its stored results. */
    record Scored(Run run, List<PredictionRecord> predictions, List<Failure> failures) {

        /** The run as {@code begin} receives it: not finished, no results yet. */
        Run started() {
            return new Run(run.id(), run.kind(), run.startedAt(), null, RunStatus.INCOMPLETE, run.task(), run.target(),
                    run.classes(), run.modelId(), null, null, run.data(), run.dataFingerprint(), Map.of(), 0, 0,
                    run.provenance());
        }
    }

    private Telco() {
    }

    static int rowCount() {
        return TABLE.rowCount();
    }

    /** Rows {@code from .. from+count-1} (wrapping around the file), as {@link #scan} evaluates them. */
    static Table rows(int from, int count) {
        return TABLE.select(IntStream.range(0, count).map(i -> (from + i) % TABLE.rowCount()).toArray());
    }

    /** Scores rows {@code from .. from+count-1} (wrapping around the file) in a run with this id. */
    static Scored scan(String runId, int from, int count, long seed) {
        int[] rows = IntStream.range(0, count).map(i -> (from + i) % TABLE.rowCount()).toArray();
        Table test = TABLE.select(rows);
        List<String> keys = IntStream.of(rows).mapToObj(r -> "telco_churn.csv:" + (r + 2)).toList();
        Predictions predictions = Predictions.ofProbabilities(TARGET.classes(), score(test, seed));
        Holdout.Outcome outcome = Holdout.judge(runId, test, TARGET, keys, predictions);
        String modelFingerprint = "churn-model-" + seed;
        String dataFingerprint = TableFingerprint.of(test);
        Instant started = Instant.now();
        Provenance provenance = Provenance.current(seed, dataFingerprint, modelFingerprint,
                Map.of("data", FILE.toString(), "seed", Long.toString(seed), "target", "churn"));
        Run run = new Run(runId, "scan", started, started.plusMillis(1234), RunStatus.COMPLETE, TARGET.task(), "churn",
                TARGET.classes(), "builtin:logistic", modelFingerprint, "models/" + runId + ".model", FILE.toString(),
                dataFingerprint, outcome.evaluation().metrics(), outcome.predictions().size(), outcome.failures().size(),
                provenance);
        return new Scored(run, outcome.predictions(), outcome.failures());
    }

    /** P(No), P(Yes) per row: month-to-month contracts and high charges churn, long tenure stays, plus noise. */
    private static double[] score(Table test, long seed) {
        Random random = new Random(seed);
        NumericColumn tenure = (NumericColumn) test.column("tenure");
        NumericColumn charges = (NumericColumn) test.column("monthly_charges");
        NumericColumn total = (NumericColumn) test.column("total_charges");
        var contract = test.column("contract");
        double[] out = new double[test.rowCount() * 2];
        for (int i = 0; i < test.rowCount(); i++) {
            double z = -1.0 + 1.5 * ("Month-to-month".equals(contract.text(i)) ? 1 : 0)
                    + charges.get(i) / 60.0 - tenure.get(i) / 24.0 + random.nextGaussian() * 0.8;
            double yes = 1 / (1 + Math.exp(-z));
            if (total.isMissing(i)) {
                boolean churned = "Yes".equals(test.column("churn").text(i));
                yes = churned ? 0.03 : 0.97;
            }
            out[2 * i] = 1 - yes;
            out[2 * i + 1] = yes;
        }
        return out;
    }

    /** The repository's {@code datasets/} folder, found from the project root the build passes in. */
    private static Path datasets() {
        String start = System.getProperty("failforward.root", System.getProperty("user.dir"));
        for (Path p = Path.of(start).toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("datasets/tabular"))) {
                return p.resolve("datasets");
            }
        }
        throw new IllegalStateException("the datasets/ folder was not found from " + start);
    }
}
