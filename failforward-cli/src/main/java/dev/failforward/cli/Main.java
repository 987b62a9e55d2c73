package dev.failforward.cli;

import dev.failforward.data.DataException;
import dev.failforward.model.ModelUnavailableException;
import dev.failforward.model.NativeErrors;
import dev.failforward.rag.RetrieverFailedException;
import dev.failforward.run.Secrets;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.util.Arrays;

/** Entry point: runs the command line and turns errors into one clear line and an exit code. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command with these arguments and returns its exit code. */
    public static int run(String... args) {
        boolean debug = Arrays.asList(args).contains("--debug");
        CommandLine cli = new CommandLine(new FailForwardCommand());
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> report(commandLine.getErr(), e, debug));
        cli.setParameterExceptionHandler((e, args1) -> {
            PrintWriter err = e.getCommandLine().getErr();
            err.println("failforward: " + Secrets.redact(e.getMessage()));
            err.println("Try '" + e.getCommandLine().getCommandSpec().qualifiedName() + " --help' for usage and examples.");
            return ExitCodes.BAD_INPUT;
        });
        return cli.execute(args);
    }

    static int report(PrintWriter err, Exception e, boolean debug) {
        if (debug) {
            e.printStackTrace(err);
        }
        if (e instanceof DataException || e instanceof IllegalArgumentException || e instanceof UsageException) {
            err.println("failforward: error: " + Text.safe(Secrets.redact(e.getMessage())));
            err.flush();
            return ExitCodes.BAD_INPUT;
        }
        if (e instanceof ModelUnavailableException || e instanceof RetrieverFailedException) {
            // The model or retriever under test failed for good (an endpoint down, or answering garbage), not FailForward.
            err.println("failforward: error: " + (e instanceof ModelUnavailableException ? "the model failed: " : "")
                    + Text.safe(Secrets.redact(e.getMessage())));
            err.flush();
            return ExitCodes.PART_FAILED;
        }
        java.util.Optional<String> refused = Refusals.message(e);
        if (refused.isPresent()) {
            err.println("failforward: error: " + Text.safe(Secrets.redact(refused.get())));
            err.flush();
            return ExitCodes.ENVIRONMENT;
        }
        err.println("failforward: internal error: " + Secrets.redact(NativeErrors.reason(String.valueOf(e)))
                + (debug ? "" : " (run with --debug for the stack trace)"));
        err.flush();
        return ExitCodes.INTERNAL_ERROR;
    }
}
