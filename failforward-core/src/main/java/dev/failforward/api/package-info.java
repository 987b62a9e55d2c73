/**
 * What FailForward promises to Java programs: {@link dev.failforward.api.PublicApi} marks the types
 * they may rely on; the entry point is {@code dev.failforward.FailForward} (module failforward-api).
 */
package dev.failforward.api;
