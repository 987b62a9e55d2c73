package dev.failforward.failure;

import dev.failforward.api.PublicApi;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Where people stand on a failure. Every failure is {@code open} until someone triages it. */
@PublicApi
public enum TriageStatus {
    OPEN, TRIAGED, WONT_FIX, FIXED;

    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static TriageStatus parse(String id) {
        return Arrays.stream(values()).filter(s -> s.id().equals(id)).findFirst().orElseThrow(() ->
                new IllegalArgumentException("unknown triage status '" + id + "'; expected one of "
                        + Arrays.stream(values()).map(TriageStatus::id).collect(Collectors.joining(", "))));
    }
}
