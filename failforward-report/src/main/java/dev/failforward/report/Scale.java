package dev.failforward.report;

import java.util.ArrayList;
import java.util.List;

/**
 * A linear map from data values to drawing coordinates, with a domain widened to round tick
 * values (1, 2 or 5 times a power of ten) so that axes read easily.
 */
record Scale(double min, double max, double step, double from, double to) {

    /** A scale over {@code [lo, hi]} with about {@code ticks} round ticks, drawn from {@code from} to {@code to}. */
    static Scale nice(double lo, double hi, int ticks, double from, double to) {
        if (!Double.isFinite(lo) || !Double.isFinite(hi)) {
            lo = 0;
            hi = 1;
        }
        if (lo > hi) {
            double t = lo;
            lo = hi;
            hi = t;
        }
        if (lo == hi) {
            double pad = lo == 0 ? 1 : Math.abs(lo) * 0.1;
            lo -= pad;
            hi += pad;
        }
        double step = niceStep((hi - lo) / Math.max(1, ticks));
        double min = Math.floor(lo / step + 1e-9) * step;
        double max = Math.ceil(hi / step - 1e-9) * step;
        return new Scale(min, max, step, from, to);
    }

    double map(double v) {
        return from + (v - min) / (max - min) * (to - from);
    }

    List<Double> ticks() {
        List<Double> out = new ArrayList<>();
        long n = Math.round((max - min) / step);
        for (long i = 0; i <= n; i++) {
            double v = min + i * step;
            // Snap values like 0.30000000000000004 to the tick they stand for.
            out.add(Math.abs(v) < step * 1e-9 ? 0.0 : Double.parseDouble(String.format(java.util.Locale.ROOT, "%.12g", v)));
        }
        return out;
    }

    static double niceStep(double raw) {
        if (!(raw > 0) || !Double.isFinite(raw)) {
            return 1;
        }
        double power = Math.pow(10, Math.floor(Math.log10(raw)));
        double fraction = raw / power;
        double nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10;
        return nice * power;
    }
}
