package dev.failforward.cli;

/**
 * The environment refused what a verb needs (permission, a full disk, a read-only file system, a
 * lock, a file of another kind): exit code {@link ExitCodes#ENVIRONMENT}, one line naming the path.
 */
final class EnvironmentException extends RuntimeException {

    EnvironmentException(String message, Throwable cause) {
        super(message, cause);
    }
}
