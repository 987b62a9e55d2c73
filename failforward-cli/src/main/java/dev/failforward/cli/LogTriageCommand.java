package dev.failforward.cli;

import dev.failforward.failure.Failure;
import dev.failforward.failure.TriageEvent;
import dev.failforward.failure.TriageStatus;
import dev.failforward.log.FailureLog;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.time.Instant;
import java.util.concurrent.Callable;

/** {@code failforward log triage}: record a decision on a failure, keeping every earlier one. */
@Command(name = "triage", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Set a failure's triage status, cause and note. Every change is kept with who and when;",
                "the decision applies to the failure's fingerprint, so it follows the same failure into later runs.", ""},
        footer = {"", "Examples:",
                "  failforward log triage 01JD3X5W2Q8R6T0Y7V9B4N1M3K-17 --status triaged --cause label_noise --note \"row looks mislabelled\"",
                "  failforward log triage 01JD3X5W2Q8R6T0Y7V9B4N1M3K-17 --status fixed --by ana"})
public final class LogTriageCommand implements Callable<Integer> {

    @Parameters(paramLabel = "FAILURE_ID", description = "A failure id, as 'log list' shows it.")
    String id;

    @Option(names = "--status", paramLabel = "STATUS", required = true, description = "open, triaged, wont-fix or fixed.")
    String status;

    @Option(names = "--cause", paramLabel = "TAG", description = "A cause tag, e.g. label_noise, weak_slice, out_of_distribution.")
    String cause;

    @Option(names = "--note", paramLabel = "TEXT", description = "Free text for the people who come next.")
    String note;

    @Option(names = "--by", paramLabel = "NAME", description = "Who decides (default: $USER).")
    String by;

    @Mixin
    StoreOption store;

    @Override
    public Integer call() {
        TriageStatus parsed = TriageStatus.parse(status);
        if (cause != null && !cause.matches("[A-Za-z0-9_.:-]{1,64}")) {
            throw new UsageException("--cause must be a tag of letters, digits, '_', '.', ':' or '-' (at most 64), got '" + cause + "'");
        }
        String who = by != null ? by : System.getenv().getOrDefault("USER", System.getProperty("user.name", "unknown"));
        if (who == null || who.isBlank()) {
            throw new UsageException("--by must name who decides");
        }
        try (FailureLog log = store.open()) {
            Failure f = log.failure(id).orElseThrow(() -> new UsageException("no failure '" + id + "' in "
                    + log.location() + "; see 'failforward log list'")).failure();
            log.triage(new TriageEvent(f.id(), f.fingerprint(), parsed, cause, note, who, Instant.now()));
            System.out.println("Failure " + f.id() + " is now " + parsed.id() + (cause == null ? "" : " (cause " + cause + ")")
                    + ", by " + who + "; history: failforward log show " + f.id());
        }
        return ExitCodes.OK;
    }
}
