package dev.failforward.data;

import dev.failforward.api.PublicApi;

import java.util.Locale;

/** What kind of values a column holds; decides how models encode and probes perturb it. */
@PublicApi
public enum ColumnType {
    NUMERIC, CATEGORICAL, BOOLEAN, TEXT;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a user-given type name, failing with the list of valid names. */
    public static ColumnType parse(String name) {
        for (ColumnType t : values()) {
            if (t.id().equalsIgnoreCase(name.trim())) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown column type '" + name + "'; expected one of numeric, categorical, boolean, text");
    }
}
