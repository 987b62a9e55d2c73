package dev.failforward.spark;

import dev.failforward.data.ColumnType;

import java.io.Serializable;
import java.util.List;

/**
 * How one column of a Spark dataset becomes a FailForward column: its type as FailForward's readers
 * would infer it from the whole column, and for a categorical column its levels (sorted, as every
 * reader keeps them), so that every partition codes a category the same way.
 *
 * @param index  the column's position in the Spark rows
 * @param typed  whether Spark holds numbers (Parquet) rather than strings (CSV)
 */
public record ColumnSpec(String name, int index, ColumnType type, List<String> levels, boolean typed) implements Serializable {

    public ColumnSpec {
        levels = List.copyOf(levels);
    }
}
