package dev.failforward.cli;

import dev.failforward.failure.Redaction;
import dev.failforward.log.FailureLog;
import dev.failforward.store.JdbcFailureLog;
import dev.failforward.store.StoreLocation;

import java.nio.file.Path;

/** Opens the failure log and says where a run's model is kept beside it. */
final class Stores {

    static final String DEFAULT = "failforward.db";

    private Stores() {
    }

    static FailureLog open(String location) {
        return JdbcFailureLog.open(location);
    }

    /** The log, redacting everything written through it. */
    static FailureLog open(String location, Redaction redaction) {
        return JdbcFailureLog.open(location, redaction);
    }

    /** Models are saved in {@code failforward-saved-models/} next to a SQLite file, or in the working folder for a server. */
    static Path modelFolder(String location) {
        Path file = StoreLocation.parse(location).file();
        if (file == null) {
            return Path.of("failforward-saved-models");
        }
        return file.toAbsolutePath().getParent().resolve("failforward-saved-models");
    }
}
