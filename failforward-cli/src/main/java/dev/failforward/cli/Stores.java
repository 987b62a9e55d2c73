package dev.failforward.cli;

import dev.failforward.FailForward;
import dev.failforward.failure.Redaction;
import dev.failforward.log.FailureLog;
import dev.failforward.store.JdbcFailureLog;
import dev.failforward.store.StoreLocation;

import java.nio.file.Path;

/** Opens the failure log and says where a run's model is kept beside it. */
final class Stores {

    static final String DEFAULT = FailForward.DEFAULT_STORE;

    private Stores() {
    }

    static FailureLog open(String location) {
        return JdbcFailureLog.open(location);
    }

    /** The log, redacting everything written through it. */
    static FailureLog open(String location, Redaction redaction) {
        return JdbcFailureLog.open(location, redaction);
    }

    /** Where runs' models are kept beside the store ({@link FailForward#modelFolder(String)}). */
    static Path modelFolder(String location) {
        return FailForward.modelFolder(location);
    }
}
