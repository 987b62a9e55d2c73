package dev.failforward.probe;

/**
 * What a probe expects of the model on each perturbed row, after CheckList's test types.
 * {@link Kind#INVARIANT} (INV): the prediction must not change — a classification row fails when
 * its predicted class flips. {@link Kind#UP} and {@link Kind#DOWN} (DIR): the output must not move
 * against the declared direction by more than {@code tolerance} — the output being the probability
 * of {@code outputClass} (null: the positive class of a binary task) or, for regression, the value.
 * A negative tolerance on a DIR expectation asks more: the output must move at least that far in
 * the declared direction (negation must lower a positive sentence's probability, not leave it).
 */
public record Expectation(Kind kind, String outputClass, double tolerance) {

    public enum Kind { INVARIANT, UP, DOWN }

    public Expectation {
        if (kind == null) {
            throw new IllegalArgumentException("an expectation needs a kind: invariant, up or down");
        }
        if (kind == Kind.INVARIANT ? !(tolerance >= 0) : !Double.isFinite(tolerance)) {
            throw new IllegalArgumentException("an expectation's tolerance must be " + (kind == Kind.INVARIANT
                    ? ">= 0" : "a number (negative: the least move in the declared direction)") + ", got " + tolerance);
        }
    }

    public static Expectation invariant() {
        return new Expectation(Kind.INVARIANT, null, 0);
    }

    /** DIR: the output must not fall by more than {@code tolerance}. */
    public static Expectation up(String outputClass, double tolerance) {
        return new Expectation(Kind.UP, outputClass, tolerance);
    }

    /** DIR: the output must not rise by more than {@code tolerance}. */
    public static Expectation down(String outputClass, double tolerance) {
        return new Expectation(Kind.DOWN, outputClass, tolerance);
    }

    /** Whether moving the output from {@code before} to {@code after} breaks a directional expectation. */
    boolean violatedBy(double before, double after) {
        return switch (kind) {
            case INVARIANT -> false;
            case UP -> after < before - tolerance;
            case DOWN -> after > before + tolerance;
        };
    }

    /** The name used in reports and probe parameters: {@code INV}, {@code DIR up}, {@code DIR down}. */
    public String label() {
        return switch (kind) {
            case INVARIANT -> "INV";
            case UP -> "DIR up";
            case DOWN -> "DIR down";
        };
    }
}
