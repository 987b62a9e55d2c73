package dev.failforward.store;

/**
 * The environment refused the failure log: no permission, a full disk, a read-only file system, a
 * lock held by another process, a server out of reach, or a file that is not a store. Nothing in
 * FailForward is wrong; the message names the store and the cause in plain words.
 */
public class StoreRefusedException extends StoreException {

    public StoreRefusedException(String message) {
        super(message);
    }

    public StoreRefusedException(String message, Throwable cause) {
        super(message, cause);
    }
}
