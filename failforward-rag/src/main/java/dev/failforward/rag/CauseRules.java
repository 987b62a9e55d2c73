package dev.failforward.rag;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The cause of a failed question, by the first rule that holds (docs/rag.md lists them):
 * <ol>
 * <li>{@code coverage-gap}: none of its relevant passages is in the index;</li>
 * <li>{@code chunking}: a relevant passage was cut into chunks, no chunk is within k, and the whole passage ranks within k;</li>
 * <li>{@code lexical-mismatch} / {@code semantic-mismatch}: BM25 finds it within k and vectors do not, or the reverse;</li>
 * <li>{@code ranking-miss}: otherwise — indexed, and ranked below k.</li>
 * </ol>
 * A question with a judged relevant passage in the index is not a gap in the corpus, whatever its
 * similarities: the rules above decide it. The gap rule ({@code coverage-gap}: the {@link GapModel}
 * calibrated on the judged questions, or a nearest-passage similarity below {@code --gap-threshold})
 * judges the questions without relevant
 * passages in the qrels, which fail by it alone. Without a local index
 * (an external retriever alone) only ranking-miss (the relevant passage came back below k) and
 * not-retrieved remain.
 */
final class CauseRules {

    private final RagIndex index;
    private final Mode mode;
    private final int k;
    private final int depth;
    private final GapThreshold gap;
    private final Set<String> claimed;
    private final Map<String, Double> shares;

    /**
     * {@code index} may be null (external retriever alone); {@code mode} is null for an external retriever;
     * {@code claimed} are the judged questions' relevant passages.
     */
    CauseRules(RagIndex index, Mode mode, int k, int depth, GapThreshold gap, Set<String> claimed) {
        this.index = index;
        this.mode = mode;
        this.k = k;
        this.depth = depth;
        this.gap = gap;
        this.claimed = claimed;
        this.shares = index == null || gap.model() == null ? Map.of() : GapModel.sourceShares(index.passageIds(), claimed, index::source);
    }

    /** The cause of a question that has no relevant passage in the top k. */
    Cause judge(Map<String, Integer> relevant, List<Hit> ranking, LocalRankings local, double nearest, String nearestId) {
        if (relevant.isEmpty()) {
            return gapBySimilarity(local, nearest, nearestId);
        }
        if (index == null) {
            int rank = Scores.firstRank(ranking, relevant);
            return rank > 0 ? rankingMiss(ranking, relevant, rank)
                    : new Cause(Cause.NOT_RETRIEVED, "no relevant passage in the top " + ranking.size() + " of the retriever",
                    Map.of("retrieved", ranking.size()));
        }
        List<String> missing = relevant.keySet().stream().filter(id -> !index.contains(id)).toList();
        if (missing.size() == relevant.size()) {
            return new Cause(Cause.COVERAGE_GAP, "none of its relevant passages (" + String.join(", ", missing) + ") is in the corpus",
                    evidence("rule", "relevant passages missing", "missing", missing));
        }
        Cause chunking = chunking(relevant, ranking, local);
        if (chunking != null) {
            return chunking;
        }
        Cause mismatch = mismatch(relevant, local);
        if (mismatch != null) {
            return mismatch;
        }
        return rankingMiss(ranking, relevant, Scores.firstRank(ranking, relevant));
    }

    private Cause chunking(Map<String, Integer> relevant, List<Hit> ranking, LocalRankings local) {
        if (index.info().chunking().whole() || local == null) {
            return null;
        }
        List<Hit> whole = local.whole(mode == null ? Mode.HYBRID : mode, depth);
        if (whole.isEmpty()) {
            return null;
        }
        for (String id : relevant.keySet()) {
            int pieces = index.chunks(id);
            int wholeRank = Scores.firstRank(whole, Map.of(id, 1));
            if (pieces > 1 && wholeRank > 0 && wholeRank <= k) {
                int chunkRank = Scores.firstRank(ranking, Map.of(id, 1));
                return new Cause(Cause.CHUNKING, id + " was cut into " + pieces + " chunks; its best chunk ranks "
                        + (chunkRank == 0 ? "below " + ranking.size() : "at " + chunkRank) + ", the whole passage would rank at " + wholeRank,
                        evidence("passage", id, "chunks", pieces, "chunk_rank", chunkRank == 0 ? null : chunkRank, "whole_rank", wholeRank));
            }
        }
        return null;
    }

