package dev.failforward.probe.stress;

import dev.failforward.data.Column;
import dev.failforward.data.NumericColumn;
import dev.failforward.data.Table;

import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * A time-ordered split: rows sorted by the time column (numbers by value, anything else by its text, which
 * orders ISO dates correctly); rows before the value at the {@link StressSettings#TIME_TRAIN_SHARE} point
 * train, the rest (equal times stay together) test. Rows without a time take no part.
 */
final class TimeSplit {

    private TimeSplit() {
    }

    static StressSplit split(Table all, String column) {
        Column c = all.column(column);
        Comparator<Integer> order = c instanceof NumericColumn n
                ? Comparator.comparingDouble(n::get)
                : Comparator.comparing(c::text);
        Integer[] timed = IntStream.range(0, c.size()).filter(r -> !c.isMissing(r)).boxed().sorted(order).toArray(Integer[]::new);
        if (timed.length < 2) {
            throw new IllegalArgumentException("time column '" + column + "' has fewer than two values");
        }
        int boundary = timed[(int) Math.floor(timed.length * StressSettings.TIME_TRAIN_SHARE)];
        int[] train = IntStream.range(0, c.size()).filter(r -> !c.isMissing(r) && order.compare(r, boundary) < 0).toArray();
        int[] test = IntStream.range(0, c.size()).filter(r -> !c.isMissing(r) && order.compare(r, boundary) >= 0).toArray();
        return new StressSplit(StressKind.TIME_SPLIT, column, "from " + c.text(boundary), train, test);
    }
}
