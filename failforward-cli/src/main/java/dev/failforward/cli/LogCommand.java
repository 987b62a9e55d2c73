package dev.failforward.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code failforward log}: read what the failure log holds. */
@Command(name = "log", mixinStandardHelpOptions = true,
        description = {"Read the failure log: runs and their failures.", ""},
        subcommands = {LogRunsCommand.class, LogListCommand.class, LogShowCommand.class},
        footer = {"", "Examples:",
                "  failforward log runs",
                "  failforward log list --run latest --format jsonl > failures.jsonl"})
public final class LogCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
