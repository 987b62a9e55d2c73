package dev.failforward.data;

import dev.failforward.api.PublicApi;

/** A column's name, type and role, as the schema lists it. */
@PublicApi
public record Field(String name, ColumnType type, ColumnRole role) {
}
