package dev.failforward.rag;

import dev.failforward.progress.Progress;

import java.util.List;

/** Decides whether a generated answer matches its reference: a judge in place of the token-F1 rule. */
public interface AnswerGrader {

    /** How reports name it (an endpoint URL, ...). */
    String id();

    /** One verdict per answer, in order: true when it matches the reference, false when not, null when no verdict came. */
    List<Boolean> grade(List<Graded> answers, Progress progress);

    /** A question, its reference answer and the answer generated for it. */
    record Graded(String qid, String question, String reference, String answer) {
    }
}
