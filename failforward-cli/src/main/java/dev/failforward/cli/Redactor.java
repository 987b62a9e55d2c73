package dev.failforward.cli;

import dev.failforward.failure.Failure;
import dev.failforward.failure.Fingerprints;
import dev.failforward.failure.Perturbation;
import dev.failforward.failure.ProductionEvent;
import dev.failforward.failure.RunValues;
import dev.failforward.failure.ValueCount;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Replaces the values of chosen columns by a keyed hash, {@code hmac:} and 32 hex digits of
 * HMAC-SHA256, before anything reaches the log. Equal values give equal hashes under one key, so
 * filters, statistics and fingerprints still group them; without the key a value cannot be
 * guessed by hashing candidates. The key is {@code FAILFORWARD_REDACT_KEY} when set, else a file
 * of 32 random bytes made on first use and readable by its owner only, kept beside a SQLite log
 * ({@code <store>.key}) and outside the database (for PostgreSQL, {@code failforward-redact.key} in
 * the working folder), so that a copy of the log alone does not carry it.
 */
final class Redactor {

    static final String VARIABLE = "FAILFORWARD_REDACT_KEY";
    private final Set<String> columns;
    private final byte[] key;

    Redactor(byte[] key, List<String> columns) {
        this.key = key.clone();
        this.columns = Set.copyOf(columns);
    }

    static Redactor forStore(String store, List<String> columns) {
        String variable = System.getenv(VARIABLE);
        if (variable != null && !variable.isBlank()) {
            return new Redactor(variable.getBytes(StandardCharsets.UTF_8), columns);
        }
        return new Redactor(keyFile(keyPath(store)), columns);
    }

    static Path keyPath(String store) {
        if (store.startsWith("jdbc:") && !store.startsWith("jdbc:sqlite:")) {
            return Path.of("failforward-redact.key");
        }
        String file = store.startsWith("jdbc:sqlite:") ? store.substring("jdbc:sqlite:".length()) : store;
        int query = file.indexOf('?');
        return Path.of((query < 0 ? file : file.substring(0, query)) + ".key");
    }

    private static byte[] keyFile(Path path) {
        try {
            if (!Files.exists(path)) {
                byte[] fresh = new byte[32];
                new SecureRandom().nextBytes(fresh);
                Path parent = path.toAbsolutePath().getParent();
                Files.createDirectories(parent);
                Path tmp = Files.createTempFile(parent, ".redact", ".key");
                try {
                    Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException notPosix) {
                    // Windows: the folder's permissions apply.
                }
                Files.write(tmp, fresh);
                try {
                    Files.move(tmp, path);
                } catch (FileAlreadyExistsException raced) {
                    Files.deleteIfExists(tmp);
                }
            }
            byte[] key = Files.readAllBytes(path);
            if (key.length < 16) {
                throw new IllegalArgumentException(path + ": a redaction key needs at least 16 bytes");
            }
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the redaction key " + path + ": " + e.getMessage(), e);
        }
    }

    Set<String> columns() {
        return columns;
    }

    String hash(Object value) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] digest = mac.doFinal(String.valueOf(value).getBytes(StandardCharsets.UTF_8));
            return "hmac:" + HexFormat.of().formatHex(digest).substring(0, 32);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    Map<String, Object> apply(Map<String, Object> input) {
        if (input == null) {
            return null;
        }
        Map<String, Object> out = new LinkedHashMap<>(input);
        for (String c : columns) {
            if (out.containsKey(c) && out.get(c) != null) {
                out.put(c, hash(out.get(c)));
            }
        }
        return out;
    }

    ProductionEvent apply(ProductionEvent e) {
        return new ProductionEvent(e.id(), e.timestamp(), e.model(), apply(e.features()), e.prediction(),
                e.probabilities(), e.outcome());
    }

    /**
     * Counts per value with the redacted columns' categories replaced by their hashes (as in the
     * failures' inputs, so that rates still group them), and redacted numeric columns left out:
     * their bin edges are clear values.
     */
    RunValues apply(RunValues values) {
        Set<String> binned = new java.util.HashSet<>();
        for (ValueCount v : values.counts()) {
            if (v.isBin() && columns.contains(v.column())) {
                binned.add(v.column());
            }
        }
        return new RunValues(values.without(binned::contains).counts().stream()
                .map(v -> columns.contains(v.column()) && v.value() != null
                        ? new ValueCount(v.column(), hash(v.value()), null, null, v.rows(), v.failures()) : v)
                .toList());
    }

    /**
     * The failure with redacted input and its fingerprint recomputed over that input, so that the
     * stored fingerprint does not hash the clear values either (it stays stable under one key).
     */
    Failure apply(Failure f) {
        Map<String, Object> input = apply(f.input());
        Perturbation p = f.perturbation() == null ? null
                : new Perturbation(f.perturbation().params(), apply(f.perturbation().perturbedInput()));
        return new Failure(f.id(), f.runId(), f.rowKey(), f.origin(), input, f.expected(), f.predicted(),
                f.probabilities(), f.prediction(), f.confidence(), f.loss(), f.causeTags(),
                Fingerprints.failure(f.rowKey(), input, f.origin(), p == null ? Map.of() : p.params()), p);
    }
}
