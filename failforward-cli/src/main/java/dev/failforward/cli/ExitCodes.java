package dev.failforward.cli;

/** The exit codes every verb shares. */
public final class ExitCodes {

    /** Done, nothing to report. */
    public static final int OK = 0;
    /** Done, but {@code --fail-on} or a gate policy says the result fails. */
    public static final int FAILED_CHECK = 1;
    /** Bad input or usage; nothing was written. */
    public static final int BAD_INPUT = 2;
    /** Completed, but a part (a detector, probe or explainer) failed and is reported as an error. */
    public static final int PART_FAILED = 3;
    /** An unexpected internal error: a bug in FailForward. */
    public static final int INTERNAL_ERROR = 4;
    /** The environment refused: permission, full disk, read-only file system, a lock, or a file of another kind. */
    public static final int ENVIRONMENT = 5;

    private ExitCodes() {
    }
}
