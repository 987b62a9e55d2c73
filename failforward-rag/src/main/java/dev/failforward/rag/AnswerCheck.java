package dev.failforward.rag;

/**
 * How generated answers are judged: the generator, how many retrieved passages it is given as context
 * ({@code context}), the token F1 under which an answer does not match its reference ({@code minF1}),
 * and a judge that decides in place of F1 ({@code grader}, null: F1 decides).
 */
public record AnswerCheck(Generator generator, int context, double minF1, AnswerGrader grader) {

    public static final int DEFAULT_CONTEXT = 5;
    public static final double DEFAULT_MIN_F1 = 0.5;

    public AnswerCheck {
        if (context < 1) {
            throw new IllegalArgumentException("--context must be 1 or more");
        }
        if (!(minF1 >= 0 && minF1 <= 1)) {
            throw new IllegalArgumentException("--answer-f1 must be between 0 and 1");
        }
    }

    /** Token F1 decides. */
    public AnswerCheck(Generator generator, int context, double minF1) {
        this(generator, context, minF1, null);
    }
}
