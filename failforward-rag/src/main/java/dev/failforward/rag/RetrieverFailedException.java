package dev.failforward.rag;

/**
 * A retriever behind HTTP failed for good: it answered what FailForward cannot read (not JSON, or
 * JSON of another shape than the retriever contract), or left questions unanswered where a result
 * needs them all. The retriever under test failed, not FailForward and not the user's files; the
 * message names its URL and what it answered.
 */
public class RetrieverFailedException extends RuntimeException {

    public RetrieverFailedException(String message) {
        super(message);
    }
}
