package dev.failforward.scan;

import dev.failforward.api.PublicApi;
import dev.failforward.model.Task;

import java.util.List;

/**
 * What to scan: the target column, the task ({@code null} = infer from the target), the
 * positive class of a binary task ({@code null} = the second label in sorted order), an id
 * column ({@code null} = row index), columns to ignore, the held-out fraction and the seed.
 */
@PublicApi
public record ScanSpec(String target, Task task, String positiveClass, String idColumn, List<String> ignore,
                       double testFraction, long seed) {

    public static final double DEFAULT_TEST_FRACTION = 0.3;
    public static final long DEFAULT_SEED = 42;

    public ScanSpec {
        ignore = List.copyOf(ignore);
        if (!(testFraction > 0 && testFraction < 1)) {
            throw new IllegalArgumentException("the test fraction must be between 0 and 1 (exclusive), got " + testFraction);
        }
    }

    public static ScanSpec of(String target) {
        return new ScanSpec(target, null, null, null, List.of(), DEFAULT_TEST_FRACTION, DEFAULT_SEED);
    }
}
