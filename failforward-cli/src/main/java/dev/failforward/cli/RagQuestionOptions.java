package dev.failforward.cli;

import dev.failforward.failure.Redaction;
import dev.failforward.log.FailureLog;
import dev.failforward.rag.Qrels;
import dev.failforward.rag.QueriesFile;
import dev.failforward.rag.Question;
import dev.failforward.rag.RagFailures;
import dev.failforward.store.RedactionKeys;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The options every {@code rag} verb that asks questions shares: the questions and their qrels, when a
 * question fails, the failure log, and the question fields it keeps only as keyed hashes.
 */
final class RagQuestionOptions {

    @Option(names = "--queries", paramLabel = "FILE", required = true, description = "Questions: JSON lines with 'qid' and 'question' (optional 'source', 'answer').")
    Path queries;

    @Option(names = "--qrels", paramLabel = "FILE", required = true, description = "Relevance: tab-separated 'qid doc_id relevance' with a header, or TREC's four columns.")
    Path qrels;

    @Option(names = "--fail-at", paramLabel = "K", defaultValue = "10", description = "A question fails when no relevant passage is in the top K (default: ${DEFAULT-VALUE}).")
    int failAt;

    @Option(names = "--redact", paramLabel = "FIELD", split = ",",
            description = "Keep a keyed hash (HMAC-SHA256) instead of these question fields (question, source, answer, any other) in the log and every file written.")
    List<String> redact = List.of();

    @Option(names = "--store", paramLabel = "PATH|URL", defaultValue = Stores.DEFAULT,
            description = "Failure log: a SQLite file or a jdbc:postgresql:// URL (default: ${DEFAULT-VALUE}).")
    String store;

    /** The questions and their judgements, read and checked together. */
    record Asked(List<Question> questions, Qrels qrels) {
    }

    /** Reads both files; the qrels must judge some of the questions, and every redacted field must exist. */
    Asked read() {
        List<Question> questions = QueriesFile.read(queries);
        Qrels judged = Qrels.read(qrels);
        for (String field : redact) {
            if (questions.stream().noneMatch(q -> fields(q).contains(field))) {
                throw new UsageException("--redact: no question in " + queries + " has a field '" + field + "'");
            }
        }
        Set<String> asked = questions.stream().map(Question::qid).collect(Collectors.toSet());
        if (judged.byQuestion().keySet().stream().noneMatch(asked::contains)) {
            throw new UsageException(qrels + " judges none of the questions in " + queries + "; do the qids match?");
        }
        return new Asked(questions, judged);
    }

    /** The keyed hash of the redacted fields, with the log's key. */
    Redaction redaction() {
        return RedactionKeys.forStore(store, redact);
    }

    /** The failure log, hashing the redacted fields of everything written to it. */
    FailureLog openLog(Redaction redaction) {
        return Stores.open(store, redaction);
    }

    private static Set<String> fields(Question q) {
        Set<String> out = new java.util.HashSet<>(RagFailures.input(q).keySet());
        if (q.answer() != null) {
            out.add("answer");
        }
        return out;
    }
}
