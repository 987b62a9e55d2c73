package dev.failforward.model.external;

import dev.failforward.data.CategoricalColumn;
import dev.failforward.data.Column;
import dev.failforward.data.ColumnRole;
import dev.failforward.data.ColumnType;
import dev.failforward.data.DataException;
import dev.failforward.data.NumericColumn;
import dev.failforward.data.Table;
import dev.failforward.model.ModelConfig;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Which data column feeds each numeric input of an external model, and how its values become numbers.
 * Columns are found, in this order: the configuration's {@code features} list; the model's own input
 * names (renamed by the configuration's {@code columns}); or, when the model names none, the data's
 * feature columns in file order. Numbers are fed as they are (missing = NaN); a categorical column is
 * fed as the index of its level in the configuration's {@code categories}, as its numbers when every
 * level is a number, or as 0/1 when it is boolean.
 */
public final class TabularFeed {

    private static final Set<String> TRUE = Set.of("true", "yes", "y", "t", "1");

    private final List<String> inputs;
    private final List<String> columns;
    private final List<Map<String, Double>> codes;

    private TabularFeed(List<String> inputs, List<String> columns, List<Map<String, Double>> codes) {
        this.inputs = List.copyOf(inputs);
        this.columns = List.copyOf(columns);
        this.codes = codes;
    }

    /**
     * The columns that will feed the model's {@code count} inputs, when that is known without data:
     * entry {@code i} is a column name, or {@code null} when input {@code i} is fed by position.
     */
    public static List<String> planned(List<String> inputNames, int count, ModelConfig config) {
        checkConfig(inputNames, count, config);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            if (!config.features().isEmpty()) {
                out.add(config.features().get(i));
            } else if (!inputNames.isEmpty()) {
                out.add(config.columns().getOrDefault(inputNames.get(i), inputNames.get(i)));
            } else {
                out.add(null);
            }
        }
        return out;
    }

    /** Ties the model's inputs to {@code data}'s columns; fails naming the input and column when one cannot feed it. */
    public static TabularFeed bind(List<String> inputNames, int count, ModelConfig config, Table data) {
        List<String> planned = planned(inputNames, count, config);
        List<String> columns = new ArrayList<>(planned);
        if (planned.contains(null)) {
            List<String> features = data.features().stream().map(Column::name).toList();
            if (features.size() != count) {
                throw new IllegalArgumentException("the model names no inputs and has " + count + " of them, but "
                        + data.source() + " has " + features.size() + " feature columns " + features
                        + "; list the columns in the model's input order in --model-config (key 'features')");
            }
            columns = new ArrayList<>(features);
        }
        List<Map<String, Double>> codes = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String name = columns.get(i);
            String input = inputNames.isEmpty() ? "#" + i : inputNames.get(i);
            Column column = data.find(name).orElseThrow(() -> new IllegalArgumentException("model input '" + input
                    + "' reads column '" + name + "', which " + data.source() + " does not have; map it with --model-config (key 'columns' or 'features')"));
            ColumnRole role = data.role(name);
            if (role == ColumnRole.TARGET) {
                throw new IllegalArgumentException("model input '" + input + "' reads the target column '" + name + "'");
            }
            codes.add(codes(column, config.categories().get(name), input));
        }
        for (String name : config.categories().keySet()) {
            if (!columns.contains(name)) {
                throw new IllegalArgumentException("--model-config categories names column '" + name
                        + "', which feeds no model input; inputs are fed from " + columns);
            }
        }
        List<String> names = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            names.add(inputNames.isEmpty() ? columns.get(i) : inputNames.get(i));
        }
        return new TabularFeed(names, columns, codes);
    }

    private static void checkConfig(List<String> inputNames, int count, ModelConfig config) {
        if (!config.features().isEmpty() && config.features().size() != count) {
            throw new IllegalArgumentException("--model-config lists " + config.features().size()
                    + " features, but the model has " + count + " inputs");
        }
        if (!config.features().isEmpty() && !config.columns().isEmpty()) {
            throw new IllegalArgumentException("--model-config: give either 'features' or 'columns', not both");
        }
        Set<String> known = new HashSet<>(inputNames);
        for (String input : config.columns().keySet()) {
            if (!known.contains(input)) {
                throw new IllegalArgumentException("--model-config columns names model input '" + input
                        + "', which the model does not have; its inputs are " + (inputNames.isEmpty() ? "unnamed" : inputNames));
            }
        }
    }

    /** Level → number for a categorical column, or {@code null} for a numeric one. */
    private static Map<String, Double> codes(Column column, List<String> levels, String input) {
        if (column instanceof NumericColumn) {
            if (levels != null) {
                throw new IllegalArgumentException("--model-config categories names column '" + column.name()
                        + "', which is numeric");
            }
            return null;
        }
        if (!(column instanceof CategoricalColumn c)) {
            throw new IllegalArgumentException("model input '" + input + "' reads column '" + column.name() + "', which is "
                    + column.type().id() + "; only numeric and categorical columns can feed it");
        }
        Map<String, Double> out = new HashMap<>();
        if (levels != null) {
            for (int i = 0; i < levels.size(); i++) {
                out.put(levels.get(i), (double) i);
            }
            for (String level : c.levels()) {
                if (!out.containsKey(level)) {
                    throw new IllegalArgumentException("column '" + column.name() + "' has the level '" + level
                            + "', which --model-config categories does not list; listed: " + levels);
                }
            }
            return out;
        }
        boolean numbers = true;
        for (String level : c.levels()) {
            try {
                out.put(level, Double.parseDouble(level));
            } catch (NumberFormatException e) {
                numbers = false;
                break;
            }
        }
        if (numbers) {
            return out;
        }
        if (c.type() == ColumnType.BOOLEAN) {
            out.clear();
            for (String level : c.levels()) {
                out.put(level, TRUE.contains(level.toLowerCase(Locale.ROOT)) ? 1.0 : 0.0);
            }
            return out;
        }
        throw new IllegalArgumentException("model input '" + input + "' reads the categorical column '" + column.name()
                + "'; say which number each level is with --model-config (key 'categories', levels in code order)");
    }

    /** The model's input names (the column names when the model names none). */
    public List<String> inputs() {
        return inputs;
    }

    /** For each model input, the data column that feeds it. */
    public List<String> columns() {
        return columns;
    }

    /** How input {@code i} is encoded, for people. */
    public String encoding(int i) {
        Map<String, Double> c = codes.get(i);
        if (c == null) {
            return "number (missing = NaN)";
        }
        List<String> parts = new ArrayList<>();
        c.entrySet().stream().sorted(Map.Entry.comparingByValue()).forEach(e -> parts.add(e.getKey() + "=" + NumericColumn.format(e.getValue())));
        return "category codes " + String.join(", ", parts) + " (missing = NaN)";
    }

    /** The rows as the model's inputs: row-major, {@code rows × inputs}, NaN where missing. */
    public double[] encode(Table rows) {
        int n = rows.rowCount();
        int k = columns.size();
        double[] out = new double[n * k];
        for (int j = 0; j < k; j++) {
            Column column = rows.column(columns.get(j));
            Map<String, Double> c = codes.get(j);
            for (int i = 0; i < n; i++) {
                double v;
                if (column.isMissing(i)) {
                    v = Double.NaN;
                } else if (c == null) {
                    v = ((NumericColumn) column).get(i);
                } else {
                    Double code = c.get(column.text(i));
                    if (code == null) {
                        throw new DataException(rows.source() + ": row " + i + ", column '" + column.name() + "': level '"
                                + column.text(i) + "' has no code for the model");
                    }
                    v = code;
                }
                out[i * k + j] = v;
            }
        }
        return out;
    }
}
