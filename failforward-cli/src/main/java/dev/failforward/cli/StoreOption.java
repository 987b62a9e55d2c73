package dev.failforward.cli;

import picocli.CommandLine.Option;

/** The {@code --store} option of read-only verbs. */
public final class StoreOption {

    @Option(names = "--store", paramLabel = "PATH|URL", defaultValue = Stores.DEFAULT,
            description = "Failure log: a SQLite file or a jdbc:postgresql:// URL (default: ${DEFAULT-VALUE}).")
    String store;

    /** Read-only verbs do not create a log where there is none. */
    dev.failforward.log.FailureLog open() {
        java.nio.file.Path file = dev.failforward.store.StoreLocation.parse(store).file();
        if (file != null && !java.nio.file.Files.exists(file)) {
            throw new UsageException("no failure log at " + store + "; run 'failforward demo' or 'failforward scan' first, or pass --store");
        }
        return Stores.open(store);
    }
}
