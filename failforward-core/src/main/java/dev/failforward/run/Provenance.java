package dev.failforward.run;

import dev.failforward.api.PublicApi;

import java.time.Instant;
import java.util.Map;

/**
 * What it takes to reproduce a run and to tell two runs apart: versions, seed, fingerprints of
 * model and data, and the options as given (secrets redacted).
 */
@PublicApi
public record Provenance(String failforwardVersion, String javaVersion, String os, long seed,
                         String dataFingerprint, String modelFingerprint, Map<String, String> options, Instant time) {

    public Provenance {
        options = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(options));
    }

    /** Provenance of this process now, for the given seed, fingerprints and options. */
    public static Provenance current(long seed, String dataFingerprint, String modelFingerprint, Map<String, String> options) {
        return new Provenance(Versions.failforward(), System.getProperty("java.version"),
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"),
                seed, dataFingerprint, modelFingerprint, Secrets.redact(options), Instant.now());
    }
}
