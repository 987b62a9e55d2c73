package dev.failforward.report;

import dev.failforward.explain.Attribution;
import dev.failforward.explain.Explanation;
import dev.failforward.explain.Fidelity;
import dev.failforward.failure.Failure;
import dev.failforward.run.Run;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * {@code explanations.html}: what drives a run's failures, as one self-contained page in the
 * report's style. A global chart contrasts mean |attribution| on failures with that on correct
 * predictions (what the model leans on when it fails); then each of the worst failures gets a
 * bar chart of its attributions. No scripts; every value from data is escaped.
 */
public final class ExplanationsHtml {

    public static final String FILE_NAME = "explanations.html";
    /** Failures that get their own chart, worst (highest loss) first; the rest are listed. */
    static final int CHARTED = 24;
    private static final String CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

    private ExplanationsHtml() {
    }

    public static String render(ExplainedRun x) {
        Run run = x.run();
        Markup h = new Markup();
        h.raw("<!DOCTYPE html>\n").open("html", "lang", "en").open("head");
        h.empty("meta", "charset", "utf-8");
        h.empty("meta", "name", "viewport", "content", "width=device-width, initial-scale=1");
        h.empty("meta", "http-equiv", "Content-Security-Policy", "content", CSP);
        h.element("title", "FailForward explanations · " + run.modelId() + " · run " + run.id());
        h.open("style").raw(css()).close();
        h.close().open("body");
        h.open("header", "class", "top").open("div", "class", "page");
        h.element("div", "FailForward · explanations", "class", "brand");
        h.element("h1", "What drives the failures of " + run.modelId() + " on " + run.data());
        h.open("dl", "class", "facts");
        fact(h, "Run", run.id());
        fact(h, "Method", x.method());
        fact(h, "Failures explained", Format.count(x.byFailure().size()));
        fact(h, "Correct predictions explained", Format.count(x.correct().size()));
        fact(h, "Fidelity", fidelity(x));
        h.close().close().close();
        h.open("main", "class", "page");
        global(h, x);
        perFailure(h, x);
        h.close();
        h.open("footer", "class", "page").text("Made by FailForward. This file is self-contained: it runs no scripts and loads nothing from elsewhere.").close();
        h.close().close();
        return h.build() + "\n";
    }

    private static void global(Markup h, ExplainedRun x) {
        h.open("section", "id", "contrast");
        h.element("h2", "Failures against correct predictions");
        Map<String, Double> onFailures = ExplainedRun.meanAbsolute(x.byFailure().values());
        Map<String, Double> onCorrect = ExplainedRun.meanAbsolute(x.correct());
        List<String> features = new ArrayList<>(onFailures.keySet());
        onCorrect.keySet().stream().filter(f -> !onFailures.containsKey(f)).forEach(features::add);
        features.sort(Comparator.comparingDouble((String f) -> -onFailures.getOrDefault(f, 0.0)).thenComparing(f -> f));
        List<String> top = features.subList(0, Math.min(features.size(), Math.max(x.topFeatures(), 10)));
        String units = units(x);
        if (x.correct().isEmpty()) {
            h.element("p", "Mean |attribution| on the failures. Correct predictions were not explained (the run's data was not available; pass --data).", "class", "lead");
        } else {
            h.element("p", "Mean |attribution| per feature on " + x.byFailure().size() + " failures and on "
                    + x.correct().size() + " correct predictions. A feature whose bar is much longer on failures drives the bad decisions.", "class", "lead");
        }
        double[] f = new double[top.size()];
        double[] c = new double[top.size()];
        for (int i = 0; i < top.size(); i++) {
            f[i] = onFailures.getOrDefault(top.get(i), 0.0);
            c[i] = x.correct().isEmpty() ? Double.NaN : onCorrect.getOrDefault(top.get(i), 0.0);
        }
        h.open("figure", "class", "contrast-chart");
        h.raw(AttributionCharts.contrast("Mean |attribution|: failures vs correct predictions", "mean |attribution| (" + units + ")", top, f, c));
        h.close();
        h.open("div", "class", "scroll").open("table").open("thead").open("tr");
        h.element("th", "Feature").element("th", "On failures", "class", "num").element("th", "On correct", "class", "num")
                .element("th", "Ratio", "class", "num");
        h.close().close().open("tbody");
        for (int i = 0; i < top.size(); i++) {
            h.open("tr").element("td", top.get(i), "class", "label-cell").element("td", Format.number(f[i]), "class", "num")
                    .element("td", Double.isNaN(c[i]) ? "" : Format.number(c[i]), "class", "num")
                    .element("td", Double.isNaN(c[i]) || c[i] == 0 ? "" : Format.number(f[i] / c[i]), "class", "num").close();
        }
        h.close().close().close();
        h.close();
    }

