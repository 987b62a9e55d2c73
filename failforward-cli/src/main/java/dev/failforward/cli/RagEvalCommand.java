package dev.failforward.cli;

import dev.failforward.failure.Failure;
import dev.failforward.failure.Fingerprints;
import dev.failforward.failure.Redaction;
import dev.failforward.log.FailureLog;
import dev.failforward.model.Task;
import dev.failforward.rag.Embedder;
import dev.failforward.rag.EvalSettings;
import dev.failforward.rag.HttpRetriever;
import dev.failforward.rag.Mode;
import dev.failforward.rag.Qrels;
import dev.failforward.rag.QueriesFile;
import dev.failforward.rag.Question;
import dev.failforward.rag.RagEvaluator;
import dev.failforward.rag.RagFailures;
import dev.failforward.rag.RagIndex;
import dev.failforward.rag.RagResult;
import dev.failforward.rag.RetrievalMetrics;
import dev.failforward.rag.report.RagReports;
import dev.failforward.run.Provenance;
import dev.failforward.run.Run;
import dev.failforward.run.RunIds;
import dev.failforward.run.RunStatus;
import dev.failforward.store.RedactionKeys;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code failforward rag eval}: metrics of a retriever on questions, the cause of every miss, and the misses in the log. */
@Command(name = "eval", mixinStandardHelpOptions = true, sortOptions = false,
        header = "Evaluate a retriever: hit@k, recall@k, MRR, nDCG@10, and the cause of every missed question.",
        description = {"A question fails when no relevant passage is in the top --fail-at. Each failed question is",
                "logged (origin rag, row key = qid) with its cause: coverage-gap, ranking-miss, lexical-mismatch,",
                "semantic-mismatch or chunking (rules in docs/rag.md).", ""},
        footer = {"", "Examples:",
                "  failforward rag eval --index rag-index --mode hybrid --queries queries.jsonl --qrels qrels.tsv",
                "  failforward rag eval --index rag-index --mode bm25 --queries queries.jsonl --qrels qrels.tsv --k 1,3,10 --fail-at 5",
                "  failforward rag eval --retriever http://127.0.0.1:8765/retrieve --index rag-index --queries queries.jsonl --qrels qrels.tsv",
                "  failforward rag eval --index rag-index --queries queries.jsonl --qrels qrels.tsv --fail-on 'recall@10<0.9'",
                "", "Writes rag-report.json and rag-report.html to --out and records the run (task retrieval) in --store.",
                "Exit codes: 0 ok, 1 --fail-on holds, 2 bad input, 3 the retriever failed for some questions or answered",
                "what FailForward cannot read."})
public final class RagEvalCommand implements Callable<Integer> {

    static final String KIND = "rag-eval";

    @Option(names = "--queries", paramLabel = "FILE", required = true, description = "Questions: JSON lines with 'qid' and 'question' (optional 'source', 'answer').")
    Path queries;

    @Option(names = "--qrels", paramLabel = "FILE", required = true, description = "Relevance: tab-separated 'qid doc_id relevance' with a header, or TREC's four columns.")
    Path qrels;

    @Option(names = "--index", paramLabel = "DIR", description = "A local index (failforward rag index); with --retriever, used to diagnose its misses.")
    Path index;

    @Option(names = "--mode", paramLabel = "MODE", defaultValue = "hybrid", description = "bm25, vector or hybrid (default: ${DEFAULT-VALUE}).")
    String mode;

    @Option(names = "--retriever", paramLabel = "URL", description = "Evaluate your own retriever over HTTP (contract in docs/rag.md) instead of the local index.")
    String retriever;

    @Option(names = "--k", paramLabel = "K", split = ",", description = "Cut-offs for hit@k and recall@k (default: 1,5,10).")
    List<Integer> ks = new ArrayList<>(List.of(1, 5, 10));

    @Option(names = "--fail-at", paramLabel = "K", defaultValue = "10", description = "A question fails when no relevant passage is in the top K (default: ${DEFAULT-VALUE}).")
    int failAt;

    @Option(names = "--gap-threshold", paramLabel = "SIM", description = "Coverage-gap similarity threshold (default: calibrated on the questions the vectors answer).")
    Double gapThreshold;

    @Option(names = "--fail-on", paramLabel = "METRIC<VALUE", description = "Exit with 1 when a metric is below a value, e.g. 'recall@10<0.9' or 'mrr<0.5'.")
    String failOn;

