package dev.failforward.store;

import dev.failforward.failure.Redaction;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Collection;

/**
 * The key a log's {@link Redaction} hashes with: {@value #VARIABLE} when set, else a file of 32
 * random bytes made on first use and readable by its owner only, kept beside a SQLite log
 * ({@code <store>.key}) and outside the database (for PostgreSQL, {@code failforward-redact.key} in
 * the working folder), so that a copy of the log alone does not carry it.
 */
public final class RedactionKeys {

    public static final String VARIABLE = "FAILFORWARD_REDACT_KEY";

    private RedactionKeys() {
    }

    /** The redaction of these columns with the key of the log at {@code location}; none for no columns. */
    public static Redaction forStore(String location, Collection<String> columns) {
        if (columns.isEmpty()) {
            return Redaction.NONE;
        }
        String variable = System.getenv(VARIABLE);
        if (variable != null && !variable.isBlank()) {
            return Redaction.of(variable.getBytes(StandardCharsets.UTF_8), columns);
        }
        return Redaction.of(keyFile(keyPath(location)), columns);
    }

    /** Where the key file of the log at {@code location} is. */
    public static Path keyPath(String location) {
        StoreLocation where = StoreLocation.parse(location);
        if (where.file() == null) {
            return Path.of("failforward-redact.key");
        }
        return Path.of(where.file() + ".key");
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
}
