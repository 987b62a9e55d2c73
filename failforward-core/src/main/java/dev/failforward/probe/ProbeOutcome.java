package dev.failforward.probe;

import dev.failforward.failure.Failure;

import java.util.List;

/** All probe results of a run and the failures they provoked. */
public record ProbeOutcome(List<ProbeResult> results, List<Failure> failures) {
}
