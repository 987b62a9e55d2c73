package dev.failforward.data;

import dev.failforward.api.PublicApi;

import java.util.Arrays;
import java.util.List;

/**
 * Categories as dictionary codes into {@code levels}; code {@code -1} marks a missing value.
 * Boolean columns are categorical columns of type {@link ColumnType#BOOLEAN} with levels
 * {@code false, true}.
 */
@PublicApi
public record CategoricalColumn(String name, ColumnType type, List<String> levels, int[] codes) implements Column {

    public CategoricalColumn {
        if (type != ColumnType.CATEGORICAL && type != ColumnType.BOOLEAN) {
            throw new IllegalArgumentException("categorical column of type " + type);
        }
        levels = List.copyOf(levels);
    }

    @Override
    public int size() {
        return codes.length;
    }

    public int code(int row) {
        return codes[row];
    }

    @Override
    public boolean isMissing(int row) {
        return codes[row] < 0;
    }

    @Override
    public String text(int row) {
        return isMissing(row) ? null : levels.get(codes[row]);
    }

    @Override
    public Object value(int row) {
        if (isMissing(row)) {
            return null;
        }
        String level = levels.get(codes[row]);
        return type == ColumnType.BOOLEAN ? Boolean.valueOf(level) : level;
    }

    @Override
    public Column select(int[] rows) {
        int[] out = new int[rows.length];
        for (int i = 0; i < rows.length; i++) {
            out[i] = codes[rows[i]];
        }
        return new CategoricalColumn(name, type, levels, out);
    }

    @Override
    public Column rename(String newName) {
        return new CategoricalColumn(newName, type, levels, codes);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CategoricalColumn c && c.name.equals(name) && c.type == type
                && c.levels.equals(levels) && Arrays.equals(c.codes, codes);
    }

    @Override
    public int hashCode() {
        return name.hashCode() * 31 + Arrays.hashCode(codes);
    }

    @Override
    public String toString() {
        return "CategoricalColumn[" + name + ", " + levels.size() + " levels, " + codes.length + " rows]";
    }
}
