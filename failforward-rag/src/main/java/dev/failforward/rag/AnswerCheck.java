package dev.failforward.rag;

/**
 * How generated answers are judged: the generator, how many retrieved passages it is given as context
 * ({@code context}), and the token F1 under which an answer does not match its reference ({@code minF1}).
 */
public record AnswerCheck(Generator generator, int context, double minF1) {

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
}
