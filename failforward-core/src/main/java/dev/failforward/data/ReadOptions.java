package dev.failforward.data;

import java.util.Map;

/** How to read a table: column types that override inference. */
public record ReadOptions(Map<String, ColumnType> types) {

    public static final ReadOptions DEFAULT = new ReadOptions(Map.of());

    public ReadOptions {
        types = Map.copyOf(types);
    }
}
