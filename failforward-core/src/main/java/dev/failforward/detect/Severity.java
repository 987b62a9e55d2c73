package dev.failforward.detect;

import dev.failforward.api.PublicApi;

import java.util.Locale;

/** How serious a finding is, in increasing order. */
@PublicApi
public enum Severity {
    INFO, WARNING, CRITICAL;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@code info}, {@code warning} or {@code critical}, failing with the valid names. */
    public static Severity parse(String id) {
        for (Severity s : values()) {
            if (s.id().equalsIgnoreCase(id.trim())) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown severity '" + id + "'; expected one of info, warning, critical");
    }

    public boolean atLeast(Severity other) {
        return compareTo(other) >= 0;
    }
}
