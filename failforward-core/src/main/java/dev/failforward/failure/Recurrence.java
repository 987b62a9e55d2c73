package dev.failforward.failure;

import dev.failforward.api.PublicApi;

import java.util.Arrays;
import java.util.Locale;

/** Whether a failure was seen before: computed from fingerprints against earlier runs. */
@PublicApi
public enum Recurrence {
    NEW, RECURRING;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Recurrence parse(String id) {
        return Arrays.stream(values()).filter(r -> r.id().equals(id)).findFirst().orElseThrow(() ->
                new IllegalArgumentException("unknown recurrence '" + id + "'; expected new or recurring"));
    }
}
