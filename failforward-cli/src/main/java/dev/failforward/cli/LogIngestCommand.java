package dev.failforward.cli;

import dev.failforward.failure.IngestResult;
import dev.failforward.failure.ProductionEvent;
import dev.failforward.log.FailureLog;
import dev.failforward.session.Ingest;
import dev.failforward.store.RedactionKeys;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code failforward log ingest}: production capture, prediction and outcome events in any order. */
@Command(name = "ingest", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Store production events (JSON Lines) and record a failure with origin 'production' for every",
                "prediction whose outcome disagrees. Prediction events {id, timestamp, features, prediction,",
                "probabilities, model} and outcome events {id, outcome} may come in any order and in separate",
                "files; ingesting the same file again adds nothing.", ""},
        footer = {"", "Examples:",
                "  failforward log ingest predictions-2026-11-01.jsonl",
                "  failforward log ingest outcomes.jsonl --redact email",
                "  failforward log list --origin production",
                "", "A prediction line: {\"id\":\"e1\",\"timestamp\":\"2026-11-01T00:00:00Z\",\"features\":{\"tenure\":3},"
                + "\"prediction\":\"Yes\",\"probabilities\":{\"No\":0.2,\"Yes\":0.8},\"model\":\"churn-v1\"}",
                "An outcome line:   {\"id\":\"e1\",\"outcome\":\"No\"}"})
public final class LogIngestCommand implements Callable<Integer> {

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "JSON Lines files of prediction and/or outcome events.")
    List<Path> files;

    @Option(names = "--redact", paramLabel = "COL", split = ",",
            description = "Store a keyed hash (HMAC-SHA256) instead of the value of these features.")
    List<String> redact = List.of();

    @Mixin
    StoreWriteOption store;

    @Override
    public Integer call() {
        List<List<ProductionEvent>> read = new ArrayList<>();
        for (Path f : files) {
            read.add(EventReader.read(f));
        }
        try (FailureLog log = store.open(RedactionKeys.forStore(store.store, redact))) {
            for (int i = 0; i < files.size(); i++) {
                IngestResult r = Ingest.run(log, files.get(i).getFileName().toString(), read.get(i));
                System.out.printf("%s: %d events, %d new, %d already in the log; %d pairs judged, %d failures%s%n",
                        files.get(i), r.events(), r.added(), r.duplicates(), r.judged(), r.failures(),
                        r.runId() == null ? "" : " (run " + r.runId() + ")");
            }
        }
        return ExitCodes.OK;
    }
}
