package dev.failforward.spark;

import dev.failforward.api.PublicApi;
import dev.failforward.session.ScanResult;

import java.util.Map;

/** A Spark scan's result (the same record a local scan gives) and the seconds each phase took, in order. */
@PublicApi
public record SparkScanResult(ScanResult scan, Map<String, Double> timings) {

    public SparkScanResult {
        timings = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(timings));
    }
}
