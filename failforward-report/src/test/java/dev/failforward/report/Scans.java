package dev.failforward.report;

import dev.failforward.data.CategoricalColumn;
import dev.failforward.data.Column;
import dev.failforward.data.CsvTableReader;
import dev.failforward.data.NumericColumn;
import dev.failforward.data.ReadOptions;
import dev.failforward.data.Table;
import dev.failforward.model.Predictions;
import dev.failforward.run.Provenance;
import dev.failforward.run.Run;
import dev.failforward.run.RunIds;
import dev.failforward.run.RunStatus;
import dev.failforward.scan.Holdout;
import dev.failforward.scan.ScanData;
import dev.failforward.scan.ScanSpec;
import dev.failforward.scan.TableFingerprint;
import dev.failforward.session.ScanResult;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Scan results made from the real data sets in {@code datasets/}, scored by simple fixed rules instead of a
 * trained model, so that the reports are tested on real columns, values and failure counts.
 */
final class Scans {

    private static final Map<String, Table> TABLES = new ConcurrentHashMap<>();

    private Scans() {
    }

    /** A shared data set: {@code datasets/tabular/<file>} in the project's folder or a folder above it. */
    static Path dataset(String file) {
        List<String> starts = new ArrayList<>();
        if (System.getProperty("failforward.root") != null) {
            starts.add(System.getProperty("failforward.root"));
        }
        starts.add(System.getProperty("user.dir"));
        for (String start : starts) {
            for (Path dir = Path.of(start).toAbsolutePath(); dir != null; dir = dir.getParent()) {
                Path candidate = dir.resolve("datasets/tabular").resolve(file);
                if (Files.isRegularFile(candidate)) {
                    return candidate;
                }
            }
        }
        throw new IllegalStateException("data set " + file + " not found in datasets/tabular above " + starts);
    }

    static Table read(String file) {
        return TABLES.computeIfAbsent(file, f -> new CsvTableReader().read(dataset(f), ReadOptions.DEFAULT));
    }

    /** Telco churn (binary): churn is likelier for short tenure, high charges and monthly contracts. */
    static ScanResult telco() {
        return telco(read("telco_churn.csv"));
    }

    static ScanResult telco(Table data) {
        return telco(data, ScanSpec.of("churn"));
    }

    /** Telco with values that try to break out of HTML: in a class label, a category, a column name and the source. */
    static ScanResult hostileTelco() {
        return telco(hostileTelcoTable(), HOSTILE_SPEC);
    }

    static Table hostileTelcoTable() {
        Table data = withLevel(read("telco_churn.csv"), "churn", "Yes", SCRIPT);
        data = withLevel(data, "payment_method", "Electronic check", ATTRIBUTE_BREAKER);
        return Table.of("/tmp/<i>data</i>.csv", data.columns().stream()
                .map(c -> c.name().equals("phone_service") ? c.rename(HOSTILE_COLUMN) : c).toList());
    }

    static final String SCRIPT = "<script>alert(1)</script>";
    static final String ATTRIBUTE_BREAKER = "\"'><svg onload=document.body.setAttribute('data-pwned','1')>";
    static final String HOSTILE_COLUMN = "<b onmouseover=alert(3)>phone</b>";
    static final ScanSpec HOSTILE_SPEC = new ScanSpec("churn", null, SCRIPT, null, List.of(), ScanSpec.DEFAULT_TEST_FRACTION,
            ScanSpec.DEFAULT_SEED);

    static ScanResult telco(Table data, ScanSpec spec) {
        return scan(data, spec, "rule:telco", d -> {
            Table t = d.test();
            double[] tenure = numbers(t, "tenure");
            double[] charges = numbers(t, "monthly_charges");
            Column contract = t.column("contract");
            double[] p = new double[t.rowCount() * 2];
            for (int i = 0; i < t.rowCount(); i++) {
                double z = -1.6 - 0.045 * tenure[i] + 0.03 * (charges[i] - 65)
                        + ("Month-to-month".equals(contract.text(i)) ? 1.9 : 0);
                double yes = 1 / (1 + Math.exp(-z));
                p[2 * i] = 1 - yes;
                p[2 * i + 1] = yes;
            }
            return Predictions.ofProbabilities(d.target().classes(), p);
        });
    }

