package dev.failforward.compare;

import dev.failforward.report.Charts;
import dev.failforward.report.Markup;
import dev.failforward.report.Palette;
import dev.failforward.report.Series;
import dev.failforward.run.Run;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One metric over the runs of the log, oldest first, so that regular benchmarking shows as a
 * history: the points, and a self-contained HTML page with one line per model.
 */
public record MetricHistory(String metric, List<Point> points) {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);
    private static final String[] COLORS = {Palette.BLUE, Palette.VERMILLION, "#009E73", "#CC79A7", "#E69F00", "#56B4E9", Palette.GREY};

    public MetricHistory {
        points = List.copyOf(points);
    }

    /** One run's value. */
    public record Point(Run run, double value) {
    }

    /** The runs that have {@code metric}, restricted to one model id when {@code model} is not null. */
    public static MetricHistory of(List<Run> runs, String metric, String model) {
        List<Point> out = new ArrayList<>();
        for (Run r : runs) {
            Double v = r.metrics().get(metric);
            if (v != null && (model == null || model.equals(r.modelId()))) {
                out.add(new Point(r, v));
            }
        }
        return new MetricHistory(metric, out);
    }

    /** A page with the metric over time (x: run number in order), one line per model, and the table. */
    public String html(String store) {
        Map<String, List<double[]>> byModel = new LinkedHashMap<>();
        for (int i = 0; i < points.size(); i++) {
            byModel.computeIfAbsent(points.get(i).run().modelId(), k -> new ArrayList<>()).add(new double[] {i + 1, points.get(i).value()});
        }
        List<Series> series = new ArrayList<>();
        int c = 0;
        for (Map.Entry<String, List<double[]>> e : byModel.entrySet()) {
            double[] x = e.getValue().stream().mapToDouble(p -> p[0]).toArray();
            double[] y = e.getValue().stream().mapToDouble(p -> p[1]).toArray();
            series.add(new Series(e.getKey(), x, y, COLORS[c++ % COLORS.length], Series.Mark.LINE_AND_DOTS, List.of()));
        }
        Markup h = new Markup();
        h.raw("<!DOCTYPE html>\n").open("html", "lang", "en").open("head");
        h.empty("meta", "charset", "utf-8");
        h.empty("meta", "http-equiv", "Content-Security-Policy", "content",
                "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'");
        h.element("title", "FailForward · " + metric + " over runs");
        h.open("style").raw("body{font-family:system-ui,sans-serif;margin:24px;color:#111827}table{border-collapse:collapse;font-size:13px}"
                + "th,td{border:1px solid #e5e7eb;padding:3px 8px}td.n{text-align:right}svg.chart{max-width:100%;height:auto}").close();
        h.close().open("body");
        h.element("h1", metric + " over " + points.size() + " runs");
        h.element("p", "Failure log: " + store);
        if (!series.isEmpty()) {
            h.raw(Charts.line(metric + " by run", "run (oldest first)", metric, series));
        }
        h.open("table").open("tr");
        for (String t : List.of("#", "run", "started (UTC)", "kind", "model", "data", metric)) {
            h.element("th", t);
        }
        h.close();
        for (int i = 0; i < points.size(); i++) {
            Point p = points.get(i);
            h.open("tr").element("td", Integer.toString(i + 1), "class", "n").element("td", p.run().id())
                    .element("td", TIME.format(p.run().startedAt())).element("td", p.run().kind()).element("td", p.run().modelId())
                    .element("td", p.run().data()).element("td", String.format(Locale.ROOT, "%.4f", p.value()), "class", "n").close();
        }
        h.close().close().close();
        return h.build() + "\n";
    }
}
