package dev.failforward.compare.retrain;

import dev.failforward.compare.MetricDelta;
import dev.failforward.compare.RuleResult;
import dev.failforward.report.Markup;

import java.util.List;
import java.util.Locale;

/**
 * {@code retrain.html}: one self-contained page (no scripts, nothing loaded from elsewhere); every
 * value from data is escaped by {@link Markup}. {@link #section} is the same content as a section of
 * another report (the demo's).
 */
public final class RetrainHtml {

    private static final String CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";
    private static final String CSS = """
            body{font-family:system-ui,-apple-system,'Segoe UI',Roboto,Arial,sans-serif;margin:0;color:#111827;background:#f9fafb}
            main{max-width:1200px;margin:0 auto;padding:16px 24px}
            h1{font-size:22px}h2{font-size:18px;margin-top:28px}
            """;
    private static final String SECTION_CSS = """
            .retrain table{border-collapse:collapse;background:#fff;margin:8px 0;font-size:13px}
            .retrain th,.retrain td{border:1px solid #e5e7eb;padding:4px 8px;text-align:left;vertical-align:top}
            .retrain td.n{text-align:right;font-variant-numeric:tabular-nums}
            .retrain .pass{color:#065f46;font-weight:600}.retrain .block{color:#b91c1c;font-weight:600}
            .retrain .worse{background:#fef2f2}.retrain .better{background:#ecfdf5}
            .retrain .verdict{padding:12px 16px;border-radius:6px;background:#fff;border:2px solid #d1d5db}
            .retrain .verdict.keep{border-color:#6b7280}.retrain .verdict.recommend{border-color:#059669}
            .retrain .note{color:#6b7280;font-size:13px}
            """;

    private RetrainHtml() {
    }

    public static String render(RetrainResult r, String runId) {
        Markup h = new Markup();
        h.raw("<!DOCTYPE html>\n").open("html", "lang", "en").open("head");
        h.empty("meta", "charset", "utf-8");
        h.empty("meta", "name", "viewport", "content", "width=device-width, initial-scale=1");
        h.empty("meta", "http-equiv", "Content-Security-Policy", "content", CSP);
        h.element("title", "FailForward retrain · " + r.modelId() + " · run " + runId);
        h.open("style").raw(CSS).close();
        h.close().open("body").open("main");
        h.element("h1", "Retrain of run " + r.sourceRun() + " (" + r.modelId() + ", target " + r.target() + ")");
        h.raw(section(r, runId));
        h.element("p", "Made by FailForward. This file is self-contained: it runs no scripts and loads nothing from elsewhere.",
                "class", "note");
        h.close().close().close();
        return h.build() + "\n";
    }

