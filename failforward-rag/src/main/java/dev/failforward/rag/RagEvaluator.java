package dev.failforward.rag;

import dev.failforward.progress.Progress;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Evaluates a retriever on questions with known relevant passages and diagnoses each question it misses. */
public final class RagEvaluator {

    private RagEvaluator() {
    }

    /** A local index in one mode; the other modes are measured on the same questions for comparison. */
    public static RagResult evaluate(RagIndex index, Embedder embedder, Mode mode, List<Question> questions, Qrels qrels,
                                     EvalSettings settings, long seed, Progress progress) {
        return evaluate(index, embedder, mode, questions, qrels, settings, null, seed, progress);
    }

    /** The same, and with {@code answers} (may be null) the generator's answers judged against the reference answers. */
    public static RagResult evaluate(RagIndex index, Embedder embedder, Mode mode, List<Question> questions, Qrels qrels,
                                     EvalSettings settings, AnswerCheck answers, long seed, Progress progress) {
        if (mode != Mode.BM25 && !index.info().hasVectors()) {
            throw new IllegalArgumentException(index.folder() + " was indexed without vectors; --mode " + mode.id() + " needs them");
        }
        List<LocalRankings> local = LocalRankings.search(index, embedder, questions, settings.depth(), progress);
        List<List<Hit>> rankings = local.stream().map(r -> r.of(mode, settings.depth())).toList();
        return judge(mode.id() + " on " + index.folder(), mode, index, local, rankings, questions, qrels, settings, answers, seed, progress);
    }

    /**
     * An external retriever; with a local {@code index} of the same corpus (may be null) its misses are
     * diagnosed against the local rankings too.
     */
    public static RagResult evaluate(Retriever retriever, RagIndex index, Embedder embedder, List<Question> questions, Qrels qrels,
                                     EvalSettings settings, long seed, Progress progress) {
        return evaluate(retriever, index, embedder, questions, qrels, settings, null, seed, progress);
    }

    /** The same, and with {@code answers} (may be null; needs {@code index} for the passages' text) the generator judged too. */
    public static RagResult evaluate(Retriever retriever, RagIndex index, Embedder embedder, List<Question> questions, Qrels qrels,
                                     EvalSettings settings, AnswerCheck answers, long seed, Progress progress) {
        if (answers != null && index == null) {
            throw new IllegalArgumentException("--generator needs --index DIR on the same corpus: the passages' text comes from the index");
        }
        List<List<Hit>> rankings = retriever.retrieve(questions, settings.depth(), progress);
        List<LocalRankings> local = index == null ? null : LocalRankings.search(index, embedder, questions, settings.depth(), progress);
        return judge(retriever.id(), null, index, local, rankings, questions, qrels, settings, answers, seed, progress);
    }

    private static RagResult judge(String retriever, Mode mode, RagIndex index, List<LocalRankings> local, List<List<Hit>> rankings,
                                   List<Question> questions, Qrels qrels, EvalSettings settings, AnswerCheck answers, long seed,
                                   Progress progress) {
        List<Integer> cutoffs = settings.cutoffs();
        Map<Mode, RetrievalMetrics> byMode = new LinkedHashMap<>();
        if (local != null) {
            for (Mode m : Mode.values()) {
                if (m == Mode.BM25 || index.info().hasVectors()) {
                    List<QuestionResult> scored = new ArrayList<>();
                    for (int i = 0; i < questions.size(); i++) {
                        scored.add(score(questions.get(i), qrels, local.get(i).of(m, settings.depth()), local.get(i), settings, cutoffs));
                    }
                    byMode.put(m, RetrievalMetrics.of(scored, cutoffs));
                }
            }
        }
        List<QuestionResult> scored = new ArrayList<>();
        for (int i = 0; i < questions.size(); i++) {
            scored.add(score(questions.get(i), qrels, rankings.get(i), local == null ? null : local.get(i), settings, cutoffs));
        }
        Set<String> claimed = new HashSet<>();
        questions.forEach(q -> claimed.addAll(qrels.relevant(q.qid()).keySet()));
        GapThreshold threshold = threshold(settings, index, local, questions, qrels);
        CauseRules rules = new CauseRules(index, mode, settings.failAt(), settings.depth(), threshold, claimed);
        List<QuestionResult> results = new ArrayList<>();
        for (int i = 0; i < scored.size(); i++) {
            QuestionResult r = scored.get(i);
            boolean missed = !r.judged() || !r.hitAt().get(settings.failAt());
            Cause cause = missed ? rules.judge(r.relevant(), r.retrieved(), local == null ? null : local.get(i),
                    r.nearestSimilarity(), r.nearestPassage()) : null;
            // An unjudged question fails only when the corpus seems not to cover it.
            results.add(r.withCause(cause != null, cause));
        }
        if (answers != null) {
            results = AnswerJudge.apply(results, answers, index::text, progress);
        }
        RetrievalMetrics overall = RetrievalMetrics.of(results, cutoffs);
        Map<String, List<QuestionResult>> groups = new java.util.TreeMap<>();
        results.forEach(r -> groups.computeIfAbsent(r.question().source() == null ? "(none)" : r.question().source(),
                s -> new ArrayList<>()).add(r));
        Map<String, RetrievalMetrics> bySource = new LinkedHashMap<>();
        groups.forEach((s, rs) -> bySource.put(s, RetrievalMetrics.of(rs, cutoffs)));
        List<FailureCluster> clusters = local == null || !index.info().hasVectors() ? List.of()
                : FailureClusters.of(results, local, questions, index, seed);
        return new RagResult(retriever, mode, index == null ? null : index.info(), settings, threshold, overall, bySource, byMode,
                results, clusters);
    }

    private static QuestionResult score(Question q, Qrels qrels, List<Hit> ranking, LocalRankings local, EvalSettings settings,
                                        List<Integer> cutoffs) {
        Map<String, Integer> relevant = qrels.relevant(q.qid());
        int first = Scores.firstRank(ranking, relevant);
        double nearest = Double.NaN;
        String nearestId = null;
        if (local != null && !local.vectors().isEmpty()) {
            nearest = local.vectors().get(0).score();
            nearestId = local.vectors().get(0).id();
        }
        return new QuestionResult(q, relevant, ranking, first, Scores.hitAt(first, cutoffs), Scores.recallAt(ranking, relevant, cutoffs),
                first == 0 ? 0 : 1.0 / first, Scores.ndcg(ranking, relevant, 10), nearest, nearestId, !relevant.isEmpty(), false, null, null);
    }

    /**
     * The given similarity, or the gap model fitted on the judged questions whose relevant passages are
     * indexed: each one's vector ranking as it is, and without its relevant passages and their near-duplicates.
     */
    private static GapThreshold threshold(EvalSettings settings, RagIndex index, List<LocalRankings> local, List<Question> questions,
                                          Qrels qrels) {
        if (Double.isFinite(settings.gapThreshold())) {
            return GapThreshold.given(settings.gapThreshold());
        }
        if (local == null || local.isEmpty() || local.get(0).vector() == null) {
            return GapThreshold.off("off: no local index with vectors");
        }
        GapModel.Examples examples = GapModel.examples(index, local, questions, qrels);
        return GapThreshold.calibrated(GapModel.fit(examples.present(), examples.removed()), examples.present().size());
    }
}
