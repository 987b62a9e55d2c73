package dev.failforward.store;

import dev.failforward.failure.Failure;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A failure's input read back from its wide row ({@link InputRows}) instead of a JSON copy in the
 * {@code failures} row (schema version 37). The wide row holds numbers as doubles and booleans as
 * text, and a NaN or a missing value as NULL, so {@code failures.input_types} keeps one letter per
 * column saying what the value was: {@code d} a Double, {@code x} NaN, {@code 0} missing,
 * {@code s} a string, {@code b} a boolean — the types FailForward's data hold. A row holding
 * anything else (an integer or a list from a production event, say, or -0.0) keeps its JSON and
 * no types, so every value reads back as it was written.
 */
final class InputTypes {

    /** Failure numbers per {@code IN} list when reading wide rows back. */
    private static final int CHUNK = 500;

    private InputTypes() {
    }

    /** The letters for this input, or null when a value cannot be read back exactly from the wide row. */
    static String of(Map<String, Object> input) {
        char[] out = new char[input.size()];
        int i = 0;
        for (Object v : input.values()) {
            char type;
            if (v == null) {
                type = '0';
            } else if (v instanceof String) {
                type = 's';
            } else if (v instanceof Boolean) {
                type = 'b';
            } else if (v instanceof Double d) {
                if (d == 0 && 1 / d < 0) {
                    return null; // SQLite writes a whole REAL as an integer, so -0.0 would read back as 0.0
                }
                type = d.isNaN() ? 'x' : 'd';
            } else {
                return null;
            }
            out[i++] = type;
        }
        return new String(out);
    }

    /**
     * The failures with their inputs: {@code types[i]} null means {@code failures.get(i)} already
     * has its input (from JSON); otherwise it is read from the wide row of failure number
     * {@code nums[i]}.
     */
    static List<Failure> restore(Connection c, List<Failure> failures, long[] nums, String[] types) throws SQLException {
        Map<Long, String> typesByNumber = new HashMap<>();
        for (int i = 0; i < nums.length; i++) {
            if (types[i] != null) {
                typesByNumber.put(nums[i], types[i]);
            }
        }
        if (typesByNumber.isEmpty()) {
            return failures;
        }
        List<Long> wanted = new ArrayList<>(typesByNumber.keySet());
        Map<Long, Map<String, Object>> inputs = new HashMap<>();
        for (InputSet set : InputSet.all(c)) {
            read(c, set, wanted, typesByNumber, inputs);
        }
        List<Failure> out = new ArrayList<>(failures.size());
        for (int i = 0; i < nums.length; i++) {
            Failure f = failures.get(i);
            if (types[i] == null) {
                out.add(f);
                continue;
            }
            Map<String, Object> input = inputs.get(nums[i]);
            if (input == null) {
                throw new SQLException("the input values of failure " + f.id() + " are missing from the log");
            }
            out.add(new Failure(f.id(), f.runId(), f.rowKey(), f.origin(), input, f.expected(), f.predicted(),
                    f.probabilities(), f.prediction(), f.confidence(), f.loss(), f.causeTags(), f.fingerprint(),
                    f.perturbation()));
        }
        return out;
    }

    private static void read(Connection c, InputSet set, List<Long> wanted, Map<Long, String> types,
                             Map<Long, Map<String, Object>> out) throws SQLException {
        int width = set.columns().size();
        for (int from = 0; from < wanted.size(); from += CHUNK) {
            List<Long> chunk = wanted.subList(from, Math.min(wanted.size(), from + CHUNK));
            String sql = "SELECT failure" + (width == 0 ? "" : ", " + set.valueColumns()) + " FROM " + set.table()
                    + " WHERE failure IN (?" + ", ?".repeat(chunk.size() - 1) + ")";
            try (PreparedStatement s = c.prepareStatement(sql)) {
                for (int i = 0; i < chunk.size(); i++) {
                    s.setLong(i + 1, chunk.get(i));
                }
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        long num = r.getLong(1);
                        String letters = types.get(num);
                        if (letters.length() != width) {
                            throw new SQLException("failure number " + num + " has " + letters.length()
                                    + " input types for " + width + " columns");
                        }
                        Map<String, Object> input = new LinkedHashMap<>();
                        for (int k = 0; k < width; k++) {
                            input.put(set.columns().get(k), value(r, 2 + 2 * k, letters.charAt(k)));
                        }
                        out.put(num, input);
                    }
                }
            }
        }
    }

    private static Object value(ResultSet r, int column, char type) throws SQLException {
        return switch (type) {
            case 'd' -> r.getDouble(column);
            case 'x' -> Double.NaN;
            case '0' -> null;
            case 's' -> r.getString(column + 1);
            case 'b' -> Boolean.valueOf(r.getString(column + 1));
            default -> throw new SQLException("unknown input type '" + type + "'");
        };
    }
}
