package dev.failforward.store;

import dev.failforward.failure.ValueCount;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Numeric bins of runs with different edges pool into the bins every run's bins nest in. */
class RunValuePoolingTest {

    private static ValueCount bin(double low, double high, long rows, long failures) {
        return new ValueCount("x", null, low, high, rows, failures);
    }

    @Test
    void runsWithTheSameEdgesPoolBinByBin() {
        List<ValueCount> pooled = RunValueRows.pool("x", List.of(
                List.of(bin(0, 10, 5, 1), bin(10, 20, 5, 2)), List.of(bin(0, 10, 3, 3), bin(10, 20, 7, 0))));
        assertThat(pooled).containsExactlyInAnyOrder(bin(0, 10, 8, 4), bin(10, 20, 12, 2));
    }

    @Test
    void runsWithDifferentEdgesPoolOverTheEdgesTheyShare() {
        List<ValueCount> pooled = RunValueRows.pool("x", List.of(
                List.of(bin(0, 10, 5, 1), bin(10, 20, 5, 2), bin(20, 30, 4, 4)),
                List.of(bin(1, 10, 3, 3), bin(10, 25, 7, 0), bin(25, 31, 2, 1))));
        assertThat(pooled).containsExactly(bin(0, 10, 8, 4), bin(10, 31, 18, 7));
    }
}
