package dev.failforward.run;

import dev.failforward.api.PublicApi;

import java.util.Locale;

/** A run is incomplete from its start until all its results are stored in one transaction. */
@PublicApi
public enum RunStatus {
    INCOMPLETE, COMPLETE;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static RunStatus parse(String id) {
        return valueOf(id.toUpperCase(Locale.ROOT));
    }
}
