package dev.failforward.cli;

import dev.failforward.FailForward;
import dev.failforward.failure.FailureLog;
import dev.failforward.store.JdbcFailureLog;

import java.nio.file.Path;

/** Opens the failure log and says where a run's model is kept beside it. */
final class Stores {

    static final String DEFAULT = FailForward.DEFAULT_STORE;

    private Stores() {
    }

    static FailureLog open(String location) {
        return JdbcFailureLog.open(location);
    }

    /** Where runs' models are kept beside the store ({@link FailForward#modelFolder(String)}). */
    static Path modelFolder(String location) {
        return FailForward.modelFolder(location);
    }
}
