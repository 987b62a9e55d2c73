package dev.failforward.data;

import dev.failforward.api.PublicApi;

import java.util.Arrays;

/** Free text, one string per row; {@code null} marks a missing value. */
@PublicApi
public record TextColumn(String name, String[] values) implements Column {

    @Override
    public ColumnType type() {
        return ColumnType.TEXT;
    }

    @Override
    public int size() {
        return values.length;
    }

    @Override
    public boolean isMissing(int row) {
        return values[row] == null;
    }

    @Override
    public String text(int row) {
        return values[row];
    }

    @Override
    public Object value(int row) {
        return values[row];
    }

    @Override
    public Column select(int[] rows) {
        String[] out = new String[rows.length];
        for (int i = 0; i < rows.length; i++) {
            out[i] = values[rows[i]];
        }
        return new TextColumn(name, out);
    }

    @Override
    public Column rename(String newName) {
        return new TextColumn(newName, values);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TextColumn c && c.name.equals(name) && Arrays.equals(c.values, values);
    }

    @Override
    public int hashCode() {
        return name.hashCode() * 31 + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return "TextColumn[" + name + ", " + values.length + " rows]";
    }
}
