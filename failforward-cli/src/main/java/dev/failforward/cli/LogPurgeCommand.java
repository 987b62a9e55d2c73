package dev.failforward.cli;

import dev.failforward.log.FailureLog;
import dev.failforward.run.Run;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code failforward log purge}: retention, deleting runs with their predictions and failures. */
@Command(name = "purge", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Delete runs with their predictions, failures, input values and judged production events,",
                "in one transaction. Triage decisions are kept.", ""},
        footer = {"", "Examples:",
                "  failforward log purge --run 01JD3X5W2Q8R6T0Y7V9B4N1M3K",
                "  failforward log purge --before 2026-01-01",
                "  failforward log purge --before 2026-01-01T12:00:00Z"})
public final class LogPurgeCommand implements Callable<Integer> {

    static final class Which {
        @Option(names = "--run", paramLabel = "RUN_ID", required = true, description = "This run.")
        String run;

        @Option(names = "--before", paramLabel = "DATE", required = true,
                description = "Every run started before this date (YYYY-MM-DD, UTC midnight) or instant (ISO-8601).")
        String before;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Which which;

    @Mixin
    StoreOption store;

    @Override
    public Integer call() {
        try (FailureLog log = store.open()) {
            List<String> ids;
            if (which.run != null) {
                ids = List.of(log.run(which.run).map(Run::id).orElseThrow(() -> new UsageException(
                        "no run '" + which.run + "' in " + log.location() + "; see 'failforward log runs'")));
            } else {
                ids = log.runsBefore(instant(which.before)).stream().map(Run::id).toList();
            }
            int purged = log.purge(ids);
            System.out.println("Purged " + purged + (purged == 1 ? " run" : " runs") + " from " + log.location() + ".");
        }
        return ExitCodes.OK;
    }

    static Instant instant(String text) {
        try {
            return text.length() == 10 ? LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant() : Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new UsageException("--before: not a date (YYYY-MM-DD) or an instant (2026-01-01T12:00:00Z): '" + text + "'");
        }
    }
}
