package dev.failforward.cli;

/** The command line asks for something that cannot be done; the message says what to do instead. */
public class UsageException extends RuntimeException {

    public UsageException(String message) {
        super(message);
    }
}
