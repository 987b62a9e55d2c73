package dev.failforward.compare;

import dev.failforward.report.Markup;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code compare.html}: a self-contained page (no scripts, nothing loaded from elsewhere) with the
 * verdict, metric deltas and slice deltas as interval charts, the tables, the failure diff and the
 * provenance of both sides. Every value from data goes through {@link Markup}, which escapes it.
 */
public final class CompareHtml {

    static final int SLICES_CHARTED = 15;
    private static final String CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";
    private static final String CSS = """
            body{font-family:system-ui,-apple-system,'Segoe UI',Roboto,Arial,sans-serif;margin:0;color:#111827;background:#f9fafb}
            main{max-width:1100px;margin:0 auto;padding:16px 24px}
            h1{font-size:22px}h2{font-size:18px;margin-top:28px}
            table{border-collapse:collapse;background:#fff;margin:8px 0;font-size:13px}
            th,td{border:1px solid #e5e7eb;padding:4px 8px;text-align:left;vertical-align:top}
            td.n{text-align:right;font-variant-numeric:tabular-nums}
            .pass{color:#065f46;font-weight:600}.block{color:#b91c1c;font-weight:600}
            .verdict{padding:12px 16px;border-radius:6px;background:#fff;border:2px solid #d1d5db}
            .verdict.blocked{border-color:#b91c1c}.verdict.passed{border-color:#059669}
            svg.chart{max-width:100%;height:auto;background:#fff;border:1px solid #e5e7eb}
            .note{color:#6b7280;font-size:13px}
            """;

    private CompareHtml() {
    }

    public static String render(Comparison c, Verdict v, String runId) {
        Markup h = new Markup();
        h.raw("<!DOCTYPE html>\n").open("html", "lang", "en").open("head");
        h.empty("meta", "charset", "utf-8");
        h.empty("meta", "name", "viewport", "content", "width=device-width, initial-scale=1");
        h.empty("meta", "http-equiv", "Content-Security-Policy", "content", CSP);
        h.element("title", "FailForward compare · " + c.candidate().modelId() + " vs " + c.baseline().modelId() + " · run " + runId);
        h.open("style").raw(CSS).close();
        h.close().open("body").open("main");
        h.element("h1", "Compare: " + c.candidate().modelId() + " (candidate) vs " + c.baseline().modelId() + " (baseline)");
        h.element("p", c.rows() + " rows of " + c.data() + ", target " + c.target() + " (" + c.task().replace('_', ' ')
                + "), run " + runId, "class", "note");
        verdict(h, v);
        metrics(h, c);
        slices(h, c);
        failures(h, c);
        provenance(h, c);
        h.element("p", "Made by FailForward. Intervals: paired bootstrap, " + c.settings().resamples() + " resamples, seed "
                + c.settings().seed() + ". This file is self-contained: it runs no scripts and loads nothing from elsewhere.", "class", "note");
        h.close().close().close();
        return h.build() + "\n";
    }

    private static void verdict(Markup h, Verdict v) {
        h.open("section", "class", v.blocked() ? "verdict blocked" : "verdict passed");
        h.element("strong", v.blocked() ? "Blocked" : "Passed", "class", v.blocked() ? "block" : "pass");
        h.text(" by policy " + v.policy());
        h.open("ul");
        for (RuleResult r : v.results()) {
            h.open("li").element("span", r.passed() ? "pass" : "block", "class", r.passed() ? "pass" : "block")
                    .text(" " + r.rule() + " — " + r.description());
            if (!r.passed()) {
                h.open("ul");
                r.reasons().forEach(x -> h.element("li", x));
                h.close();
            }
            h.close();
        }
        h.close().close();
    }

    private static void metrics(Markup h, Comparison c) {
        h.element("h2", "Metrics");
        List<IntervalChart.Row> rows = new ArrayList<>();
        for (MetricDelta d : c.metrics()) {
            rows.add(new IntervalChart.Row(d.metric(), d.difference(), d.ciLow(), d.ciHigh(), d.drop() > 0,
                    String.format(Locale.ROOT, "%s: %+.4f [%+.4f, %+.4f], p=%s (%s)", d.metric(), d.difference(), d.ciLow(),
                            d.ciHigh(), Reasons.p(d.pValue()), d.test())));
        }
        h.raw(IntervalChart.render("Candidate minus baseline, with 95% paired bootstrap intervals", "difference (red: candidate worse)", rows));
        h.open("table").open("tr");
        for (String t : List.of("metric", "baseline", "candidate", "difference", "95% CI", "p", "test")) {
            h.element("th", t);
        }
        for (SideSummary r : c.references()) {
            h.element("th", "reference " + r.modelId());
        }
        h.close();
        for (MetricDelta d : c.metrics()) {
            h.open("tr").element("td", d.metric());
            num(h, d.baseline());
            num(h, d.candidate());
            h.element("td", String.format(Locale.ROOT, "%+.4f", d.difference()), "class", "n");
            h.element("td", String.format(Locale.ROOT, "[%+.4f, %+.4f]", d.ciLow(), d.ciHigh()), "class", "n");
            h.element("td", Reasons.p(d.pValue()), "class", "n");
            h.element("td", d.test());
            for (SideSummary r : c.references()) {
                Double x = r.metrics().get(d.metric());
                num(h, x == null ? Double.NaN : x);
            }
            h.close();
        }
        h.close();
    }

