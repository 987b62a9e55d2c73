package dev.failforward.compare.retrain;

import dev.failforward.data.Table;
import dev.failforward.model.Model;

/** Keeps each candidate: its model (saved where the caller wants it) and the training rows it was trained on. */
@FunctionalInterface
public interface CandidateSink {

    CandidateSink NONE = (strategy, model, training) -> null;

    /** Keeps the candidate of {@code strategy}; returns where its model was saved, or null. */
    String keep(String strategy, Model model, Table training);
}
