package dev.failforward.data;

import dev.failforward.api.PublicApi;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * An immutable, columnar table: columns of equal length, each with a role. Operations return
 * new tables and share the column arrays, which are never written after construction.
 */
@PublicApi
public final class Table {

    private final String source;
    private final List<Column> columns;
    private final Map<String, ColumnRole> roles;
    private final int rows;

    private Table(String source, List<Column> columns, Map<String, ColumnRole> roles) {
        this.source = source;
        this.columns = List.copyOf(columns);
        this.roles = Map.copyOf(roles);
        this.rows = columns.isEmpty() ? 0 : columns.get(0).size();
        for (Column c : columns) {
            if (c.size() != rows) {
                throw new IllegalArgumentException("column '" + c.name() + "' has " + c.size() + " rows, expected " + rows);
            }
        }
    }

    /** A table whose columns are all features. {@code source} names where it came from, for messages. */
    public static Table of(String source, List<Column> columns) {
        Map<String, ColumnRole> roles = new LinkedHashMap<>();
        for (Column c : columns) {
            if (roles.put(c.name(), ColumnRole.FEATURE) != null) {
                throw new DataException(source + ": duplicate column name '" + c.name() + "'");
            }
        }
        return new Table(source, columns, roles);
    }

    public String source() {
        return source;
    }

    public int rowCount() {
        return rows;
    }

    public List<Column> columns() {
        return columns;
    }

    public List<String> columnNames() {
        return columns.stream().map(Column::name).toList();
    }

    public Optional<Column> find(String name) {
        return columns.stream().filter(c -> c.name().equals(name)).findFirst();
    }

    /** The named column, or a {@link DataException} that lists the columns there are. */
    public Column column(String name) {
        return find(name).orElseThrow(() -> new DataException(
                source + ": no column '" + name + "'; columns are " + String.join(", ", columnNames())));
    }

    public ColumnRole role(String name) {
        return roles.getOrDefault(name, ColumnRole.FEATURE);
    }

    public Schema schema() {
        return new Schema(columns.stream().map(c -> new Field(c.name(), c.type(), role(c.name()))).toList());
    }

    public Table withRole(String name, ColumnRole role) {
        column(name);
        Map<String, ColumnRole> next = new LinkedHashMap<>(roles);
        next.put(name, role);
        return new Table(source, columns, next);
    }

    /** The feature columns only, in table order. */
    public List<Column> features() {
        return columns.stream().filter(c -> role(c.name()) == ColumnRole.FEATURE).toList();
    }

    /** A table with the given rows, in the given order; roles are kept. */
    public Table select(int[] rowIndexes) {
        List<Column> out = new ArrayList<>(columns.size());
        for (Column c : columns) {
            out.add(c.select(rowIndexes));
        }
        return new Table(source, out, roles);
    }

    /** A table with only the named columns; roles are kept. */
    public Table project(Collection<String> names) {
        Set<String> keep = Set.copyOf(names);
        return new Table(source, columns.stream().filter(c -> keep.contains(c.name())).toList(), roles);
    }

    /** A table with one column replaced by another of the same name. */
    public Table replace(Column column) {
        column(column.name());
        List<Column> out = new ArrayList<>(columns);
        out.replaceAll(c -> c.name().equals(column.name()) ? column : c);
        return new Table(source, out, roles);
    }

    @Override
    public String toString() {
        return "Table[" + source + ", " + rows + " rows, " + columns.size() + " columns]";
    }
}