    private static void slices(Markup h, Comparison c) {
        h.element("h2", "Slices");
        if (c.slicesExamined() == 0) {
            h.element("p", "No slices: the rows' inputs were not available (give --data with stored runs).", "class", "note");
            return;
        }
        h.element("p", c.slicesExamined() + " slices of at least " + c.settings().sliceMinSize()
                + " rows examined (one or two predicates, and every value of the group columns); p-values are one-sided"
                + " exact McNemar tests that the candidate is worse, q-values Benjamini–Hochberg adjusted over all of them.", "class", "note");
        h.raw(sliceChart("Most significant slices: accuracy change in points (approximate 95% intervals)",
                c.slices().subList(0, Math.min(SLICES_CHARTED, c.slices().size()))));
        List<SliceDelta> drops = Comparer.largestDrops(c, SLICES_CHARTED);
        if (!drops.isEmpty()) {
            h.raw(sliceChart("Largest accuracy drops with uncorrected p < 0.05 (points, approximate 95% intervals)", drops));
        }
        sliceTable(h, c);
    }

    /** Slice deltas in points with the Wald interval of a paired difference of proportions. */
    private static String sliceChart(String title, List<SliceDelta> slices) {
        List<IntervalChart.Row> rows = new ArrayList<>();
        for (SliceDelta s : slices) {
            double n = s.size();
            double diff = s.delta();
            double sd = Math.sqrt(Math.max(0, (s.worse() + s.better()) / n - diff * diff) / n);
            rows.add(new IntervalChart.Row(s.description(), diff * 100, (diff - 1.96 * sd) * 100, (diff + 1.96 * sd) * 100,
                    diff < 0, String.format(Locale.ROOT, "%s: %d rows, %s points, q=%s", s.description(), s.size(),
                    Reasons.signedPoints(diff), Reasons.p(s.qValue()))));
        }
        return IntervalChart.render(title, "candidate minus baseline accuracy, points", rows);
    }

    private static void sliceTable(Markup h, Comparison c) {
        h.open("table").open("tr");
        for (String t : List.of("slice", "kind", "rows", "baseline acc.", "candidate acc.", "Δ points", "newly wrong", "fixed", "p", "q")) {
            h.element("th", t);
        }
        h.close();
        for (SliceDelta s : c.slices()) {
            h.open("tr").element("td", s.description()).element("td", s.kind());
            h.element("td", Integer.toString(s.size()), "class", "n");
            num(h, s.baselineAccuracy());
            num(h, s.candidateAccuracy());
            h.element("td", Reasons.signedPoints(s.delta()), "class", "n");
            h.element("td", Long.toString(s.worse()), "class", "n");
            h.element("td", Long.toString(s.better()), "class", "n");
            h.element("td", Reasons.p(s.pValue()), "class", "n");
            h.element("td", Reasons.p(s.qValue()), "class", "n");
            h.close();
        }
        h.close();
    }

    private static void failures(Markup h, Comparison c) {
        FailureDiff f = c.failureDiff();
        h.element("h2", "Failure diff");
        h.element("p", f.newFailures() + " new failures, " + f.fixed() + " fixed, " + f.persisting() + " persisting"
                + (Double.isNaN(c.flipRate()) ? "" : String.format(Locale.ROOT, "; %.2f%% of rows changed their predicted class", 100 * c.flipRate())));
        examples(h, "New failures (examples)", f.newExamples());
        examples(h, "Fixed (examples)", f.fixedExamples());
        examples(h, "Persisting (examples)", f.persistingExamples());
    }

    private static void examples(Markup h, String title, List<FailureExample> examples) {
        if (examples.isEmpty()) {
            return;
        }
        h.element("h3", title);
        h.open("table").open("tr");
        for (String t : List.of("row", "expected", "baseline", "candidate", "input")) {
            h.element("th", t);
        }
        h.close();
        for (FailureExample e : examples) {
            StringBuilder input = new StringBuilder();
            for (Map.Entry<String, Object> x : e.input().entrySet()) {
                input.append(input.length() == 0 ? "" : ", ").append(x.getKey()).append('=').append(x.getValue());
            }
            h.open("tr").element("td", e.rowKey()).element("td", e.expected()).element("td", e.baseline())
                    .element("td", e.candidate()).element("td", input.toString()).close();
        }
        h.close();
    }

    private static void provenance(Markup h, Comparison c) {
        h.element("h2", "Provenance");
        h.open("table").open("tr");
        for (String t : List.of("role", "model", "trained on", "training data fingerprint", "model fingerprint", "run")) {
            h.element("th", t);
        }
        h.close();
        List<SideSummary> sides = new ArrayList<>(List.of(c.baseline(), c.candidate()));
        sides.addAll(c.references());
        for (SideSummary s : sides) {
            h.open("tr").element("td", s.role()).element("td", s.modelId()).element("td", s.trainedOn())
                    .element("td", s.trainFingerprint()).element("td", s.modelFingerprint()).element("td", s.runId()).close();
        }
        h.close();
    }

    private static void num(Markup h, double v) {
        h.element("td", Double.isFinite(v) ? String.format(Locale.ROOT, "%.4f", v) : "—", "class", "n");
    }
}