    private static void perFailure(Markup h, ExplainedRun x) {
        h.open("section", "id", "failures");
        h.element("h2", "Failures, one by one");
        List<Failure> explained = x.failures().stream().filter(f -> x.byFailure().containsKey(f.id()))
                .sorted(Comparator.comparingDouble(Failure::loss).reversed().thenComparing(Failure::id)).toList();
        h.element("p", "The " + Math.min(CHARTED, explained.size()) + " worst failures (highest loss) with their top "
                + x.topFeatures() + " attributions: towards the explained class in vermillion, away from it in blue.", "class", "lead");
        h.open("div", "class", "charts");
        for (Failure f : explained.subList(0, Math.min(CHARTED, explained.size()))) {
            Explanation e = x.byFailure().get(f.id()).top(x.topFeatures());
            List<String> labels = new ArrayList<>();
            double[] values = new double[e.attributions().size()];
            for (int i = 0; i < values.length; i++) {
                Attribution a = e.attributions().get(i);
                Object v = f.input().get(a.feature());
                labels.add(a.feature() + (f.input().containsKey(a.feature()) ? " = " + Format.value(v) : ""));
                values[i] = a.value();
            }
            h.open("figure", "class", "failure-chart");
            h.raw(AttributionCharts.signed("Row " + f.rowKey() + ": expected " + f.expected() + ", predicted " + f.predicted(),
                    "attribution to " + (e.output() == null ? "the prediction" : "'" + e.output() + "'") + " (" + e.scale() + ")",
                    labels, values));
            h.element("figcaption", "Failure " + f.id() + " · base " + Format.number(e.baseValue()) + " → "
                    + Format.number(e.value()) + " · " + e.fidelity().measure().replace('_', ' ') + " "
                    + String.format(java.util.Locale.ROOT, "%.2g", e.fidelity().value()));
            h.close();
        }
        h.close();
        TokenHighlights.render(h, explained, x.byFailure(), CHARTED);
        h.close();
    }

    private static String units(ExplainedRun x) {
        return x.byFailure().values().stream().findFirst().map(Explanation::scale).orElse("output");
    }

    private static String fidelity(ExplainedRun x) {
        double worstGap = 0;
        double meanR2 = 0;
        int gaps = 0;
        int r2 = 0;
        for (Explanation e : x.byFailure().values()) {
            if (e.fidelity().measure().equals(Fidelity.ADDITIVITY_GAP)) {
                worstGap = Math.max(worstGap, e.fidelity().value());
                gaps++;
            } else {
                meanR2 += e.fidelity().value();
                r2++;
            }
        }
        List<String> parts = new ArrayList<>();
        if (gaps > 0) {
            parts.add("largest additivity gap " + String.format(java.util.Locale.ROOT, "%.2g", worstGap));
        }
        if (r2 > 0) {
            parts.add("mean surrogate R² " + Format.number(meanR2 / r2));
        }
        return parts.isEmpty() ? "—" : String.join("; ", parts);
    }

    private static void fact(Markup h, String name, String value) {
        h.open("div").element("dt", name).element("dd", value).close();
    }

    private static String css() {
        try (InputStream in = HtmlReport.class.getResourceAsStream("report.css")) {
            if (in == null) {
                throw new IllegalStateException("missing resource report.css next to " + HtmlReport.class.getName());
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
