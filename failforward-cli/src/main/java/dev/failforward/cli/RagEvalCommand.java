package dev.failforward.cli;

import dev.failforward.failure.Redaction;
import dev.failforward.log.FailureLog;
import dev.failforward.rag.AnswerCheck;
import dev.failforward.rag.ChatGenerator;
import dev.failforward.rag.Embedder;
import dev.failforward.rag.EvalSettings;
import dev.failforward.rag.HttpGrader;
import dev.failforward.rag.HttpRetriever;
import dev.failforward.rag.Mode;
import dev.failforward.rag.Qrels;
import dev.failforward.rag.Question;
import dev.failforward.rag.RagEvaluator;
import dev.failforward.rag.RagIndex;
import dev.failforward.rag.RagResult;
import dev.failforward.rag.RetrievalMetrics;
import dev.failforward.rag.report.RagReports;
import dev.failforward.run.Run;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
                "semantic-mismatch or chunking (rules in docs/rag.md). With --generator, a question whose context held a",
                "relevant passage but whose answer does not match its reference answer fails as 'generator'.", ""},
        footer = {"", "Examples:",
                "  failforward rag eval --index rag-index --mode hybrid --queries queries.jsonl --qrels qrels.tsv",
                "  failforward rag eval --index rag-index --mode bm25 --queries queries.jsonl --qrels qrels.tsv --k 1,3,10 --fail-at 5",
                "  failforward rag eval --retriever http://127.0.0.1:8765/retrieve --index rag-index --queries queries.jsonl --qrels qrels.tsv",
                "  failforward rag eval --index rag-index --queries queries.jsonl --qrels qrels.tsv --fail-on 'recall@10<0.9'",
                "  failforward rag eval --index rag-index --mode vector --queries queries.jsonl --qrels qrels.tsv --generator http://127.0.0.1:8080/v1/chat/completions",
                "", "Writes rag-report.json and rag-report.html to --out and records the run (task retrieval) in --store.",
                "Exit codes: 0 ok, 1 --fail-on holds, 2 bad input, 3 the retriever failed for some questions or answered",
                "what FailForward cannot read."})
public final class RagEvalCommand implements Callable<Integer> {

    static final String KIND = "rag-eval";

    @Mixin
    RagQuestionOptions asked;

    @Option(names = "--index", paramLabel = "DIR", description = "A local index (failforward rag index); with --retriever, used to diagnose its misses.")
    Path index;

    @Option(names = "--mode", paramLabel = "MODE", defaultValue = "hybrid", description = "bm25, vector or hybrid (default: ${DEFAULT-VALUE}).")
    String mode;

    @Option(names = "--retriever", paramLabel = "URL", description = "Evaluate your own retriever over HTTP (contract in docs/rag.md) instead of the local index.")
    String retriever;

    @Option(names = "--k", paramLabel = "K", split = ",", description = "Cut-offs for hit@k and recall@k (default: 1,5,10).")
    List<Integer> ks = new ArrayList<>(List.of(1, 5, 10));

    @Option(names = "--gap-threshold", paramLabel = "SIM", description = "Questions without qrels whose nearest passage is less similar than SIM are coverage gaps (default: a gap model calibrated on the judged questions).")
    Double gapThreshold;

    @Option(names = "--fail-on", paramLabel = "METRIC<VALUE", description = "Exit with 1 when a metric is below a value, e.g. 'recall@10<0.9' or 'mrr<0.5'.")
    String failOn;

    @Option(names = "--generator", paramLabel = "URL", description = "An OpenAI-compatible chat-completions endpoint: answers the questions that have a reference 'answer' from their retrieved passages (needs --index).")
    String generator;

    @Option(names = "--generator-model", paramLabel = "NAME", defaultValue = "default", description = "The 'model' sent to --generator (default: ${DEFAULT-VALUE}).")
    String generatorModel;

    @Option(names = "--context", paramLabel = "N", defaultValue = "" + AnswerCheck.DEFAULT_CONTEXT, description = "Retrieved passages given to --generator as context (default: ${DEFAULT-VALUE}).")
    int context;

    @Option(names = "--answer-f1", paramLabel = "F1", defaultValue = "" + AnswerCheck.DEFAULT_MIN_F1, description = "An answer whose token F1 with the reference is below this fails as 'generator' (default: ${DEFAULT-VALUE}).")
    double answerF1;

