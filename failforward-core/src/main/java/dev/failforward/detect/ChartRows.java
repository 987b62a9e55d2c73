package dev.failforward.detect;

import java.util.List;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/** Bars from a detector's measured rows: the first {@value #BARS}, named by one component, sized by another. */
final class ChartRows {

    static final int BARS = 12;

    private ChartRows() {
    }

    /** No chart when there are no rows. */
    static <T> List<DetectorChart> bars(String title, String xLabel, String yLabel, List<T> rows, Function<T, String> name,
                                        ToDoubleFunction<T> value) {
        if (rows.isEmpty()) {
            return List.of();
        }
        List<T> shown = rows.subList(0, Math.min(BARS, rows.size()));
        return List.of(new DetectorChart.Bars(title, xLabel, yLabel, shown.stream().map(name).toList(),
                shown.stream().mapToDouble(value).toArray()));
    }
}
