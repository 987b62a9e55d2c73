package dev.failforward.rag;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Why a question failed: one tag, and the evidence the rule that chose it measured (ranks, scores,
 * similarities, chunk counts), as names and values for the report and the log.
 */
public record Cause(String tag, String explanation, Map<String, Object> evidence) {

    /** No relevant passage in the corpus, or none close to the question: the corpus lacks the answer. */
    public static final String COVERAGE_GAP = "coverage-gap";
    /** A relevant passage is indexed but ranked below k. */
    public static final String RANKING_MISS = "ranking-miss";
    /** BM25 finds it within k and vectors do not: the passage matches the question's words, not its embedding. */
    public static final String LEXICAL_MISMATCH = "lexical-mismatch";
    /** Vectors find it within k and BM25 does not: the passage matches the question's meaning, not its words. */
    public static final String SEMANTIC_MISMATCH = "semantic-mismatch";
    /** The relevant passage was cut into chunks and no chunk ranks within k, while the whole passage would. */
    public static final String CHUNKING = "chunking";
    /** The retrieved context held the relevant passage, but the generated answer does not match the reference. */
    public static final String GENERATOR = "generator";
    /** An external retriever missed it and no local index was given to tell a gap from a ranking miss. */
    public static final String NOT_RETRIEVED = "not-retrieved";

    public Cause {
        evidence = Collections.unmodifiableMap(new LinkedHashMap<>(evidence));
    }

    /** What to do about a cause, for the report. */
    public static String advice(String tag) {
        return switch (tag) {
            case COVERAGE_GAP -> "Add passages that answer these questions to the corpus (or check the qrels name passages that exist).";
            case RANKING_MISS -> "The answer is indexed but ranked too low: tune the ranking (hybrid, a re-ranker, field boosts) or raise k.";
            case LEXICAL_MISMATCH -> "Only the words match: use BM25 or hybrid retrieval, or another embedder.";
            case SEMANTIC_MISMATCH -> "Users word it differently from the corpus: use vectors or hybrid retrieval, or add synonyms to BM25.";
            case CHUNKING -> "The answer was split across chunks: use larger chunks, more overlap, or split at section boundaries.";
            case GENERATOR -> "Retrieval was right; the answer was not: check the prompt and the generator.";
            case NOT_RETRIEVED -> "Evaluate with --index on the same corpus to tell a coverage gap from a ranking miss.";
            default -> "";
        };
    }
}
