package dev.failforward.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.failforward.failure.Redaction;
import dev.failforward.log.FailureLog;
import dev.failforward.rag.EvalSettings;
import dev.failforward.rag.HttpRetriever;
import dev.failforward.rag.RetrieverFailedException;
import dev.failforward.rag.Mode;
import dev.failforward.rag.PairedDelta;
import dev.failforward.rag.Qrels;
import dev.failforward.rag.Question;
import dev.failforward.rag.RagEvaluator;
import dev.failforward.rag.RagIndex;
import dev.failforward.rag.RagResult;
import dev.failforward.rag.RetrieverComparer;
import dev.failforward.rag.RetrieverComparison;
import dev.failforward.report.AtomicFiles;
import dev.failforward.run.Run;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code failforward rag compare}: two retriever configurations on the same questions, with paired statistics and a gate. */
@Command(name = "compare", mixinStandardHelpOptions = true, sortOptions = false,
        header = "Compare two retrievers on the same questions, with paired statistics, and gate on it.",
        description = {"Each side is MODE@INDEX (a local index in bm25, vector or hybrid mode) or an http(s) URL",
                "speaking the retriever contract. Reports hit@k (McNemar), MRR and nDCG@10 (paired bootstrap,",
                "95%% intervals) overall and per source; blocks (exit 1) when the candidate is significantly worse",
                "on any of them overall. Both sides are recorded as runs (kind rag-compare) with their misses.", ""},
        footer = {"", "Examples:",
                "  failforward rag compare --queries queries.jsonl --qrels qrels.tsv --baseline bm25@rag-index --candidate vector@rag-index",
                "  failforward rag compare --queries queries.jsonl --qrels qrels.tsv --baseline hybrid@idx-whole --candidate hybrid@idx-chunks-120",
                "  failforward rag compare --queries queries.jsonl --qrels qrels.tsv --baseline vector@rag-index --candidate http://127.0.0.1:8765/retrieve",
                "", "Writes rag-compare.json to --out.",
                "Exit codes: 0 the candidate is not significantly worse, 1 it is (one reason per line), 2 bad input, 3 a retriever",
                "over HTTP gave no answer for some questions or answered what FailForward cannot read."})
public final class RagCompareCommand implements Callable<Integer> {

    static final String KIND = "rag-compare";

    @Mixin
    RagQuestionOptions asked;

    @Option(names = "--baseline", paramLabel = "MODE@DIR|URL", required = true, description = "The baseline retriever.")
    String baseline;

    @Option(names = "--candidate", paramLabel = "MODE@DIR|URL", required = true, description = "The candidate retriever.")
    String candidate;