    private Cause mismatch(Map<String, Integer> relevant, LocalRankings local) {
        if (local == null || local.vectors().isEmpty()) {
            return null;
        }
        int words = Scores.firstRank(local.bm25(), relevant);
        int vectors = Scores.firstRank(local.vectors(), relevant);
        boolean wordsFind = words > 0 && words <= k;
        boolean vectorsFind = vectors > 0 && vectors <= k;
        Map<String, Object> evidence = evidence("bm25_rank", words == 0 ? null : words, "vector_rank", vectors == 0 ? null : vectors);
        boolean semantic = vectorsFind && !wordsFind && mode != Mode.VECTOR;
        boolean lexical = wordsFind && !vectorsFind && mode != Mode.BM25;
        if (semantic) {
            return new Cause(Cause.SEMANTIC_MISMATCH, "vectors rank a relevant passage at " + vectors + ", BM25 "
                    + (words == 0 ? "not in its top " + depth : "at " + words), evidence);
        }
        if (lexical) {
            return new Cause(Cause.LEXICAL_MISMATCH, "BM25 ranks a relevant passage at " + words + ", vectors "
                    + (vectors == 0 ? "not in their top " + depth : "at " + vectors), evidence);
        }
        return null;
    }

    private Cause gapBySimilarity(LocalRankings local, double nearest, String nearestId) {
        if (Double.isNaN(nearest) || Double.isNaN(gap.value())) {
            return null;
        }
        if (gap.model() == null) {
            return nearest >= gap.value() ? null : new Cause(Cause.COVERAGE_GAP, String.format(java.util.Locale.ROOT,
                    "its nearest passage (%s) has similarity %.3f, below the threshold %.3f", nearestId, nearest, gap.value()),
                    evidence("rule", "nearest passage below threshold", "nearest", nearestId, "similarity", nearest, "threshold", gap.value()));
        }
        GapModel.Signals s = GapModel.signals(local.vectors(), Set.of(), claimed, shares, index::source);
        double p = gap.model().probability(s);
        if (p <= gap.value()) {
            return null;
        }
        return new Cause(Cause.COVERAGE_GAP, String.format(java.util.Locale.ROOT,
                "the gap model gives %.3f, above its threshold %.3f: nearest passage %s (similarity %.3f), candidate answer %s "
                        + "(%.3f), top-10 mean %.3f, share of relevant passages in the nearest unclaimed passage's source %.2f",
                p, gap.value(), nearestId, nearest, s.candidateId(), s.candidate(), s.top10(), s.sourceShare()),
                evidence("rule", "gap model above threshold", "probability", p, "threshold", gap.value(), "nearest", nearestId,
                        "similarity", nearest, "candidate", s.candidateId(), "candidate_similarity", s.candidate(),
                        "top10_mean", s.top10(), "source_share", s.sourceShare()));
    }

    private Cause rankingMiss(List<Hit> ranking, Map<String, Integer> relevant, int rank) {
        Double kth = ranking.size() >= k ? ranking.get(k - 1).score() : null;
        Double own = rank > 0 ? ranking.get(rank - 1).score() : null;
        Double margin = kth != null && own != null ? kth - own : null;
        String where = rank > 0 ? "at rank " + rank : "below rank " + ranking.size();
        return new Cause(Cause.RANKING_MISS, "a relevant passage is indexed but ranked " + where
                + (margin == null ? "" : String.format(java.util.Locale.ROOT, ", %.4f below the score at rank %d", margin, k)),
                evidence("rank", rank == 0 ? null : rank, "score", own, "kth_score", kth, "margin", margin));
    }

    private static Map<String, Object> evidence(Object... pairs) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            Object v = pairs[i + 1];
            out.put((String) pairs[i], v instanceof List<?> l ? new ArrayList<>(l) : v);
        }
        return out;
    }
}