    @Option(names = "--redact", paramLabel = "FIELD", split = ",", description = "Store a keyed hash (HMAC-SHA256) instead of these question fields (e.g. question) in the log and reports.")
    List<String> redact = List.of();

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "30", description = "Per request to --retriever (default: ${DEFAULT-VALUE}).")
    int timeout;

    @Option(names = "--batch", paramLabel = "N", defaultValue = "32", description = "Questions per request to --retriever (default: ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "42", description = "Seed of the clustering of failed questions (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "rag-out", description = "Folder for rag-report.json and rag-report.html (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--store", paramLabel = "PATH|URL", defaultValue = Stores.DEFAULT,
            description = "Failure log: a SQLite file or a jdbc:postgresql:// URL (default: ${DEFAULT-VALUE}).")
    String store;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (index == null && retriever == null) {
            throw new UsageException("give --index DIR (a local index) or --retriever URL");
        }
        FailOn gate = failOn == null ? null : FailOn.parse(failOn);
        Mode chosen = Mode.parse(mode);
        EvalSettings settings = new EvalSettings(ks, failAt, EvalSettings.DEFAULT_DEPTH, gapThreshold == null ? Double.NaN : gapThreshold);
        if (gate != null) {
            gate.check(settings);
        }
        List<Question> questions = QueriesFile.read(queries);
        Qrels judged = Qrels.read(qrels);
        for (String field : redact) {
            if (questions.stream().noneMatch(q -> RagFailures.input(q).containsKey(field))) {
                throw new UsageException("--redact: no question in " + queries + " has a field '" + field + "'");
            }
        }
        if (judged.byQuestion().keySet().stream().noneMatch(q -> questions.stream().anyMatch(x -> x.qid().equals(q)))) {
            throw new UsageException(qrels + " judges none of the questions in " + queries + "; do the qids match?");
        }
        createFolder(out);
        TerminalProgress progress = new TerminalProgress(System.err);
        Map<String, String> given = GivenOptions.of(spec);
        Redaction redaction = RedactionKeys.forStore(store, redact);
        try (RagIndex local = index == null ? null : RagIndex.open(index);
             FailureLog log = Stores.open(store, redaction)) {
            Embedder embedder = local == null || !local.info().hasVectors() ? null : RagEmbedders.find(local.info().embedder());
            String modelId = retriever != null ? retriever : "rag:" + chosen.id();
            Run begun = RagRunLog.begin(log, new RagRunLog.Subject(KIND, modelId, local, queries, qrels, seed, given));
            RagResult result;
            int errors = 0;
            if (retriever != null) {
                HttpRetriever http = new HttpRetriever(retriever, batch, java.time.Duration.ofSeconds(timeout));
                result = RagEvaluator.evaluate(http, local, embedder, questions, judged, settings, seed, progress);
                errors = http.failedQuestions();
            } else {
                result = RagEvaluator.evaluate(local, embedder, chosen, questions, judged, settings, seed, progress);
            }
            Run done = RagRunLog.complete(log, begun, result);
            RagResult shown = redaction.isNone() ? result : RagRedaction.apply(result, redaction);
            RagReports.Written written;
            try {
                written = RagReports.write(shown, done, out, local == null ? id -> null : local::text);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the report into " + out + ": " + e.getMessage(), e);
            }
            summary(result, done, written, log.location());
            if (errors > 0) {
                System.err.println("failforward: " + errors + " questions got no answer from " + retriever + " (counted as retrieving nothing)");
                return ExitCodes.PART_FAILED;
            }
            if (gate != null && gate.holds(result.overall())) {
                System.out.println("  --fail-on " + failOn + ": holds (" + gate.metric() + " = "
                        + String.format(Locale.ROOT, "%.4f", result.overall().asMap().get(gate.metric())) + ")");
                return ExitCodes.FAILED_CHECK;
            }
        }
        return ExitCodes.OK;
    }

    private static void summary(RagResult r, Run run, RagReports.Written written, String store) {
        var o = System.out;
        o.printf("Run %s: %s, %d questions (%d judged)%n", run.id(), r.retriever(), r.questions().size(), r.overall().questions());
        o.printf("  %-8s %9s %9s %9s %9s%n", "mode", "recall@" + r.settings().failAt(), "hit@1", "MRR", "nDCG@10");
        if (r.byMode().isEmpty()) {
            line(o, "this", r.overall(), r.settings().failAt());
        }
        r.byMode().forEach((m, v) -> line(o, m.id() + (m == r.mode() ? "*" : ""), v, r.settings().failAt()));
        o.printf("  %d failed questions: %s%n", r.failures().size(), r.causes().isEmpty() ? "none" : r.causes().toString().replaceAll("[{}]", ""));
        o.println("  report:      " + written.html());
        o.println("  json:        " + written.json());
        o.println("  failure log: " + store + "  (failforward log list --run " + run.id() + " --origin rag)");
    }

    private static void line(java.io.PrintStream o, String name, RetrievalMetrics m, int k) {
        Double recall = m.recallAt().get(k);
        o.printf(Locale.ROOT, "  %-8s %9.4f %9.4f %9.4f %9.4f%n", name, recall == null ? Double.NaN : recall,
                m.hitAt().getOrDefault(1, Double.NaN), m.mrr(), m.ndcg10());
    }

    static void createFolder(Path folder) {
        if (Files.exists(folder) && !Files.isDirectory(folder)) {
            throw new UsageException("--out " + folder + " is a file; expected a folder");
        }
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the output folder " + folder + ": " + e.getMessage(), e);
        }
    }

    /** {@code --fail-on metric<value}: the run fails the check when the metric is below the value. */
    record FailOn(String metric, double value) {

        static FailOn parse(String text) {
            String[] parts = text.split("<");
            if (parts.length != 2 || parts[0].isBlank()) {
                throw new UsageException("--fail-on '" + text + "': expected METRIC<VALUE, e.g. 'recall@10<0.9'");
            }
            try {
                return new FailOn(parts[0].strip().toLowerCase(Locale.ROOT), Double.parseDouble(parts[1].strip()));
            } catch (NumberFormatException e) {
                throw new UsageException("--fail-on '" + text + "': '" + parts[1].strip() + "' is not a number");
            }
        }

        /** A metric the run will have: hit@k and recall@k of the cut-offs, mrr, ndcg@10. */
        void check(EvalSettings settings) {
            List<String> known = new ArrayList<>();
            settings.cutoffs().forEach(k -> known.add("hit@" + k));
            settings.cutoffs().forEach(k -> known.add("recall@" + k));
            known.add("mrr");
            known.add("ndcg@10");
            if (!known.contains(metric)) {
                throw new UsageException("--fail-on: no metric '" + metric + "'; known: " + String.join(", ", known));
            }
        }

        boolean holds(RetrievalMetrics m) {
            Double v = m.asMap().get(metric);
            if (v == null) {
                throw new UsageException("--fail-on: no metric '" + metric + "'; the run has " + m.asMap().keySet());
            }
            return v < value;
        }
    }
}