    /** The retrain as one {@code <section>}, with its own styles. */
    public static String section(RetrainResult r, String runId) {
        Markup h = new Markup();
        h.open("section", "class", "retrain", "id", "retrain");
        h.open("style").raw(SECTION_CSS).close();
        h.element("h2", "Retrain with failure samples");
        h.element("p", "Retrain run " + runId + " of run " + r.sourceRun() + ": " + r.trainingRows() + " training rows; "
                + r.selectionRows() + " selection rows chose what to fix; " + r.verificationRows() + " verification rows judge it ("
                + r.verification() + "). Gate policy: " + r.policy() + "; targeted tests Holm-corrected across candidates.",
                "class", "note");
        h.open("div", "class", r.keepsCurrent() ? "verdict keep" : "verdict recommend");
        h.element("strong", r.keepsCurrent() ? "Keep the current model" : "Recommended: " + r.recommended());
        h.element("p", r.reason());
        h.close();
        h.open("table").open("tr");
        for (String t : List.of("strategy", "status", "training set", r.primaryMetric() + " current → candidate",
                "difference [95% CI]", "targeted (verification rows)", "fixed / persisting / new", "failure rate before → after",
                "Holm p", "probe flip rate before → after", "gate", "outcome")) {
            h.element("th", t);
        }
        h.close();
        for (Candidate c : r.candidates()) {
            h.open("tr", "class", !c.judged() ? "" : c.recommended() || c.improved() ? "better" : c.worse() ? "worse" : "");
            h.element("td", c.strategy());
            h.element("td", c.status());
            if (!c.judged()) {
                h.open("td", "colspan", "10").text(c.reason()).close();
                h.close();
                continue;
            }
            h.element("td", c.trainingRows() + " rows: " + c.note());
            MetricDelta d = c.primary();
            h.element("td", f(d.baseline()) + " → " + f(d.candidate()), "class", "n");
            h.element("td", String.format(Locale.ROOT, "%+.4f [%+.4f, %+.4f] p=%s", d.difference(), d.ciLow(), d.ciHigh(),
                    p(d.pValue())), "class", "n");
            Targeted t = c.targeted();
            h.element("td", t.description() + " (" + t.rows() + ")");
            h.element("td", t.fixed() + " / " + t.persisting() + " / " + t.added(), "class", "n");
            h.element("td", pct(t.before()) + " → " + pct(t.after()), "class", "n");
            h.element("td", p(t.holmPValue()), "class", "n");
            h.element("td", Double.isNaN(c.flipBefore()) ? "—" : pct(c.flipBefore()) + " → " + pct(c.flipAfter()), "class", "n");
            h.open("td").element("span", c.passed() ? "pass" : "block", "class", c.passed() ? "pass" : "block");
            if (!c.passed()) {
                h.open("ul");
                for (RuleResult rr : c.verdict().results()) {
                    rr.reasons().forEach(x -> h.element("li", rr.rule() + ": " + x));
                }
                h.close();
            }
            h.close();
            h.element("td", c.recommended() ? "recommended" : c.improved() ? "improved its target"
                    : c.worse() ? "worse" : "no significant change");
            h.close();
        }
        h.close();
        boolean anySlices = r.candidates().stream().anyMatch(c -> !c.slices().isEmpty());
        if (anySlices) {
            h.element("h3", "Targeted slices on the verification rows");
            h.open("table").open("tr");
            for (String t : List.of("strategy", "slice", "rows", "failure rate current", "failure rate candidate")) {
                h.element("th", t);
            }
            h.close();
            for (Candidate c : r.candidates()) {
                for (SliceChange s : c.slices()) {
                    h.open("tr").element("td", c.strategy()).element("td", s.slice()).element("td", String.valueOf(s.rows()), "class", "n")
                            .element("td", pct(s.before()), "class", "n").element("td", pct(s.after()), "class", "n").close();
                }
            }
            h.close();
        }
        boolean anyProbes = r.candidates().stream().anyMatch(c -> !c.probes().isEmpty());
        if (anyProbes) {
            h.element("h3", "Default probes on the verification rows (same perturbed rows for both models)");
            h.open("table").open("tr");
            for (String t : List.of("strategy", "probe", "level", "expectation", "failures current → candidate",
                    "rows changed", "flip rate current → candidate", "of the changed rows", "targeted")) {
                h.element("th", t);
            }
            h.close();
            for (Candidate c : r.candidates()) {
                for (ProbeChange pc : c.probes()) {
                    h.open("tr", "class", pc.failuresAfter() < pc.failuresBefore() ? "better" : pc.failuresAfter() > pc.failuresBefore()
                            ? "worse" : "");
                    h.element("td", c.strategy()).element("td", pc.probe()).element("td", f(pc.level()), "class", "n")
                            .element("td", pc.expectation())
                            .element("td", pc.failuresBefore() + " → " + pc.failuresAfter(), "class", "n")
                            .element("td", String.valueOf(pc.changed()), "class", "n")
                            .element("td", pct(pc.flipBefore()) + " → " + pct(pc.flipAfter()), "class", "n")
                            .element("td", pc.changed() == 0 ? "—" : pct(pc.changedFlipBefore()) + " → " + pct(pc.changedFlipAfter()),
                                    "class", "n")
                            .element("td", pc.targeted() ? "yes" : "");
                    h.close();
                }
            }
            h.close();
        }
        h.element("p", "A candidate is recommended only when it passes the gate, its targeted test is significant after "
                + "Holm's correction (p < " + Retrainer.ALPHA + ") and it improves the primary metric by at least " + Retrainer.MIN_GAIN
                + " (an error metric by " + Math.round(100 * Retrainer.MIN_GAIN) + " %); worse candidates are shown as worse. Candidate models are saved "
                + "beside the failure log; 'failforward log runs' lists this retrain.", "class", "note");
        h.close();
        return h.build();
    }

    private static String f(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.4f", v) : "—";
    }

    private static String pct(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.1f%%", 100 * v) : "—";
    }

    private static String p(double v) {
        if (!Double.isFinite(v)) {
            return "—";
        }
        return v < 0.001 ? "<0.001" : String.format(Locale.ROOT, "%.3f", v);
    }
}
