package dev.failforward.rag;

import dev.failforward.progress.Progress;

import java.util.List;

/** What is evaluated: questions in, a ranked list of passage ids with scores out for each. */
public interface Retriever {

    /** How the run names it: {@code bm25 on idx}, an endpoint URL, ... */
    String id();

    /** One ranking per question, in order, each best first and at most {@code depth} long. */
    List<List<Hit>> retrieve(List<Question> questions, int depth, Progress progress);
}
