package dev.failforward.model.text;

import dev.failforward.model.ModelProvider;
import dev.failforward.model.Trainer;

/**
 * {@code builtin:text-minilm-logistic}: a logistic regression on all-MiniLM-L6-v2 sentence
 * embeddings of a table's one text column — a real, small text classifier that runs offline, for
 * probing text models (typos, negation, name swaps, synonyms).
 */
public final class TextMiniLmProvider implements ModelProvider {

    public static final String ID = "builtin:text-minilm-logistic";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "logistic regression on all-MiniLM-L6-v2 sentence embeddings of the one text column (classification)";
    }

    @Override
    public Trainer trainer() {
        return new TextEmbeddingTrainer(ID);
    }
}
