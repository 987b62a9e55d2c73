package dev.failforward.store;

import dev.failforward.run.Secrets;

/**
 * The failure log could not be opened, read or written. The message is one line a user can act
 * on: where the log is (secrets redacted), then what went wrong; the cause is kept for
 * {@code --debug}.
 */
public class StoreException extends RuntimeException {

    public StoreException(String message) {
        super(message);
    }

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }

    /** A cause's message on one line with any password redacted, for appending to ours. */
    static String oneLine(Throwable e) {
        String m = e.getMessage() == null || e.getMessage().isBlank() ? e.getClass().getSimpleName() : e.getMessage();
        return Secrets.redact(m.strip().replaceAll("\\s*\\R\\s*", " "));
    }
}
