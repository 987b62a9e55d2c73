/**
 * {@code http://…} and {@code https://…}: models served over HTTP, with the Open Inference Protocol
 * (KServe v2) or MLflow's {@code /invocations}; batched, concurrent, with timeouts and retries.
 */
package dev.failforward.model.http;
