package dev.failforward.failure;

import dev.failforward.api.PublicApi;

import java.util.List;

/**
 * The failure rate per value (category or numeric bin) of one input column, pooled over the runs
 * that recorded how many evaluated rows had each value ({@code rated}); {@code unrecorded} are the
 * selected runs that did not (stored before the log kept these counts, by a verb that does not
 * keep them, without the column, or with it redacted and numeric), whose failures are left out of the rates.
 * {@code groups} come categories by falling rate, bins from low to high, missing last.
 */
@PublicApi
public record ValueRates(String column, List<ValueCount> groups, List<String> rated, List<String> unrecorded) {

    public ValueRates {
        groups = List.copyOf(groups);
        rated = List.copyOf(rated);
        unrecorded = List.copyOf(unrecorded);
    }

    public long rows() {
        return groups.stream().mapToLong(ValueCount::rows).sum();
    }

    public long failures() {
        return groups.stream().mapToLong(ValueCount::failures).sum();
    }

    /** Failures per evaluated row over all groups (the reference the groups are compared with), or null. */
    public Double overallRate() {
        long rows = rows();
        return rows == 0 ? null : (double) failures() / rows;
    }

    /** The label of a group: a numeric bin is closed on the right when it is the highest bin. */
    public String label(ValueCount group) {
        double top = groups.stream().filter(ValueCount::isBin).mapToDouble(ValueCount::high).max().orElse(Double.NaN);
        return group.label(group.isBin() && group.high() == top);
    }
}
