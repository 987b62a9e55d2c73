package dev.failforward.model.http;

import java.time.Duration;
import java.util.Map;

/**
 * How FailForward calls an endpoint: rows per request, requests in flight at once, how long one
 * request may take, and how many times a failed request (429, 5xx, timeout, connection error) is
 * tried again, waiting {@code backoff × 2^attempt} in between.
 */
record EndpointSettings(int batchSize, int concurrency, Duration timeout, int retries, Duration backoff) {

    static final int BATCH_SIZE = 256;
    static final int CONCURRENCY = 4;
    static final double TIMEOUT_SECONDS = 30;
    static final int RETRIES = 4;
    static final Duration BACKOFF = Duration.ofMillis(200);

    static EndpointSettings of(Map<String, Double> given) {
        return new EndpointSettings(given.getOrDefault("batch_size", (double) BATCH_SIZE).intValue(),
                given.getOrDefault("concurrency", (double) CONCURRENCY).intValue(),
                Duration.ofMillis(Math.round(1000 * given.getOrDefault("timeout_seconds", TIMEOUT_SECONDS))),
                given.getOrDefault("retries", (double) RETRIES).intValue(), BACKOFF);
    }
}
