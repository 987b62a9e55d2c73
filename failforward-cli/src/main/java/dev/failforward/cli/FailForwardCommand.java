package dev.failforward.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** The top-level {@code failforward} command. */
@Command(name = "failforward", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Make machine-learning models fail on purpose, log every failure, and turn it into a fix.", ""},
        subcommands = {DemoCommand.class, ScanCommand.class, LogCommand.class, ReportCommand.class, ExplainCommand.class,
                CompareCommand.class, ModelCommand.class, ProbeCommand.class, RagCommand.class, RetrainCommand.class,
                LoopCommand.class},
        footer = {"", "Examples:",
                "  failforward demo",
                "  failforward scan --data train.csv --target churn",
                "  failforward log list --run latest --format jsonl",
                "", "Exit codes: 0 ok, 1 --fail-on or a gate failed, 2 bad input or usage,",
                "3 completed but a part failed, 4 internal error."})
public final class FailForwardCommand implements Runnable {

    @Option(names = "--debug", scope = ScopeType.INHERIT, description = "Print stack traces of errors.")
    boolean debug;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
