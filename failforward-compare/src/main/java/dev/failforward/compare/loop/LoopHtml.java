package dev.failforward.compare.loop;

import dev.failforward.compare.retrain.Candidate;
import dev.failforward.report.Charts;
import dev.failforward.report.Markup;
import dev.failforward.report.Palette;
import dev.failforward.report.Series;

import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * {@code loop.html}: one self-contained page (inline SVG charts, no scripts, nothing loaded from
 * elsewhere) with the trajectory per round and every round's runs and candidates; every value from
 * data is escaped by {@link Markup}.
 */
public final class LoopHtml {

    private static final String CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";
    private static final String CSS = """
            body{font-family:system-ui,-apple-system,'Segoe UI',Roboto,Arial,sans-serif;margin:0;color:#111827;background:#f9fafb}
            main{max-width:1240px;margin:0 auto;padding:16px 24px}
            h1{font-size:22px}h2{font-size:18px;margin-top:28px}
            table{border-collapse:collapse;background:#fff;margin:8px 0;font-size:13px}
            th,td{border:1px solid #e5e7eb;padding:4px 8px;text-align:left;vertical-align:top}
            td.n{text-align:right;font-variant-numeric:tabular-nums}
            .charts{display:flex;flex-wrap:wrap;gap:12px}.charts svg{background:#fff;border:1px solid #e5e7eb;max-width:100%;height:auto}
            .kept{background:#ecfdf5}.note{color:#6b7280;font-size:13px}
            """;

    private LoopHtml() {
    }

    public static String render(LoopResult r) {
        Markup h = new Markup();
        h.raw("<!DOCTYPE html>\n").open("html", "lang", "en").open("head");
        h.empty("meta", "charset", "utf-8");
        h.empty("meta", "name", "viewport", "content", "width=device-width, initial-scale=1");
        h.empty("meta", "http-equiv", "Content-Security-Policy", "content", CSP);
        h.element("title", "FailForward loop · " + r.modelId() + " · " + r.dataName());
        h.open("style").raw(CSS).close();
        h.close().open("body").open("main");
        h.element("h1", "Loop of " + r.modelId() + " on " + r.dataName() + " (target " + r.target() + ")");
        long kept = r.rounds().stream().filter(LoopRound::keptCandidate).count();
        h.element("p", "Loop run " + r.loopRun() + ": " + r.rounds().size() + " of " + r.roundsAsked() + " rounds run, "
                + kept + " kept a candidate. " + r.trainingRows() + " training rows; " + r.selectionRows()
                + " selection rows (every round's scan, detectors, probes and strategies); " + r.verificationRows()
                + " verification rows (only judge: the gate and the trajectory). Seed " + r.seed() + "; gate policy: "
                + r.policy() + ".", "class", "note");
        if (r.stopped() != null) {
            h.element("p", "Stopped early: " + r.stopped() + ".");
        }

        h.element("h2", "Trajectory on the verification rows");
        h.open("div", "class", "charts");
        chart(h, r, r.primaryMetric(), LoopPoint::primary, Palette.BLUE);
        chart(h, r, "failure rate", LoopPoint::failureRate, Palette.VERMILLION);
        chart(h, r, "targeted-slice failure rate", LoopPoint::sliceFailureRate, Palette.VERMILLION);
        chart(h, r, "probe flip rate", LoopPoint::flipRate, Palette.GREY);
        h.close();
        h.element("p", r.targetedSlices().isEmpty() ? "Targeted slices: none (the first round's scan found no weak slice)."
                : "Targeted slices (found by the first round's scan on the selection rows): " + String.join("; ", r.targetedSlices())
                + ".", "class", "note");
        h.open("table").open("tr");
        for (String t : List.of("round", "model", r.primaryMetric(), "failure rate", "targeted-slice failure rate",
                "probe flip rate")) {
            h.element("th", t);
        }
        h.close();
        for (LoopPoint p : r.trajectory()) {
            h.open("tr").element("td", p.round() == 0 ? "start" : String.valueOf(p.round()))
                    .element("td", p.modelFingerprint() == null ? "—" : p.modelFingerprint())
                    .element("td", f(p.primary()), "class", "n").element("td", pct(p.failureRate()), "class", "n")
                    .element("td", pct(p.sliceFailureRate()), "class", "n").element("td", pct(p.flipRate()), "class", "n").close();
        }
        h.close();

        h.element("h2", "Rounds and their runs in the failure log");
        h.open("table").open("tr");
        for (String t : List.of("round", "scan run", "retrain run", "candidates", "kept", "why")) {
            h.element("th", t);
        }
        h.close();
        for (LoopRound round : r.rounds()) {
            h.open("tr", "class", round.keptCandidate() ? "kept" : "");
            h.element("td", String.valueOf(round.round()));
            h.element("td", round.scanRun());
            h.element("td", round.retrainRun());
            h.open("td").open("ul");
            for (Candidate c : round.retrain().candidates()) {
                h.element("li", c.strategy() + ": " + outcome(c));
            }
            h.close().close();
            h.element("td", round.keptCandidate() ? round.kept() : "the current model");
            h.element("td", round.retrain().reason());
            h.close();
        }
        h.close();
        h.element("p", "'failforward log runs' lists each round's scan and retrain runs (options loop and round); "
                + "'failforward log show RUN' and 'failforward report --run RUN' open them. A candidate is kept only when the gate "
                + "passes, it significantly improves what it targeted (Holm-corrected across the round's candidates) and it improves "
                + "the primary metric by at least " + dev.failforward.compare.retrain.Retrainer.MIN_GAIN + ".",
                "class", "note");
        h.element("p", "Made by FailForward. This file is self-contained: it runs no scripts and loads nothing from elsewhere.",
                "class", "note");
        h.close().close().close();
        return h.build() + "\n";
    }

    private static void chart(Markup h, LoopResult r, String name, ToDoubleFunction<LoopPoint> value, String color) {
        List<LoopPoint> points = r.trajectory().stream().filter(p -> Double.isFinite(value.applyAsDouble(p))).toList();
        if (points.isEmpty()) {
            h.element("p", name + ": not measured", "class", "note");
            return;
        }
        double[] x = points.stream().mapToDouble(LoopPoint::round).toArray();
        double[] y = points.stream().mapToDouble(value).toArray();
        List<String> tips = points.stream().map(p -> "round " + p.round() + ": " + f(value.applyAsDouble(p))).toList();
        h.raw(Charts.line(name + " per round", "round (0 = start)", name,
                List.of(new Series(name, x, y, color, Series.Mark.LINE_AND_DOTS, tips))));
    }

    private static String outcome(Candidate c) {
        if (!c.judged()) {
            return c.status() + " (" + c.reason() + ")";
        }
        String delta = String.format(Locale.ROOT, "%+.4f", c.primary().difference());
        return (c.recommended() ? "recommended" : c.improved() ? "improved its target" : c.worse() ? "worse" : "no significant change")
                + ", gate " + (c.passed() ? "pass" : "block") + ", Δ " + delta;
    }

    private static String f(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.4f", v) : "—";
    }

    private static String pct(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.1f%%", 100 * v) : "—";
    }
}
