package dev.failforward.log;

import dev.failforward.api.PublicApi;

/**
 * The durable store of runs and everything found about them: every role of the log in one place
 * (the JDBC log implements it). Writes of one call are one transaction.
 */
@PublicApi
public interface FailureLog extends RunLog, FailureQueries, TriageLog, ProductionLog, ExplanationLog, DetectionLog,
        AutoCloseable {

    /** Where the log is, for messages (secrets redacted). */
    String location();

    @Override
    void close();
}
