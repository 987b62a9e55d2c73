package dev.failforward.detect;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Bars from a detector's list of measured rows: the first {@value #BARS}, named by one key, sized by another. */
final class ChartRows {

    static final int BARS = 12;

    private ChartRows() {
    }

    /** No chart when there are no rows; the first {@value #BARS} rows, named by {@code name}, sized by {@code value}. */
    static <T> List<DetectorChart> bars(String title, String xLabel, String yLabel, List<T> rows,
                                        java.util.function.Function<T, String> name, java.util.function.ToDoubleFunction<T> value) {
        if (rows.isEmpty()) {
            return List.of();
        }
        List<T> shown = rows.subList(0, Math.min(BARS, rows.size()));
        return List.of(new DetectorChart.Bars(title, xLabel, yLabel, shown.stream().map(name).toList(),
                shown.stream().mapToDouble(value).toArray()));
    }

    /** No chart when there are no rows; a value that is not a number is drawn as no bar. */
    @SuppressWarnings("unchecked")
    static List<DetectorChart> bars(String title, String xLabel, String yLabel, Object rows, String nameKey, String valueKey) {
        List<Map<String, Object>> all = rows instanceof List<?> list ? (List<Map<String, Object>>) list : List.of();
        if (all.isEmpty()) {
            return List.of();
        }
        List<Map<String, Object>> shown = all.subList(0, Math.min(BARS, all.size()));
        List<String> names = new ArrayList<>();
        double[] values = new double[shown.size()];
        for (int i = 0; i < shown.size(); i++) {
            names.add(String.valueOf(shown.get(i).get(nameKey)));
            values[i] = shown.get(i).get(valueKey) instanceof Number n ? n.doubleValue() : Double.NaN;
        }
        return List.of(new DetectorChart.Bars(title, xLabel, yLabel, names, values));
    }

    /** Bars from typed rows: the first {@value #BARS}, named by {@code name}, sized by {@code value}; none without rows. */
    static <T> List<DetectorChart> bars(String title, String xLabel, String yLabel, List<T> rows,
                                        java.util.function.Function<T, String> name,
                                        java.util.function.ToDoubleFunction<T> value) {
        if (rows.isEmpty()) {
            return List.of();
        }
        List<T> shown = rows.subList(0, Math.min(BARS, rows.size()));
        return List.of(new DetectorChart.Bars(title, xLabel, yLabel, shown.stream().map(name).toList(),
                shown.stream().mapToDouble(value).toArray()));
    }
}
