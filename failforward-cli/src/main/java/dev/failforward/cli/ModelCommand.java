package dev.failforward.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code failforward model}: look at models trained elsewhere before scanning them. */
@Command(name = "model", mixinStandardHelpOptions = true,
        description = {"Look at a model trained elsewhere: what FailForward reads from it and what it will feed it.", ""},
        subcommands = {ModelInspectCommand.class},
        footer = {"", "Example:",
                "  failforward model inspect --model xgboost:model.json"})
public final class ModelCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