    @Option(names = "--judge", paramLabel = "URL", description = "A judge endpoint that decides whether an answer matches its reference, in place of --answer-f1 (contract in docs/rag.md).")
    String judge;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "30", description = "Per request to --retriever or --generator (default: ${DEFAULT-VALUE}).")
    int timeout;

    @Option(names = "--batch", paramLabel = "N", defaultValue = "32", description = "Questions per request to --retriever, requests in flight to --generator (default: ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "42", description = "Seed of the clustering of failed questions (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "rag-out", description = "Folder for rag-report.json and rag-report.html (default: ${DEFAULT-VALUE}).")
    Path out;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (index == null && retriever == null) {
            throw new UsageException("give --index DIR (a local index) or --retriever URL");
        }
        FailOn gate = failOn == null ? null : FailOn.parse(failOn);
        Mode chosen = Mode.parse(mode);
        EvalSettings settings = new EvalSettings(ks, asked.failAt, EvalSettings.DEFAULT_DEPTH, gapThreshold == null ? Double.NaN : gapThreshold);
        if (gate != null) {
            gate.check(settings);
        }
        RagQuestionOptions.Asked read = asked.read();
        List<Question> questions = read.questions();
        Qrels judged = read.qrels();
        ChatGenerator writer = null;
        HttpGrader grader = null;
        AnswerCheck answers = null;
        if (generator != null) {
            if (index == null) {
                throw new UsageException("--generator needs --index DIR on the same corpus: the passages' text comes from the index");
            }
            if (questions.stream().noneMatch(q -> q.answer() != null && !q.answer().isBlank())) {
                throw new UsageException("--generator: no question in " + asked.queries + " has an 'answer' (the reference answer to compare with)");
            }
            writer = new ChatGenerator(generator, generatorModel, batch, java.time.Duration.ofSeconds(timeout));
            grader = judge == null ? null : new HttpGrader(judge, batch, java.time.Duration.ofSeconds(timeout));
            answers = new AnswerCheck(writer, context, answerF1, grader);
        } else if (judge != null) {
            throw new UsageException("--judge judges the answers of --generator; give --generator URL too");
        }
        createFolder(out);
        TerminalProgress progress = new TerminalProgress(System.err);
        Map<String, String> given = GivenOptions.of(spec);
        Redaction redaction = asked.redaction();
        try (RagIndex local = index == null ? null : RagIndex.open(index);
             FailureLog log = asked.openLog(redaction)) {
            Embedder embedder = local == null || !local.info().hasVectors() ? null : RagEmbedders.find(local.info().embedder());
            String modelId = retriever != null ? retriever : "rag:" + chosen.id();
            Run begun = RagRunLog.begin(log, new RagRunLog.Subject(KIND, modelId, local, asked.queries, asked.qrels, seed, given));
            RagResult result;
            int errors = 0;
            if (retriever != null) {
                HttpRetriever http = new HttpRetriever(retriever, batch, java.time.Duration.ofSeconds(timeout));
                result = RagEvaluator.evaluate(http, local, embedder, questions, judged, settings, answers, seed, progress);
                errors = http.failedQuestions();
            } else {
                result = RagEvaluator.evaluate(local, embedder, chosen, questions, judged, settings, answers, seed, progress);
            }
            // The log and the reports get the same copy: the redacted fields hashed wherever they appear.
            RagResult shown = redaction.isNone() ? result : RagRedaction.apply(result, redaction);
            Run done = RagRunLog.complete(log, begun, shown);
            RagReports.Written written;
            try {
                written = RagReports.write(shown, done, out, local == null ? id -> null : local::text);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the report into " + out + ": " + e.getMessage(), e);
            }
            summary(result, done, written, log.location());
            if (writer != null && writer.failedQuestions() > 0) {
                System.err.println("failforward: " + writer.failedQuestions() + " questions got no answer from " + generator + ": "
                        + writer.lastError() + " (left unjudged)");
                return ExitCodes.PART_FAILED;
            }
            if (grader != null && grader.failedAnswers() > 0) {
                System.err.println("failforward: " + grader.failedAnswers() + " answers got no verdict from " + judge + ": "
                        + grader.lastError() + " (left unjudged)");
                return ExitCodes.PART_FAILED;
            }
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
        if (r.answered() > 0) {
            o.printf(Locale.ROOT, "  answers:  %d generated, mean token F1 %.4f, %d below the threshold (generator)%n", r.answered(), r.answerF1(),
                    r.causes().getOrDefault(dev.failforward.rag.Cause.GENERATOR, 0));
        }
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
