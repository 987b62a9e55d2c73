package dev.failforward.report;

import dev.failforward.explain.Attribution;
import dev.failforward.explain.AttributionContrast;
import dev.failforward.explain.Explanation;
import dev.failforward.failure.Failure;
import dev.failforward.session.ScanResult;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The HTML section "Explanations" of a report, drawn from explanations stored by
 * {@code failforward explain}: mean |attribution| on failures against correct predictions over all
 * rows ("what drives the failures"), the same contrast inside each weak slice ("what drives the
 * failures here"), a bar chart per worst failure, and text inputs with each word highlighted by
 * its attribution. Every value from data goes through {@link Markup} or {@link Svg}, which escape it.
 */
public final class ExplanationSection {

    /** Features in the overall contrast chart. */
    static final int CONTRAST_FEATURES = 12;
    /** Features in each slice's contrast chart. */
    static final int SLICE_FEATURES = 6;
    /** Failures that get their own chart, worst (highest loss) first. */
    static final int CHARTED = 12;
    /** Attributions per failure chart. */
    static final int FAILURE_FEATURES = 10;

    private ExplanationSection() {
    }

    /** Renders one section for all methods; nothing when the run has no stored explanations. */
    static void render(Markup h, ScanResult result, List<RunExplanations> explanations) {
        if (explanations.isEmpty()) {
            return;
        }
        h.open("section", "aria-labelledby", "explanations");
        h.element("h2", "Explanations", "id", "explanations");
        h.element("p", "Attributions stored by failforward explain: how much each input column moved the model's output "
                + "for a row away from what it outputs on average.", "class", "lead");
        for (RunExplanations x : explanations) {
            method(h, result, x);
        }
        h.close();
    }

    private static void method(Markup h, ScanResult result, RunExplanations x) {
        h.open("div", "class", "panel explanation", "id", "explanations-" + x.method());
        h.element("h3", "Method " + x.method());
        AttributionContrast.Group overall = x.contrast() == null ? null : x.contrast().overall().orElse(null);
        String scale = x.contrast() != null ? x.contrast().scale()
                : x.byFailure().values().stream().findFirst().map(Explanation::scale).orElse("output");
        if (overall == null) {
            overall = AttributionContrast.Group.of(null, result.predictions().size(), result.failures().size(),
                    x.byFailure().values(), List.of());
        }
        h.element("h4", "Failures against correct predictions");
        h.element("p", overall.correctExplained() == 0
                ? "Mean |attribution| on " + overall.failuresExplained() + " explained failures; no correct predictions were explained "
                + "(explain with --data to contrast them)."
                : "Mean |attribution| on " + overall.failuresExplained() + " failures and on " + overall.correctExplained()
                + " correct predictions. A feature whose bar is much longer on failures drives the bad decisions.", "class", "lead");
        h.open("div", "class", "charts");
        contrast(h, overall, "All rows", scale, CONTRAST_FEATURES, true);
        h.close();
        List<AttributionContrast.Group> slices = x.contrast() == null ? List.of() : x.contrast().slices();
        if (!slices.isEmpty()) {
            h.element("h4", "Inside each weak slice");
            h.element("p", "The slices where failures concentrate (as the weak-slice detector finds them), each with mean "
                    + "|attribution| on its failures against its correct predictions: what drives the failures there.", "class", "lead");
            h.open("div", "class", "charts");
            for (AttributionContrast.Group g : slices) {
                contrast(h, g, g.slice(), scale, SLICE_FEATURES, false);
            }
            h.close();
        }
        perFailure(h, result.failures(), x);
        TokenHighlights.render(h, result.failures(), x.byFailure(), CHARTED);
        h.close();
    }

    /** One contrast figure for a group, the features ranked by mean |attribution| on its failures. */
    private static void contrast(Markup h, AttributionContrast.Group g, String title, String scale, int limit, boolean table) {
        List<String> features = ranked(g.onFailures(), g.onCorrect());
        List<String> top = features.subList(0, Math.min(features.size(), limit));
        double[] f = new double[top.size()];
        double[] c = new double[top.size()];
        for (int i = 0; i < top.size(); i++) {
            f[i] = g.onFailures().getOrDefault(top.get(i), 0.0);
            c[i] = g.correctExplained() == 0 ? Double.NaN : g.onCorrect().getOrDefault(top.get(i), 0.0);
        }
        h.open("figure", "class", g.overall() ? "contrast-chart" : "contrast-chart slice");
        h.raw(AttributionCharts.contrast(title, "mean |attribution| (" + scale + ")", top, f, c));
        h.element("figcaption", (g.overall() ? "All rows" : "Slice " + g.slice()) + ": " + Format.count(g.errors()) + " of "
                + Format.count(g.size()) + " rows failed; explained " + Format.count(g.failuresExplained()) + " failures and "
                + Format.count(g.correctExplained()) + " correct predictions.");
        h.close();
        if (table) {
            h.open("div", "class", "scroll").open("table").open("thead").open("tr");
            h.element("th", "Feature").element("th", "On failures", "class", "num").element("th", "On correct", "class", "num")
                    .element("th", "Ratio", "class", "num");
            h.close().close().open("tbody");
            for (int i = 0; i < top.size(); i++) {
                h.open("tr").element("td", top.get(i), "class", "label-cell").element("td", Format.number(f[i]), "class", "num")
                        .element("td", Double.isNaN(c[i]) ? "—" : Format.number(c[i]), "class", "num")
                        .element("td", Double.isNaN(c[i]) || c[i] == 0 ? "—" : Format.number(f[i] / c[i]), "class", "num").close();
            }
            h.close().close().close();
        }
    }

    static List<String> ranked(Map<String, Double> onFailures, Map<String, Double> onCorrect) {
        List<String> features = new ArrayList<>(onFailures.keySet());
        onCorrect.keySet().stream().filter(f -> !onFailures.containsKey(f)).forEach(features::add);
        features.sort(Comparator.comparingDouble((String f) -> -onFailures.getOrDefault(f, 0.0))
                .thenComparingDouble(f -> -onCorrect.getOrDefault(f, 0.0)).thenComparing(f -> f));
        return features;
    }

    private static void perFailure(Markup h, List<Failure> failures, RunExplanations x) {
        List<Failure> explained = failures.stream().filter(f -> x.byFailure().containsKey(f.id()))
                .sorted(Comparator.comparingDouble(Failure::loss).reversed().thenComparing(Failure::id)).toList();
        if (explained.isEmpty()) {
            return;
        }
        List<Failure> charted = explained.subList(0, Math.min(CHARTED, explained.size()));
        h.element("h4", "Failures, one by one");
        h.element("p", "The " + charted.size() + " worst explained failures (highest loss) with their top " + FAILURE_FEATURES
                + " attributions: towards the explained class in vermillion, away from it in blue.", "class", "lead");
        h.open("div", "class", "charts");
        for (Failure f : charted) {
            h.open("figure", "class", "failure-chart");
            Explanation e = x.byFailure().get(f.id());
            h.raw(failureChart(f, e, FAILURE_FEATURES));
            h.element("figcaption", "Failure " + f.id() + " · base " + Format.number(e.baseValue()) + " → "
                    + Format.number(e.value()) + " · " + e.fidelity().measure().replace('_', ' ') + " "
                    + String.format(Locale.ROOT, "%.2g", e.fidelity().value()));
            h.close();
        }
        h.close();
    }

    /** A failure's signed attributions as a bar chart, each bar labelled with the row's value of the feature. */
    static String failureChart(Failure f, Explanation full, int limit) {
        Explanation e = full.top(limit);
        List<String> labels = new ArrayList<>();
        double[] values = new double[e.attributions().size()];
        for (int i = 0; i < values.length; i++) {
            Attribution a = e.attributions().get(i);
            Object v = f.input().get(a.feature());
            labels.add(a.feature() + (f.input().containsKey(a.feature()) ? " = " + Format.value(v) : ""));
            values[i] = a.value();
        }
        return AttributionCharts.signed("Row " + f.rowKey() + ": expected " + f.expected() + ", predicted " + f.predicted(),
                "attribution to " + (e.output() == null ? "the prediction" : "'" + e.output() + "'") + " (" + e.scale() + ")",
                labels, values);
    }
}
