package dev.failforward.data;

import dev.failforward.api.PublicApi;

import java.util.List;
import java.util.Optional;

/** The fields of a table, in column order. */
@PublicApi
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
