package dev.failforward.probe;

import dev.failforward.data.CategoricalColumn;
import dev.failforward.data.Column;
import dev.failforward.data.ColumnRole;
import dev.failforward.data.NumericColumn;
import dev.failforward.data.Table;
import dev.failforward.data.TextColumn;
import dev.failforward.failure.Failure;
import dev.failforward.failure.Fingerprints;
import dev.failforward.failure.Judge;
import dev.failforward.failure.Perturbation;
import dev.failforward.model.Model;
import dev.failforward.model.Predictions;
import dev.failforward.model.Target;
import dev.failforward.scan.ScanData;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Runs a {@link MftCase}: builds its rows (given values, the rest filled with the training rows'
 * median or most frequent level), scores them in one batch, and fails each row not predicted as the
 * expected label. Its result reports the share of failed rows as the flip rate and the pass rate as
 * the metric.
 */
final class MinimumFunctionality {

    private MinimumFunctionality() {
    }

    /** @param firstNumber the number of the run's first probe failure; failures holds all of them so far */
    static void run(MftCase c, Model model, ScanData data, String runId, int firstNumber, List<ProbeResult> results,
                    List<Failure> failures) {
        Target target = data.target();
        if (!target.task().isClassification()) {
            throw new IllegalArgumentException(c.origin() + ": mft '" + c.name() + "' expects a label, but '"
                    + target.column() + "' is a regression target");
        }
        List<String> classes = target.classes();
        int expected = classes.indexOf(c.expectLabel());
        if (expected < 0) {
            throw new IllegalArgumentException(c.origin() + ": mft '" + c.name() + "': expect_label '" + c.expectLabel()
                    + "' is not a class of '" + target.column() + "'; classes: " + classes);
        }
        Table rows = rows(c, data);
        Predictions p = model.predict(rows);
        int n = rows.rowCount();
        int failed = 0;
        String origin = "probe:" + c.id();
        for (int i = 0; i < n; i++) {
            int b = p.predictedClass(i);
            if (b == expected) {
                continue;
            }
            failed++;
            Map<String, Object> input = new LinkedHashMap<>();
            for (Column col : rows.features()) {
                input.put(col.name(), col.value(i));
            }
            Map<String, Double> byClass = new LinkedHashMap<>();
            for (int k = 0; k < classes.size(); k++) {
                byClass.put(classes.get(k), p.probability(i, k));
            }
            Map<String, String> params = new LinkedHashMap<>();
            params.put("probe", c.id());
            params.put("level", "1");
            params.put("changed", String.join(",", c.rows().get(i).keySet()));
            params.put("expectation", "MFT");
            params.put("template", c.rows().get(i).entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                    .collect(Collectors.joining(", ")));
            params.put("expect_label", c.expectLabel());
            String key = "mft:" + c.name() + ":" + (i + 1);
            failures.add(new Failure(runId + "-" + (firstNumber + failures.size()),
                    runId, key, origin, input, c.expectLabel(), classes.get(b), byClass, null, p.probability(i, b),
                    Judge.logLoss(p.probability(i, expected)), List.of("mft-failed"),
                    Fingerprints.failure(key, input, origin, params), new Perturbation(params, input)));
        }
        double pass = (double) (n - failed) / n;
        results.add(new ProbeResult(c.id(), 1, (double) failed / n, "mft_pass_rate", 1, pass, 1 - pass, n, failed,
                Double.NaN, Double.NaN, "MFT"));
    }

    /** The test's rows as a table shaped like the test rows: given values, typical training values elsewhere. */
    static Table rows(MftCase c, ScanData data) {
        Table test = data.test();
        Table train = data.reference();
        int n = c.rows().size();
        List<Column> columns = new ArrayList<>();
        for (Column col : test.columns()) {
            boolean feature = test.role(col.name()) == ColumnRole.FEATURE;
            Column base = train.find(col.name()).orElse(col);
            if (col instanceof NumericColumn) {
                double typical = feature && base instanceof NumericColumn nb ? Columns.median(nb) : Double.NaN;
                double[] v = new double[n];
                for (int i = 0; i < n; i++) {
                    String given = c.rows().get(i).get(col.name());
                    v[i] = given == null ? typical : number(c, i, col.name(), given);
                }
                columns.add(new NumericColumn(col.name(), v));
            } else if (col instanceof CategoricalColumn cc) {
                List<String> levels = new ArrayList<>(base instanceof CategoricalColumn bc ? bc.levels() : cc.levels());
                int typical = feature && base instanceof CategoricalColumn bc ? Columns.mode(bc) : -1;
                int[] codes = new int[n];
                for (int i = 0; i < n; i++) {
                    String given = c.rows().get(i).get(col.name());
                    if (given == null) {
                        codes[i] = typical;
                    } else {
                        if (!levels.contains(given)) {
                            levels.add(given);
                        }
                        codes[i] = levels.indexOf(given);
                    }
                }
                columns.add(new CategoricalColumn(col.name(), cc.type(), levels, codes));
            } else {
                String[] v = new String[n];
                for (int i = 0; i < n; i++) {
                    v[i] = c.rows().get(i).get(col.name());
                }
                columns.add(new TextColumn(col.name(), v));
            }
        }
        Table out = Table.of(c.origin(), columns);
        for (Column col : test.columns()) {
            out = out.withRole(col.name(), test.role(col.name()));
        }
        return out;
    }

    private static double number(MftCase c, int row, String column, String given) {
        try {
            return Double.parseDouble(given);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(c.origin() + ": mft '" + c.name() + "' row " + (row + 1) + ": '" + column
                    + "' is numeric, got '" + given + "'", e);
        }
    }
}
