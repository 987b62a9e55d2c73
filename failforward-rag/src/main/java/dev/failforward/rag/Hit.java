package dev.failforward.rag;

/** One retrieved passage and its score (higher is better; scores of different modes do not compare). */
public record Hit(String id, double score) {
}
