package dev.failforward.rag;

import dev.failforward.progress.Progress;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shared RAG set indexed whole with the MiniLM embedder (the slow part: about 2,000 passages;
 * later indexes of the same texts take their vectors from the embedder's cache): metrics of the three
 * modes, a cause for every miss, and planted coverage gaps.
 */
@Tag("slow")
class RagSharedSetTest {

    @TempDir
    static Path dir;
    static List<Passage> corpus;
    static List<Question> questions;
    static Qrels qrels;
    static Map<Mode, RagResult> results = new LinkedHashMap<>();

    @BeforeAll
    static void indexAndEvaluate() {
        corpus = CorpusFile.read(RagData.corpus());
        questions = QueriesFile.read(RagData.queries());
        qrels = Qrels.read(RagData.qrels());
        RagIndex.build(dir.resolve("full"), "corpus.jsonl", corpus, List.of("text"), Chunking.WHOLE, MiniLm.INSTANCE, Progress.NONE);
        try (RagIndex index = RagIndex.open(dir.resolve("full"))) {
            for (Mode m : Mode.values()) {
                results.put(m, RagEvaluator.evaluate(index, MiniLm.INSTANCE, m, questions, qrels, EvalSettings.defaults(), 42, Progress.NONE));
            }
        }
    }

    @Test
    void vectorsBeatWordsOnFaqHeadingsAndEveryMissHasACause() {
        RetrievalMetrics bm25 = results.get(Mode.BM25).overall();
        RetrievalMetrics vector = results.get(Mode.VECTOR).overall();
        RetrievalMetrics hybrid = results.get(Mode.HYBRID).overall();
        assertThat(vector.recallAt().get(10)).isGreaterThan(0.9);
        assertThat(bm25.recallAt().get(10)).isBetween(0.5, 0.8);
        assertThat(hybrid.recallAt().get(10)).isBetween(bm25.recallAt().get(10), vector.recallAt().get(10));
        assertThat(vector.mrr()).isLessThanOrEqualTo(vector.recallAt().get(10)).isGreaterThan(vector.hitAt().get(1));
        for (RagResult r : results.values()) {
            assertThat(r.overall().questions()).isEqualTo(198);
            assertThat(r.overall().failed()).isEqualTo((int) Math.round(198 * (1 - r.overall().hitAt().get(10))));
            assertThat(r.failures()).allSatisfy(q -> {
                assertThat(q.cause()).isNotNull();
                assertThat(q.firstRank() == 0 || q.firstRank() > 10).isTrue();
            });
            assertThat(r.byMode().keySet()).containsExactly(Mode.BM25, Mode.VECTOR, Mode.HYBRID);
            assertThat(r.bySource().keySet()).containsExactly("pyfaq", "sqlitefaq");
        }
        // BM25's misses that vectors find within 10 are semantic mismatches: most of its misses on headings.
        RagResult words = results.get(Mode.BM25);
        for (QuestionResult q : words.failures()) {
            if (q.cause().tag().equals(Cause.SEMANTIC_MISMATCH)) {
                assertThat((Integer) q.cause().evidence().get("vector_rank")).isBetween(1, 10);
            }
        }
        assertThat(words.causes().get(Cause.SEMANTIC_MISMATCH)).isGreaterThan(words.failures().size() / 2);
        assertThat(words.causes()).doesNotContainKey(Cause.LEXICAL_MISMATCH);
        // The vectors' misses that BM25 finds within 10 are lexical mismatches.
        assertThat(results.get(Mode.VECTOR).failures()).filteredOn(q -> q.cause().tag().equals(Cause.LEXICAL_MISMATCH))
                .isNotEmpty().allSatisfy(q -> assertThat((Integer) q.cause().evidence().get("bm25_rank")).isBetween(1, 10));
        assertThat(results.get(Mode.VECTOR).clusters()).isNotEmpty();
    }

    /**
     * Thirty questions' relevant passages removed from the corpus, qrels kept: at least 90 % of them
     * are coverage gaps, and fewer than 10 % of the other misses are.
     */
    @Test
    void plantedCoverageGapsWithTheirQrelsAreFound() {
        Set<String> planted = planted();
        Set<String> removed = new HashSet<>();
        planted.forEach(q -> removed.addAll(qrels.relevant(q).keySet()));
        List<Passage> reduced = corpus.stream().filter(p -> !removed.contains(p.id())).toList();
        RagIndex.build(dir.resolve("gaps"), "reduced", reduced, List.of("text"), Chunking.WHOLE, MiniLm.INSTANCE, Progress.NONE);
        try (RagIndex index = RagIndex.open(dir.resolve("gaps"))) {
            RagResult r = RagEvaluator.evaluate(index, MiniLm.INSTANCE, Mode.HYBRID, questions, qrels, EvalSettings.defaults(), 42, Progress.NONE);
            long found = r.failures().stream().filter(q -> planted.contains(q.question().qid()) && q.cause().tag().equals(Cause.COVERAGE_GAP)).count();
            List<QuestionResult> others = r.failures().stream().filter(q -> !planted.contains(q.question().qid())).toList();
            long wrong = others.stream().filter(q -> q.cause().tag().equals(Cause.COVERAGE_GAP)).count();
            assertThat(found).isGreaterThanOrEqualTo(27);
            assertThat(wrong).isLessThan(Math.max(1, Math.round(0.1 * others.size())));
        }
    }

    /**
     * The same passages and their near-duplicates (cosine 0.9 or more) removed, and their qrels lines
     * too: only the gap model can find these gaps. Thirty other questions lose their qrels lines
     * but keep their passages: the rule's false alarms are measured on them, the questions it is applied
     * to. Prints the figures and the trade-off over the false-alarm rate, against the nearest-passage
     * similarity threshold calibrated the same way (docs/rag.md reports them).
     */
    @Test
    void plantedCoverageGapsWithoutQrelsByTheGapModel() {
        Set<String> planted = planted();
        Set<String> answerable = answerableWithoutQrels(planted);
        Set<String> removed = new HashSet<>();
        planted.forEach(q -> removed.addAll(qrels.relevant(q).keySet()));
        float[][] all = MiniLm.INSTANCE.embed(corpus.stream().map(Passage::text).toList(), i -> { });
        List<Integer> gone = new ArrayList<>();
        for (int i = 0; i < corpus.size(); i++) {
            if (removed.contains(corpus.get(i).id())) {
                gone.add(i);
            }
        }
        Set<String> nearDuplicates = new HashSet<>();
        for (int i = 0; i < corpus.size(); i++) {
            for (int g : gone) {
                if (i != g && dot(all[i], all[g]) >= 0.9) {
                    nearDuplicates.add(corpus.get(i).id());
                }
            }
        }
        List<Passage> reduced = corpus.stream().filter(p -> !removed.contains(p.id()) && !nearDuplicates.contains(p.id())).toList();
        Map<String, Map<String, Integer>> kept = new LinkedHashMap<>(qrels.byQuestion());
        planted.forEach(kept::remove);
        answerable.forEach(kept::remove);
        RagIndex.build(dir.resolve("gaps2"), "reduced", reduced, List.of("text"), Chunking.WHOLE, MiniLm.INSTANCE, Progress.NONE);
        try (RagIndex index = RagIndex.open(dir.resolve("gaps2"))) {
            RagResult r = RagEvaluator.evaluate(index, MiniLm.INSTANCE, Mode.HYBRID, questions, new Qrels(kept), EvalSettings.defaults(), 42,
                    Progress.NONE);
            long found = r.failures().stream().filter(q -> planted.contains(q.question().qid())).count();
            long falseAlarms = r.failures().stream().filter(q -> answerable.contains(q.question().qid())).count();
            List<QuestionResult> others = r.failures().stream().filter(q -> q.judged()).toList();
            long wrong = others.stream().filter(q -> q.cause().tag().equals(Cause.COVERAGE_GAP)).count();
            System.out.printf("gap model: %d of %d planted gaps found; %d of %d answerable questions without qrels called gaps; "
                            + "%d of %d judged misses called coverage-gap; %s; near-duplicates removed %d%n",
                    found, planted.size(), falseAlarms, answerable.size(), wrong, others.size(), r.threshold(), nearDuplicates.size());
            // Questions without qrels fail by the gap model alone; judged ones never do.
            assertThat(r.failures().stream().filter(q -> !q.judged()))
                    .allSatisfy(q -> assertThat(q.cause().evidence()).containsEntry("rule", "gap model above threshold"));
            assertThat(others).noneMatch(q -> "gap model above threshold".equals(q.cause().evidence().get("rule")));
            assertThat(wrong).isLessThan(Math.max(1, Math.round(0.1 * others.size())));
            assertThat(r.threshold().rule()).startsWith("calibrated: logistic model fitted on 138 judged questions");
            // The target: at least 90 % of the planted gaps found, and fewer than 10 % of the other failures called gaps
            // (judged misses and answerable questions without qrels together); the answerable ones alone are at the
            // 10 % the threshold is set for. The nearest-similarity threshold alone finds 8 and calls 6 of 30.
            assertThat(found).isGreaterThanOrEqualTo((long) Math.ceil(0.9 * planted.size()));
            assertThat(wrong + falseAlarms).isLessThan(Math.round(0.1 * (others.size() + answerable.size())));
            assertThat(falseAlarms).isLessThanOrEqualTo(Math.round(0.1 * answerable.size()));
            // The trade-off over the false-alarm rate the threshold is set for, against the nearest-similarity threshold.
            GapModel model = r.threshold().model();
            Set<String> claimed = new HashSet<>();
            kept.values().forEach(m -> claimed.addAll(m.keySet()));
            Map<String, Double> shares = GapModel.sourceShares(index.passageIds(), claimed, index::source);
            List<LocalRankings> local = LocalRankings.search(index, MiniLm.INSTANCE, questions, 100, Progress.NONE);
            Map<String, Double> probability = new LinkedHashMap<>();
            for (int i = 0; i < questions.size(); i++) {
                probability.put(questions.get(i).qid(), model.probability(GapModel.signals(local.get(i).vectors(), Set.of(), claimed, shares,
                        index::source)));
            }
            RagResult vectors = RagEvaluator.evaluate(index, MiniLm.INSTANCE, Mode.VECTOR, questions, new Qrels(kept), EvalSettings.defaults(),
                    42, Progress.NONE);
            double[] own = vectors.questions().stream().filter(q -> q.judged() && q.firstRank() > 0 && q.firstRank() <= 10)
                    .mapToDouble(q -> q.retrieved().get(q.firstRank() - 1).score()).sorted().toArray();
            for (double rate : new double[] {0.05, 0.10, 0.20, 0.30}) {
                double t = model.threshold(rate);
                long hit = planted.stream().filter(q -> probability.get(q) > t).count();
                long alarm = answerable.stream().filter(q -> probability.get(q) > t).count();
                double s = GapThreshold.quantile(own, rate);
                long hitSim = vectors.questions().stream().filter(q -> planted.contains(q.question().qid()) && q.nearestSimilarity() < s).count();
                long alarmSim = vectors.questions().stream().filter(q -> answerable.contains(q.question().qid()) && q.nearestSimilarity() < s).count();
                System.out.printf("  false-alarm rate %.2f: gap model (threshold %.3f) finds %d of %d planted gaps, calls %d of %d answerable gaps; "
                                + "nearest similarity < %.3f finds %d, calls %d%n", rate, t, hit, planted.size(), alarm, answerable.size(), s, hitSim,
                        alarmSim);
                if (rate == GapModel.FALSE_ALARMS) {
                    assertThat(hit).isEqualTo(found);
                    assertThat(alarm).isEqualTo(falseAlarms);
                    assertThat(hit).isGreaterThan(hitSim);
                }
            }
        }
    }

    /** Vectors against BM25 on the same 198 questions: the gate blocks the worse one, McNemar and the bootstrap agree. */
    @Test
    void compareGatesTheWorseRetriever() {
        RetrieverComparison up = RetrieverComparer.compare(results.get(Mode.BM25), results.get(Mode.VECTOR), 2000, 42);
        assertThat(up.blocked()).isFalse();
        PairedDelta hit = up.overall().get(0);
        assertThat(hit.metric()).isEqualTo("hit@10");
        assertThat(hit.better()).isGreaterThan(hit.worse());
        assertThat(hit.delta()).isCloseTo(0.9495 - 0.6616, org.assertj.core.data.Offset.offset(0.001));
        RetrieverComparison down = RetrieverComparer.compare(results.get(Mode.VECTOR), results.get(Mode.BM25), 2000, 42);
        assertThat(down.blocked()).isTrue();
        assertThat(down.reasons()).hasSize(3).anyMatch(r -> r.startsWith("hit@10 drops")).anyMatch(r -> r.startsWith("mrr drops"));
        assertThat(down.overall()).allSatisfy(d -> assertThat(d.high()).isNegative());
        assertThat(down.bySource().keySet()).containsExactly("pyfaq", "sqlitefaq");
        RetrieverComparison same = RetrieverComparer.compare(results.get(Mode.HYBRID), results.get(Mode.HYBRID), 500, 42);
        assertThat(same.blocked()).isFalse();
        assertThat(same.overall()).allSatisfy(d -> assertThat(d.pValue()).isEqualTo(1.0));
    }

    /** Typos and dropped words break BM25 answers; each broken question is a failure with its perturbed text. */
    @Test
    void perturbedQuestionsLoseAnswers() {
        try (RagIndex index = RagIndex.open(dir.resolve("full"))) {
            List<QuestionPerturbation> ps = List.of(QuestionPerturbation.find("typo"), QuestionPerturbation.find("drop-word"));
            List<PerturbationOutcome> outcomes = RagProber.run(index, MiniLm.INSTANCE, Mode.BM25, questions, qrels, EvalSettings.defaults(), ps,
                    42, Progress.NONE);
            assertThat(outcomes).extracting(PerturbationOutcome::perturbation).containsExactly("typo", "drop-word");
            for (PerturbationOutcome o : outcomes) {
                assertThat(o.answeredBefore()).isEqualTo(131);
                assertThat(o.broken()).isPositive();
                assertThat(o.flipRate()).isBetween(0.01, 0.6);
                assertThat(o.recallAfter()).isCloseTo(o.recallBefore() - (o.broken() - o.fixed()) / 198.0, org.assertj.core.data.Offset.offset(1e-9));
                assertThat(o.brokenQuestions()).allSatisfy(b -> assertThat(b.after().question().question()).isNotEqualTo(b.before().question().question()));
            }
            var failures = RagProber.failures(outcomes, "RUN", 1, Mode.BM25, 10);
            assertThat(failures).hasSize(outcomes.get(0).broken() + outcomes.get(1).broken());
            assertThat(failures).allSatisfy(f -> {
                assertThat(f.origin()).startsWith("probe:rag-");
                assertThat(f.causeTags()).contains(RagProber.SENSITIVE).hasSize(2);
                assertThat(f.perturbation().perturbedInput().get("question")).isNotEqualTo(f.input().get("question"));
            });
            // The same seed gives the same rewrites.
            assertThat(ps.get(0).apply(List.of("Why are Python strings immutable?"), 42))
                    .isEqualTo(ps.get(0).apply(List.of("Why are Python strings immutable?"), 42));
        }
    }

    private static Set<String> planted() {
        List<String> ids = new ArrayList<>(questions.stream().map(Question::qid).toList());
        Collections.shuffle(ids, new Random(17));
        return new HashSet<>(ids.subList(0, 30));
    }

    /** Thirty questions other than the planted ones, whose passages stay in the corpus. */
    private static Set<String> answerableWithoutQrels(Set<String> planted) {
        List<String> ids = new ArrayList<>(questions.stream().map(Question::qid).filter(q -> !planted.contains(q)).toList());
        Collections.shuffle(ids, new Random(18));
        return new HashSet<>(ids.subList(0, 30));
    }

    private static double dot(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