    /** Iris (three classes): the class whose typical petal length is nearest. */
    static ScanResult iris() {
        return scan(read("iris.csv"), ScanSpec.of("species"), "rule:iris", d -> {
            double[] petal = numbers(d.test(), "petal length (cm)");
            double[] centre = {1.5, 4.3, 5.6};
            int k = d.target().classCount();
            double[] p = new double[petal.length * k];
            for (int i = 0; i < petal.length; i++) {
                double sum = 0;
                for (int c = 0; c < k; c++) {
                    double diff = petal[i] - centre[c];
                    p[i * k + c] = Math.exp(-diff * diff / 0.4);
                    sum += p[i * k + c];
                }
                for (int c = 0; c < k; c++) {
                    p[i * k + c] /= sum;
                }
            }
            return Predictions.ofProbabilities(d.target().classes(), p);
        });
    }

    /** Ames housing (regression): price from living area and age. */
    static ScanResult ames() {
        return scan(read("ames_housing.csv"), ScanSpec.of("Sale_Price"), "rule:ames", d -> {
            double[] area = numbers(d.test(), "Gr_Liv_Area");
            double[] built = numbers(d.test(), "Year_Built");
            double[] v = new double[area.length];
            for (int i = 0; i < v.length; i++) {
                v[i] = 15_000 + 95 * area[i] + 900 * (built[i] - 1970);
            }
            return Predictions.ofValues(v);
        });
    }

    /** Titanic (binary, with text and missing values): women and upper classes survive. */
    static ScanResult titanic() {
        return scan(read("titanic.csv"), ScanSpec.of("survived"), "rule:titanic", d -> {
            Table t = d.test();
            double[] pclass = numbers(t, "pclass");
            Column sex = t.column("sex");
            double[] p = new double[t.rowCount() * 2];
            for (int i = 0; i < t.rowCount(); i++) {
                double z = -1.2 + ("female".equals(sex.text(i)) ? 2.4 : 0) - 0.7 * (pclass[i] - 2);
                double yes = 1 / (1 + Math.exp(-z));
                p[2 * i] = 1 - yes;
                p[2 * i + 1] = yes;
            }
            return Predictions.ofProbabilities(d.target().classes(), p);
        });
    }

    /** {@code data} with one level of a categorical column renamed (to plant hostile or awkward values). */
    static Table withLevel(Table data, String column, String level, String replacement) {
        CategoricalColumn c = (CategoricalColumn) data.column(column);
        List<String> levels = new ArrayList<>(c.levels());
        int at = levels.indexOf(level);
        if (at < 0) {
            throw new IllegalArgumentException(column + " has no level " + level + "; levels are " + levels);
        }
        levels.set(at, replacement);
        return data.replace(new CategoricalColumn(c.name(), c.type(), levels, c.codes()));
    }

    /** Judges the rule's predictions on the held-out rows as a scan does, and wraps them in a completed run. */
    static ScanResult scan(Table data, ScanSpec spec, String modelId, Function<ScanData, Predictions> rule) {
        Instant started = Instant.now();
        ScanData prepared = ScanData.prepare(data, null, spec);
        String runId = RunIds.next();
        Holdout.Outcome o = Holdout.judge(runId, prepared.test(), prepared.target(), prepared.testKeys(), rule.apply(prepared));
        String dataFingerprint = TableFingerprint.of(data);
        String modelFingerprint = Integer.toHexString(modelId.hashCode());
        Map<String, String> options = Map.of("target", spec.target(), "model", modelId, "seed", Long.toString(spec.seed()));
        Run run = new Run(runId, "scan", started, Instant.now(), RunStatus.COMPLETE, prepared.target().task(),
                spec.target(), prepared.target().classes(), modelId, modelFingerprint, null, data.source(),
                dataFingerprint, o.evaluation().metrics(), o.predictions().size(), o.failures().size(),
                Provenance.current(spec.seed(), dataFingerprint, modelFingerprint, options));
        return new ScanResult(run, o.evaluation(), o.predictions(), o.failures());
    }

    private static double[] numbers(Table t, String column) {
        return ((NumericColumn) t.column(column)).values();
    }
}
