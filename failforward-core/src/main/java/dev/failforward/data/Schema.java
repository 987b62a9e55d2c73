package dev.failforward.data;

import java.util.List;
import java.util.Optional;

/** The fields of a table, in column order. */
public record Schema(List<Field> fields) {

    public Schema {
        fields = List.copyOf(fields);
    }

    public Optional<Field> field(String name) {
        return fields.stream().filter(f -> f.name().equals(name)).findFirst();
    }

    public List<Field> withRole(ColumnRole role) {
        return fields.stream().filter(f -> f.role() == role).toList();
    }
}
