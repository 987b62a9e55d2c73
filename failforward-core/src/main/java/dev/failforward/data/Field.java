package dev.failforward.data;

/** A column's name, type and role, as the schema lists it. */
public record Field(String name, ColumnType type, ColumnRole role) {
}
