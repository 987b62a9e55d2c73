package dev.failforward.data;

import dev.failforward.api.PublicApi;

/**
 * One immutable column of a {@link Table}. Implementations keep primitive arrays
 * (numbers), dictionary codes (categories) or strings (text).
 */
@PublicApi
public sealed interface Column permits NumericColumn, CategoricalColumn, TextColumn {

    String name();

    ColumnType type();

    int size();

    boolean isMissing(int row);

    /** The value as a user would write it, or {@code null} when missing. */
    String text(int row);

    /** The value as a JSON-friendly object: Double, Boolean or String, or {@code null}. */
    Object value(int row);

    /** A column with the given rows, in the given order. */
    Column select(int[] rows);

    Column rename(String newName);
}
