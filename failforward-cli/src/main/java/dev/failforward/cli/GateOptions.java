package dev.failforward.cli;

import dev.failforward.compare.PairedBootstrap;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** How candidates are judged against the current model: the gate policy and the bootstrap's resamples. */
public final class GateOptions {

    @Option(names = "--policy", paramLabel = "FILE",
            description = "Gate policy file (as for compare); default: the deployment gate (primary metric, slices).")
    Path policy;

    @Option(names = "--resamples", paramLabel = "N", defaultValue = "" + PairedBootstrap.DEFAULT_RESAMPLES,
            description = "Paired bootstrap resamples per candidate (default: ${DEFAULT-VALUE}).")
    int resamples;

    /** The resamples, refused below 1. */
    int resamples() {
        if (resamples < 1) {
            throw new UsageException("--resamples must be at least 1, got " + resamples);
        }
        return resamples;
    }
}
