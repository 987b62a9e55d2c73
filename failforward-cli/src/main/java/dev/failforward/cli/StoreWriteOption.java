package dev.failforward.cli;

import picocli.CommandLine.Option;

/** The {@code --store} option of verbs that write to the log, creating it where there is none. */
public final class StoreWriteOption {

    @Option(names = "--store", paramLabel = "PATH|URL", defaultValue = Stores.DEFAULT,
            description = "Failure log: a SQLite file or a jdbc:postgresql:// URL (default: ${DEFAULT-VALUE}).")
    String store;

    dev.failforward.log.FailureLog open() {
        return Stores.open(store);
    }

    /** The log, redacting what is written through it. */
    dev.failforward.log.FailureLog open(dev.failforward.failure.Redaction redaction) {
        return Stores.open(store, redaction);
    }
}
