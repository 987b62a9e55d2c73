package dev.failforward.cli;

import dev.failforward.failure.Failure;
import dev.failforward.failure.Fingerprints;
import dev.failforward.log.FailureLog;
import dev.failforward.model.Task;
import dev.failforward.rag.RagFailures;
import dev.failforward.rag.RagIndex;
import dev.failforward.rag.RagResult;
import dev.failforward.run.Provenance;
import dev.failforward.run.Run;
import dev.failforward.run.RunIds;
import dev.failforward.run.RunStatus;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Records a retrieval evaluation as a run of task {@code retrieval}: begun (incomplete) before the
 * questions are asked, completed with one prediction per question and the failed questions in one
 * transaction.
 */
final class RagRunLog {

    private RagRunLog() {
    }

    /** What a run is of: the retriever and the questions. */
    record Subject(String kind, String retriever, RagIndex index, Path queries, Path qrels, long seed, Map<String, String> options) {

        String modelFingerprint() {
            return index == null ? null : index.info().corpusFingerprint() + ":" + index.info().embedder() + ":"
                    + index.info().chunkSize() + "/" + index.info().chunkOverlap();
        }

        String dataFingerprint() {
            MessageDigest d = Fingerprints.sha256();
            for (Path f : List.of(queries, qrels)) {
                try {
                    d.update(Files.readAllBytes(f));
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read " + f + ": " + e.getMessage(), e);
                }
                d.update(f.getFileName().toString().getBytes(StandardCharsets.UTF_8));
            }
            return Fingerprints.hex(d.digest()).substring(0, 32);
        }

        String indexPath() {
            return index == null ? null : index.folder().toString();
        }
    }

    static Run begin(FailureLog log, Subject s) {
        String data = s.dataFingerprint();
        Run run = new Run(RunIds.next(), s.kind(), Instant.now(), null, RunStatus.INCOMPLETE, Task.RETRIEVAL,
                s.qrels().getFileName().toString(), List.of(), s.retriever(), s.modelFingerprint(), s.indexPath(),
                s.queries().getFileName().toString(), data, Map.of(), 0, 0,
                Provenance.current(s.seed(), data, s.modelFingerprint(), s.options()));
        log.begin(run);
        return run;
    }

    static Run complete(FailureLog log, Run begun, RagResult result) {
        List<Failure> failures = RagFailures.failures(result, begun.id());
        var predictions = RagFailures.predictions(result);
        Map<String, Double> metrics = new java.util.LinkedHashMap<>(result.overall().asMap());
        if (result.answered() > 0) {
            metrics.put("answer_f1", result.answerF1());
        }
        Run done = begun.completed(Instant.now(), metrics, predictions.size(), failures.size());
        log.complete(done, predictions, failures);
        return done;
    }
}
