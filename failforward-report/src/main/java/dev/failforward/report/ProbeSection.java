package dev.failforward.report;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * An extra part of a probe run's report: a key and value added to report.json and an HTML section
 * added to report.html, so that optional probe families (adversarial search, stress splits) plug in
 * without the probe report knowing them.
 */
public record ProbeSection(String jsonKey, JsonNode json, String html) {
}
