package dev.failforward.spark;

import dev.failforward.data.ColumnParser;
import dev.failforward.data.ColumnType;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.BooleanType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.StructField;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.TreeMap;

/**
 * Infers FailForward column types from a whole Spark dataset in one pass, by the rules of
 * {@link ColumnParser#infer}: per partition each string column is summarised (values present, their
 * length, whether all are numbers or true/false, the distinct values up to a cap), the summaries are
 * merged, and the type follows from the merged summary. Numeric and boolean Spark types keep their type.
 */
final class ColumnInference {

    /** Mirrors {@code ColumnParser}: at most this many distinct values is categorical whatever the row count. */
    static final int SMALL_CARDINALITY = 50;
    /** Mirrors {@code ColumnParser}: longer average strings with many distinct values are free text. */
    static final double TEXT_MEAN_LENGTH = 30;
    /** More distinct values than this are not gathered (the column is counted exactly instead). */
    static final int DISTINCT_CAP = 100_000;

    private ColumnInference() {
    }

    /** The FailForward column of each Spark column, in order. */
    static List<ColumnSpec> infer(Dataset<Row> data) {
        StructField[] fields = data.schema().fields();
        int[] strings = java.util.stream.IntStream.range(0, fields.length).filter(i -> !isTyped(fields[i].dataType())).toArray();
        Summary[] merged = strings.length == 0 ? new Summary[0]
                : data.javaRDD().mapPartitions((Iterator<Row> rows) -> {
                    Summary[] s = new Summary[strings.length];
                    for (int j = 0; j < s.length; j++) {
                        s[j] = new Summary();
                    }
                    while (rows.hasNext()) {
                        Row r = rows.next();
                        for (int j = 0; j < strings.length; j++) {
                            s[j].add(r.isNullAt(strings[j]) ? null : r.get(strings[j]).toString());
                        }
                    }
                    return List.<Summary[]>of(s).iterator();
                }).reduce(ColumnInference::merge);
        List<ColumnSpec> out = new ArrayList<>();
        for (int i = 0, j = 0; i < fields.length; i++) {
            DataType t = fields[i].dataType();
            String name = fields[i].name();
            if (t instanceof NumericType) {
                out.add(new ColumnSpec(name, i, ColumnType.NUMERIC, List.of(), true));
            } else if (t instanceof BooleanType) {
                out.add(new ColumnSpec(name, i, ColumnType.BOOLEAN, List.of("false", "true"), true));
            } else {
                Summary s = merged[j++];
                long distinct = s.overflow ? data.select(data.col("`" + name + "`")).distinct().count() : s.distinct.size();
                ColumnType type = s.type(distinct);
                List<String> levels = switch (type) {
                    case CATEGORICAL -> s.overflow ? allLevels(data, name) : new ArrayList<>(s.distinct.keySet());
                    case BOOLEAN -> List.of("false", "true");
                    default -> List.of();
                };
                out.add(new ColumnSpec(name, i, type, levels, false));
            }
        }
        return out;
    }

    /** The sorted distinct present values of a categorical column with too many to gather while inferring. */
    private static List<String> allLevels(Dataset<Row> data, String name) {
        java.util.TreeSet<String> levels = new java.util.TreeSet<>();
        data.select(data.col("`" + name + "`")).distinct().toLocalIterator().forEachRemaining(r -> {
            String raw = r.isNullAt(0) ? null : r.get(0).toString();
            if (!ColumnParser.isMissing(raw)) {
                levels.add(raw.trim());
            }
        });
        return new ArrayList<>(levels);
    }

    private static boolean isTyped(DataType t) {
        return t instanceof NumericType || t instanceof BooleanType;
    }

    private static Summary[] merge(Summary[] a, Summary[] b) {
        for (int j = 0; j < a.length; j++) {
            a[j].merge(b[j]);
        }
        return a;
    }

    /** What {@link ColumnParser#infer} looks at, for the rows seen so far; merges with another part's. */
    static final class Summary implements Serializable {
        long present;
        long length;
        boolean allNumeric = true;
        boolean allBoolean = true;
        boolean overflow;
        final TreeMap<String, Boolean> distinct = new TreeMap<>();

        void add(String raw) {
            if (ColumnParser.isMissing(raw)) {
                return;
            }
            String v = raw.trim();
            present++;
            length += v.length();
            if (allNumeric && !isNumber(v)) {
                allNumeric = false;
            }
            if (allBoolean && !v.equalsIgnoreCase("true") && !v.equalsIgnoreCase("false")) {
                allBoolean = false;
            }
            if (!overflow) {
                distinct.put(v, Boolean.TRUE);
                if (distinct.size() > DISTINCT_CAP) {
                    overflow = true;
                    distinct.clear();
                }
            }
        }

        void merge(Summary o) {
            present += o.present;
            length += o.length;
            allNumeric &= o.allNumeric;
            allBoolean &= o.allBoolean;
            overflow |= o.overflow;
            if (overflow) {
                distinct.clear();
            } else {
                distinct.putAll(o.distinct);
                if (distinct.size() > DISTINCT_CAP) {
                    overflow = true;
                    distinct.clear();
                }
            }
        }

        ColumnType type(long d) {
            if (present == 0) {
                return ColumnType.CATEGORICAL;
            }
            if (allNumeric) {
                return ColumnType.NUMERIC;
            }
            if (allBoolean) {
                return ColumnType.BOOLEAN;
            }
            boolean mostlyDistinct = d > SMALL_CARDINALITY && d > 0.5 * present;
            boolean longStrings = (double) length / present >= TEXT_MEAN_LENGTH;
            return mostlyDistinct || (longStrings && d > SMALL_CARDINALITY) ? ColumnType.TEXT : ColumnType.CATEGORICAL;
        }

        /** {@code ColumnParser.parseDouble}'s rule: a finite number whose text ends in a digit or a point. */
        private static boolean isNumber(String v) {
            char c = v.isEmpty() ? ' ' : v.charAt(v.length() - 1);
            if (!(Character.isDigit(c) || c == '.')) {
                return false;
            }
            try {
                return Double.isFinite(Double.parseDouble(v));
            } catch (NumberFormatException e) {
                return false;
            }
        }
    }
}
