package dev.failforward.cli;

import dev.failforward.data.CategoricalColumn;
import dev.failforward.data.Column;
import dev.failforward.data.ColumnType;
import dev.failforward.data.NumericColumn;
import dev.failforward.data.Table;
import dev.failforward.data.TextColumn;
import dev.failforward.failure.Failure;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Failures as a {@link Table}, one row each, so they can be written in a typed columnar format
 * for retraining: the fixed fields first ({@code confidence} and {@code loss} numeric, cause tags
 * joined by {@code ;}), then one column per input column over the union of the failures' inputs,
 * typed by its values (all numbers: numeric; all booleans: boolean; else text). A failure without
 * a column gets a missing value. An input column whose name clashes with a fixed field is named
 * {@code input.NAME}.
 */
final class FailureTable {

    static final List<String> FIXED = List.of("id", "run_id", "row_key", "origin", "expected", "predicted",
            "confidence", "loss", "cause_tags", "fingerprint");

    private FailureTable() {
    }

    static Table of(List<Failure> failures) {
        int n = failures.size();
        List<Column> columns = new ArrayList<>();
        columns.add(text("id", failures, Failure::id));
        columns.add(text("run_id", failures, Failure::runId));
        columns.add(text("row_key", failures, Failure::rowKey));
        columns.add(text("origin", failures, Failure::origin));
        columns.add(text("expected", failures, Failure::expected));
        columns.add(text("predicted", failures, Failure::predicted));
        columns.add(number("confidence", failures, Failure::confidence));
        columns.add(number("loss", failures, Failure::loss));
        columns.add(text("cause_tags", failures, f -> String.join(";", f.causeTags())));
        columns.add(text("fingerprint", failures, Failure::fingerprint));
        Set<String> names = new LinkedHashSet<>();
        failures.forEach(f -> names.addAll(f.input().keySet()));
        Set<String> taken = new LinkedHashSet<>(FIXED);
        for (String name : names) {
            String columnName = name;
            while (taken.contains(columnName)) {
                columnName = "input." + columnName;
            }
            taken.add(columnName);
            Object[] values = new Object[n];
            for (int i = 0; i < n; i++) {
                values[i] = failures.get(i).input().get(name);
            }
            columns.add(input(columnName, values));
        }
        return Table.of("failures", columns);
    }

    private static Column input(String name, Object[] values) {
        boolean allNumbers = true;
        boolean allBooleans = true;
        for (Object v : values) {
            if (v != null) {
                allNumbers &= v instanceof Number;
                allBooleans &= v instanceof Boolean;
            }
        }
        if (allNumbers) {
            double[] out = new double[values.length];
            for (int i = 0; i < values.length; i++) {
                out[i] = values[i] == null ? Double.NaN : ((Number) values[i]).doubleValue();
            }
            return new NumericColumn(name, out);
        }
        if (allBooleans) {
            int[] codes = new int[values.length];
            for (int i = 0; i < values.length; i++) {
                codes[i] = values[i] == null ? -1 : ((Boolean) values[i]) ? 1 : 0;
            }
            return new CategoricalColumn(name, ColumnType.BOOLEAN, List.of("false", "true"), codes);
        }
        String[] out = new String[values.length];
        for (int i = 0; i < values.length; i++) {
            Object v = values[i];
            out[i] = v == null ? null : v instanceof Number num ? NumericColumn.format(num.doubleValue()) : v.toString();
        }
        return new TextColumn(name, out);
    }

    private static Column text(String name, List<Failure> failures, Function<Failure, String> field) {
        String[] out = new String[failures.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = field.apply(failures.get(i));
        }
        return new TextColumn(name, out);
    }

    private static Column number(String name, List<Failure> failures, Function<Failure, Double> field) {
        double[] out = new double[failures.size()];
        for (int i = 0; i < out.length; i++) {
            Double v = field.apply(failures.get(i));
            out[i] = v == null ? Double.NaN : v;
        }
        return new NumericColumn(name, out);
    }
}
