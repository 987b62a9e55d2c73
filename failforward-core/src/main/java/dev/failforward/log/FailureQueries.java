package dev.failforward.log;

import dev.failforward.failure.Failure;
import dev.failforward.failure.FailureFilter;
import dev.failforward.failure.LoggedFailure;
import dev.failforward.failure.StatDimension;
import dev.failforward.failure.StatRow;
import dev.failforward.failure.ValueRates;

import java.util.List;
import java.util.Optional;

/** Reading failures back: one filter ({@link FailureFilter}) for lists and counts, plus statistics. */
public interface FailureQueries {

    /** Failures matching the filter, with their recurrence and triage state, in the filter's order. */
    List<LoggedFailure> find(FailureFilter filter);

    /** The failures alone, as {@link #find} selects and orders them (cheaper: no recurrence or triage). */
    List<Failure> failures(FailureFilter filter);

    /** How many failures match the filter, ignoring its limit. */
    long count(FailureFilter filter);

    /** One failure by its id. */
    Optional<LoggedFailure> failure(String id);

    /** Every failure with this fingerprint, in all runs, oldest run first: the failure's history. */
    List<LoggedFailure> history(String fingerprint);

    /**
     * Where failures concentrate: counts per value of an input column (numbers in bins), per
     * cause tag, per origin, or per run, of one run ({@code null} = all runs).
     */
    List<StatRow> stats(String runId, StatDimension by, String column);

    /**
     * The failure rate per value (category or bin) of an input column, of one complete run
     * ({@code null} = pooled over all), from the counts stored with each run; runs without them are named.
     */
    ValueRates rates(String runId, String column);
}
