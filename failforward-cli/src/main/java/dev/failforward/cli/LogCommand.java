package dev.failforward.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code failforward log}: read what the failure log holds. */
@Command(name = "log", mixinStandardHelpOptions = true,
        description = {"The failure log: runs and their failures, production capture, triage, comparison and retention.", ""},
        subcommands = {LogRunsCommand.class, LogListCommand.class, LogShowCommand.class, LogStatsCommand.class,
                LogTriageCommand.class, LogDiffCommand.class, LogPurgeCommand.class, LogExportCommand.class, LogIngestCommand.class},
        footer = {"", "Examples:",
                "  failforward log runs",
                "  failforward log list --run latest --format jsonl > failures.jsonl",
                "  failforward log diff RUN_A RUN_B",
                "  failforward log ingest predictions.jsonl outcomes.jsonl"})
public final class LogCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
