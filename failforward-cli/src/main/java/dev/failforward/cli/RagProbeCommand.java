package dev.failforward.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.failforward.failure.Failure;
import dev.failforward.failure.Redaction;
import dev.failforward.log.FailureLog;
import dev.failforward.rag.EvalSettings;
import dev.failforward.rag.Mode;
import dev.failforward.rag.PerturbationOutcome;
import dev.failforward.rag.Qrels;
import dev.failforward.rag.Question;
import dev.failforward.rag.QuestionPerturbation;
import dev.failforward.rag.RagIndex;
import dev.failforward.rag.RagProber;
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
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code failforward rag probe}: perturbed questions re-run through retrieval; the questions each perturbation breaks are logged. */
@Command(name = "probe", mixinStandardHelpOptions = true, sortOptions = false,
        header = "Rewrite questions (typos, casing, synonyms, word order, dropped words) and count the answers lost.",
        description = {"Each perturbation rewrites every question (seeded), re-runs retrieval and reports recall@k before",
                "and after and the flip rate: the share of questions answered before and missed after. Each broken",
                "question is logged with origin probe:rag-<perturbation>, its perturbed text, and its cause.", ""},
        footer = {"", "Examples:",
                "  failforward rag probe --index rag-index --mode vector --queries queries.jsonl --qrels qrels.tsv",
                "  failforward rag probe --index rag-index --mode bm25 --queries queries.jsonl --qrels qrels.tsv --perturbations typo,drop-word",
                "  failforward rag probe --index rag-index --queries queries.jsonl --qrels qrels.tsv --redact question",
                "", "Writes rag-probe.json to --out and records the run (kind rag-probe) in --store."})
public final class RagProbeCommand implements Callable<Integer> {

    @Option(names = "--index", paramLabel = "DIR", required = true, description = "A local index (failforward rag index).")
    Path index;

    @Option(names = "--mode", paramLabel = "MODE", defaultValue = "hybrid", description = "bm25, vector or hybrid (default: ${DEFAULT-VALUE}).")
    String mode;

    @Mixin
    RagQuestionOptions asked;

    @Option(names = "--perturbations", paramLabel = "ID", split = ",",
            description = "Which: typo, case-punctuation, synonym, word-order, drop-word (default: all).")
    List<String> perturbations = new ArrayList<>(QuestionPerturbation.IDS);

    @Option(names = "--seed", paramLabel = "N", defaultValue = "42", description = "Seed of the perturbations (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "rag-probe", description = "Folder for rag-probe.json (default: ${DEFAULT-VALUE}).")
    Path out;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Mode chosen = Mode.parse(mode);
        List<QuestionPerturbation> chosenPerturbations = perturbations.stream().map(QuestionPerturbation::find).toList();
        EvalSettings settings = new EvalSettings(List.of(1, 5, 10), asked.failAt, EvalSettings.DEFAULT_DEPTH, Double.NaN);
        RagQuestionOptions.Asked read = asked.read();
        List<Question> questions = read.questions();
        Qrels judged = read.qrels();
        RagEvalCommand.createFolder(out);
        TerminalProgress progress = new TerminalProgress(System.err);
        Redaction redaction = asked.redaction();
        try (RagIndex local = RagIndex.open(index); FailureLog log = asked.openLog(redaction)) {
            var embedder = local.info().hasVectors() ? RagEmbedders.find(local.info().embedder()) : null;
            if (chosen != Mode.BM25 && embedder == null) {
                throw new UsageException(index + " was indexed without vectors; use --mode bm25");
            }
            Run begun = RagRunLog.begin(log, new RagRunLog.Subject("rag-probe", "rag:" + chosen.id(), local, asked.queries, asked.qrels, seed,
                    GivenOptions.of(spec)));
            List<PerturbationOutcome> outcomes = RagProber.run(local, embedder, chosen, questions, judged, settings, chosenPerturbations,
                    seed, progress);
            List<Failure> failures = RagProber.failures(outcomes, begun.id(), 1, chosen, asked.failAt);
            java.util.Map<String, Double> metrics = new java.util.LinkedHashMap<>();
            outcomes.forEach(o -> metrics.put("flip_rate:" + o.perturbation(), o.flipRate()));
            Run done = begun.completed(Instant.now(), metrics, 0, failures.size());
            log.complete(done, List.of(), failures);
            Path json = out.resolve("rag-probe.json");
            try {
                AtomicFiles.write(json, json(outcomes, done, redaction));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + json + ": " + e.getMessage(), e);
            }
            System.out.printf("Run %s: %s on %s, %d questions%n", done.id(), chosen.id(), index, questions.size());
            System.out.printf("  %-18s %12s %12s %9s %7s %10s%n", "perturbation", "recall before", "recall after", "broken", "fixed", "flip rate");
            for (PerturbationOutcome o : outcomes) {
                System.out.printf(Locale.ROOT, "  %-18s %12.4f %12.4f %9d %7d %10.4f%n", o.perturbation(), o.recallBefore(), o.recallAfter(),
                        o.broken(), o.fixed(), o.flipRate());
            }
            System.out.println("  json:        " + json);
            System.out.println("  failure log: " + log.location() + "  (failforward log list --run " + done.id() + " --origin 'probe:*')");
        }
        return ExitCodes.OK;
    }

    private static String json(List<PerturbationOutcome> outcomes, Run run, Redaction redaction) throws IOException {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = mapper.createObjectNode();
        root.put("format", "failforward-rag-probe/1").put("run_id", run.id());
        ArrayNode list = root.putArray("perturbations");
        for (PerturbationOutcome o : outcomes) {
            ObjectNode n = list.addObject().put("id", o.perturbation()).put("judged", o.judged()).put("answered_before", o.answeredBefore())
                    .put("broken", o.broken()).put("fixed", o.fixed()).put("flip_rate", o.flipRate())
                    .put("recall_before", o.recallBefore()).put("recall_after", o.recallAfter());
            ArrayNode broken = n.putArray("broken_questions");
            for (PerturbationOutcome.Broken b : o.brokenQuestions()) {
                broken.addObject().put("qid", b.before().question().qid())
                        .put("question", RagRedaction.questionText(b.before().question().question(), redaction))
                        .put("perturbed", RagRedaction.questionText(b.after().question().question(), redaction))
                        .put("cause", b.after().cause() == null ? null : b.after().cause().tag());
            }
        }
        return mapper.writeValueAsString(root) + "\n";
    }
}
