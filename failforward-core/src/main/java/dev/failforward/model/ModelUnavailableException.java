package dev.failforward.model;

/**
 * A model that could not be reached for good (an endpoint that kept failing, timed out or went away),
 * as opposed to bad input: the scan stops, its run stays incomplete, and the message says what the
 * model answered last.
 */
public class ModelUnavailableException extends RuntimeException {

    public ModelUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