    @Option(names = "--resamples", paramLabel = "N", defaultValue = "" + RetrieverComparer.DEFAULT_RESAMPLES,
            description = "Paired bootstrap resamples (default: ${DEFAULT-VALUE}).")
    int resamples;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "42", description = "Seed of the bootstrap (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "rag-compare", description = "Folder for rag-compare.json (default: ${DEFAULT-VALUE}).")
    Path out;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (resamples < 100) {
            throw new UsageException("--resamples must be 100 or more");
        }
        EvalSettings settings = new EvalSettings(List.of(1, 5, 10), asked.failAt, EvalSettings.DEFAULT_DEPTH, Double.NaN);
        RagQuestionOptions.Asked read = asked.read();
        List<Question> questions = read.questions();
        Qrels judged = read.qrels();
        RagEvalCommand.createFolder(out);
        TerminalProgress progress = new TerminalProgress(System.err);
        Map<String, String> given = GivenOptions.of(spec);
        Redaction redaction = asked.redaction();
        List<RagResult> results = new ArrayList<>();
        List<Run> runs = new ArrayList<>();
        try (FailureLog log = asked.openLog(redaction)) {
            for (String side : List.of(baseline, candidate)) {
                if (side.startsWith("http://") || side.startsWith("https://")) {
                    HttpRetriever http = new HttpRetriever(side, 32, Duration.ofSeconds(30));
                    Run begun = RagRunLog.begin(log, new RagRunLog.Subject(KIND, side, null, asked.queries, asked.qrels, seed, given));
                    RagResult r = hidden(RagEvaluator.evaluate(http, null, null, questions, judged, settings, seed, progress), redaction);
                    if (http.failedQuestions() > 0) {
                        throw new RetrieverFailedException(side + " gave no answer for " + http.failedQuestions() + " questions: " + http.lastError());
                    }
                    runs.add(RagRunLog.complete(log, begun, r));
                    results.add(r);
                    continue;
                }
                int at = side.indexOf('@');
                if (at <= 0) {
                    throw new UsageException("'" + side + "': expected MODE@INDEX_DIR (e.g. hybrid@rag-index) or an http(s) URL");
                }
                Mode mode = Mode.parse(side.substring(0, at));
                try (RagIndex index = RagIndex.open(Path.of(side.substring(at + 1)))) {
                    var embedder = index.info().hasVectors() ? RagEmbedders.find(index.info().embedder()) : null;
                    Run begun = RagRunLog.begin(log, new RagRunLog.Subject(KIND, "rag:" + mode.id() + "@" + index.folder(), index, asked.queries, asked.qrels,
                            seed, given));
                    RagResult r = hidden(RagEvaluator.evaluate(index, embedder, mode, questions, judged, settings, seed, progress), redaction);
                    runs.add(RagRunLog.complete(log, begun, r));
                    results.add(r);
                }
            }
        }
        RetrieverComparison c = RetrieverComparer.compare(results.get(0), results.get(1), resamples, seed);
        Path json = out.resolve("rag-compare.json");
        try {
            AtomicFiles.write(json, json(c, runs));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + json + ": " + e.getMessage(), e);
        }
        var o = System.out;
        o.printf("Baseline  %s (run %s)%nCandidate %s (run %s)%n%d questions judged by both%n", baseline, runs.get(0).id(), candidate,
                runs.get(1).id(), c.questions());
        o.printf("  %-10s %-10s %9s %9s %9s %21s %10s%n", "source", "metric", "baseline", "candidate", "delta", "95% CI", "p");
        print(o, "all", c.overall());
        c.bySource().forEach((s, ds) -> print(o, s, ds));
        o.println("  json: " + json);
        if (c.blocked()) {
            o.println("Blocked:");
            c.reasons().forEach(r -> o.println("  - " + r));
            return ExitCodes.FAILED_CHECK;
        }
        o.println("Passed: the candidate is not significantly worse on hit@" + asked.failAt + ", MRR or nDCG@10.");
        return ExitCodes.OK;
    }

    /** The result as the log and the files get it (sources and questions hashed when redacted). */
    private static RagResult hidden(RagResult r, Redaction redaction) {
        return redaction.isNone() ? r : RagRedaction.apply(r, redaction);
    }

    private static void print(java.io.PrintStream o, String source, List<PairedDelta> deltas) {
        for (PairedDelta d : deltas) {
            o.printf(Locale.ROOT, "  %-10s %-10s %9.4f %9.4f %+9.4f  [%+8.4f, %+8.4f] %10.3g%n", source, d.metric(), d.baseline(), d.candidate(),
                    d.delta(), d.low(), d.high(), d.pValue());
        }
    }

    private static String json(RetrieverComparison c, List<Run> runs) throws IOException {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = mapper.createObjectNode();
        root.put("format", "failforward-rag-compare/1");
        root.put("baseline", c.baseline()).put("baseline_run", runs.get(0).id());
        root.put("candidate", c.candidate()).put("candidate_run", runs.get(1).id());
        root.put("questions", c.questions());
        root.set("overall", deltas(mapper, c.overall()));
        ObjectNode by = root.putObject("by_source");
        c.bySource().forEach((s, ds) -> by.set(s, deltas(mapper, ds)));
        root.put("blocked", c.blocked());
        ArrayNode reasons = root.putArray("reasons");
        c.reasons().forEach(reasons::add);
        return mapper.writeValueAsString(root) + "\n";
    }

    private static ArrayNode deltas(ObjectMapper mapper, List<PairedDelta> ds) {
        ArrayNode a = mapper.createArrayNode();
        for (PairedDelta d : ds) {
            ObjectNode o = a.addObject();
            o.put("metric", d.metric()).put("baseline", d.baseline()).put("candidate", d.candidate()).put("delta", d.delta())
                    .put("ci_low", d.low()).put("ci_high", d.high()).put("p_value", d.pValue()).put("test", d.test());
            if (d.metric().startsWith("hit@")) {
                o.put("worse", d.worse()).put("better", d.better());
            }
        }
        return a;
    }
}
