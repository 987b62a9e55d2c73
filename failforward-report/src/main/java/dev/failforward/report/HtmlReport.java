package dev.failforward.report;

import dev.failforward.failure.Failure;
import dev.failforward.metric.ClassMetrics;
import dev.failforward.metric.Evaluation;
import dev.failforward.run.Provenance;
import dev.failforward.run.Run;
import dev.failforward.run.RunStatus;
import dev.failforward.session.ScanResult;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code report.html}: the scan result for people, as one file that opens offline. Styles are
 * inline, charts are inline SVG, and there is no script at all; a content security policy says
 * so to the browser too. Every value from data goes through {@link Markup}, so it shows as text.
 */
public final class HtmlReport implements ReportFormat {

    public static final String FILE_NAME = "report.html";
    /** Inputs shown in a failure's one-line preview; the rest open on a click. */
    static final int INPUT_PREVIEW = 3;
    private static final String CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";
    private static final String CSS = resource("report.css");

    private final List<RunExplanations> explanations;

    /** The report of a scan result alone. */
    public HtmlReport() {
        this(List.of());
    }

    /** The report with a section for the run's stored explanations (one entry per method). */
    public HtmlReport(List<RunExplanations> explanations) {
        this.explanations = List.copyOf(explanations);
    }

    @Override
    public String fileName() {
        return FILE_NAME;
    }

    @Override
    public void write(ScanResult result, Writer out) throws IOException {
        out.write(render(result));
    }

    @Override
    public String render(ScanResult result) {
        Run run = result.run();
        Markup h = new Markup();
        h.raw("<!DOCTYPE html>\n").open("html", "lang", "en").open("head");
        h.empty("meta", "charset", "utf-8");
        h.empty("meta", "name", "viewport", "content", "width=device-width, initial-scale=1");
        h.empty("meta", "http-equiv", "Content-Security-Policy", "content", CSP);
        h.element("title", "FailForward report · " + run.modelId() + " on " + fileName(run.data()) + " · run " + run.id());
        h.open("style").raw(CSS).close();
        h.close().open("body");
        header(h, run);
        h.open("main", "class", "page");
        summary(h, result);
        metrics(h, result.evaluation());
        charts(h, result);
        DetectorSections.render(h, result);
        ExplanationSection.render(h, result, explanations);
        failures(h, result);
        provenance(h, run);
        h.close();
        h.open("footer", "class", "page").text("Made by FailForward" + version(run)
                + ". This file is self-contained: it runs no scripts and loads nothing from elsewhere.").close();
        h.close().close();
        return h.build() + "\n";
    }

    private static void header(Markup h, Run run) {
        h.open("header", "class", "top").open("div", "class", "page");
        h.element("div", "FailForward · " + run.kind() + " report", "class", "brand");
        h.element("h1", run.modelId() + " on " + fileName(run.data()));
        h.open("dl", "class", "facts");
        fact(h, "Run", run.id(), "mono");
        fact(h, "Task", run.task().id().replace('_', ' '), null);
        fact(h, "Target", run.target(), null);
        fact(h, "Data", run.data(), null);
        fact(h, "Started", Format.time(run.startedAt()), null);
        h.open("div").element("dt", "Status").open("dd");
        h.element("span", run.status().id(), "class", run.status() == RunStatus.COMPLETE ? "badge" : "badge warn");
        h.close().close();
        h.close().close().close();
    }

    private static void fact(Markup h, String name, String value, String cssClass) {
        h.open("div").element("dt", name).element("dd", value == null ? "—" : value, "class", cssClass).close();
    }

    private static void summary(Markup h, ScanResult result) {
        Run run = result.run();
        Map<String, Double> metrics = result.evaluation().metrics();
        h.open("section", "class", "cards", "aria-label", "Summary");
        for (String key : MetricLabels.headline(run.task(), metrics)) {
            card(h, MetricLabels.label(key), Format.number(metrics.get(key)), key, false);
        }
        int predictions = result.predictions().size();
        long failed = result.predictions().stream().filter(p -> p.failure()).count();
        card(h, "Predictions", Format.count(predictions), "held-out rows", false);
        card(h, "Failures", Format.count(result.failures().size()), origins(result.failures()), !result.failures().isEmpty());
        card(h, "Failure rate", predictions == 0 ? "n/a" : Format.percent((double) failed / predictions),
                Format.count(failed) + " of " + Format.count(predictions) + " predictions failed", failed > 0);
        h.close();
    }

    private static void card(Markup h, String label, String value, String note, boolean bad) {
        h.open("div", "class", bad ? "card bad" : "card");
        h.element("div", label, "class", "label").element("div", value, "class", "value").element("div", note, "class", "note");
        h.close();
    }

    private static String origins(List<Failure> failures) {
        if (failures.isEmpty()) {
            return "none logged";
        }
        Map<String, Long> counts = new TreeMap<>();
        failures.forEach(f -> counts.merge(f.origin(), 1L, Long::sum));
        StringBuilder sb = new StringBuilder();
        counts.forEach((origin, n) -> sb.append(sb.length() == 0 ? "" : ", ").append(origin).append(' ').append(Format.count(n)));
        return sb.toString();
    }

    private static void metrics(Markup h, Evaluation e) {
        h.open("section", "aria-labelledby", "metrics");
        h.element("h2", "Metrics", "id", "metrics");
        h.element("p", "Measured on the held-out rows; full precision is in report.json.", "class", "lead");
        h.open("div", "class", "columns");
        h.open("div", "class", "panel scroll").element("h3", "All metrics").open("table");
        h.open("thead").open("tr").element("th", "Metric").element("th", "Value", "class", "num").element("th", "Key").close().close();
        h.open("tbody");
        e.metrics().forEach((key, value) -> h.open("tr").element("td", MetricLabels.label(key))
                .element("td", Format.number(value), "class", "num").open("td").element("code", key, "class", "key").close().close());
        h.close().close().close();
        if (!e.perClass().isEmpty()) {
            h.open("div", "class", "panel scroll").element("h3", "Per class").open("table");
            h.open("thead").open("tr").element("th", "Class").element("th", "Precision", "class", "num")
                    .element("th", "Recall", "class", "num").element("th", "F1", "class", "num")
                    .element("th", "Support", "class", "num").close().close();
            h.open("tbody");
            for (ClassMetrics c : e.perClass()) {
                h.open("tr").element("td", c.label(), "class", "label-cell")
                        .element("td", Format.number(c.precision()), "class", "num")
                        .element("td", Format.number(c.recall()), "class", "num")
                        .element("td", Format.number(c.f1()), "class", "num")
                        .element("td", Format.count(c.support()), "class", "num").close();
            }
            h.close().close().close();
        }
        h.close().close();
    }

    private static void charts(Markup h, ScanResult result) {
        List<ReportCharts.Figure> figures = ReportCharts.of(result);
        if (figures.isEmpty()) {
            return;
        }
        h.open("section", "aria-labelledby", "charts");
        h.element("h2", "Charts", "id", "charts");
        h.element("p", "Hover over a bar, cell or dot for its exact values.", "class", "lead");
        h.open("div", "class", "charts");
        for (ReportCharts.Figure f : figures) {
            h.open("figure").raw(f.svg()).element("figcaption", f.caption()).close();
        }
        h.close().close();
    }

    private static void failures(Markup h, ScanResult result) {
        boolean classification = result.run().task().isClassification();
        List<Failure> worst = WorstFailures.of(result.failures(), WorstFailures.LIMIT);
        h.open("section", "aria-labelledby", "failures");
        h.element("h2", "Worst failures", "id", "failures");
        if (worst.isEmpty()) {
            h.element("p", "No failures: every prediction was right.", "class", "lead").close();
            return;
        }
        h.element("p", Format.count(result.failures().size()) + " failures logged (" + origins(result.failures()) + "). "
                + (worst.size() < result.failures().size() ? "These are the " + worst.size() + " with the highest loss"
                : "All of them, highest loss first") + "; every failure is in the failure log and report.json.", "class", "lead");
        h.open("div", "class", "panel scroll").open("table");
        String valueClass = classification ? null : "num";
        h.open("thead").open("tr").element("th", "#", "class", "num").element("th", "Row")
                .element("th", "Expected", "class", valueClass).element("th", "Predicted", "class", valueClass);
        if (classification) {
            h.element("th", "Confidence", "class", "num");
        }
        h.element("th", classification ? "Loss" : "Abs. error", "class", "num").element("th", "Causes").element("th", "Input");
        h.close().close().open("tbody");
        int rank = 1;
        for (Failure f : worst) {
            h.open("tr").element("td", Integer.toString(rank++), "class", "num");
            h.element("td", f.rowKey(), "class", "label-cell");
            if (classification) {
                h.element("td", f.expected(), "class", "label-cell").element("td", f.predicted(), "class", "label-cell wrong");
                h.element("td", f.confidence() == null ? "—" : Format.percent(f.confidence()), "class", "num");
            } else {
                h.element("td", regressionValue(f.expected()), "class", "num");
                h.element("td", f.prediction() == null ? regressionValue(f.predicted()) : Format.number(f.prediction()), "class", "num wrong");
            }
            h.element("td", Format.number(f.loss()), "class", "num");
            h.open("td");
            if (f.causeTags().isEmpty()) {
                h.element("span", "—", "class", "missing");
            }
            f.causeTags().forEach(t -> h.element("span", t, "class", "tag"));
            h.close();
            h.open("td", "class", "inputs");
            inputs(h, f.input());
            h.close().close();
        }
        h.close().close().close().close();
    }

    private static void inputs(Markup h, Map<String, Object> input) {
        if (input.isEmpty()) {
            h.element("span", "—", "class", "missing");
            return;
        }
        h.open("details").open("summary").open("span", "class", "preview");
        int shown = 0;
        for (Map.Entry<String, Object> e : input.entrySet()) {
            if (shown == INPUT_PREVIEW) {
                break;
            }
            h.text((shown++ == 0 ? "" : " · ") + e.getKey() + " ").element("b", e.getValue() == null ? "—" : Format.shorten(Format.value(e.getValue()), 24));
        }
        h.close();
        int rest = input.size() - shown;
        h.element("span", rest > 0 ? "  + " + rest + " more" : "  (details)", "class", "more");
        h.close().open("dl", "class", "kv");
        input.forEach((name, value) -> {
            h.element("dt", name);
            if (value == null) {
                h.element("dd", "missing", "class", "missing");
            } else {
                h.element("dd", Format.value(value));
            }
        });
        h.close().close();
    }

    private static String regressionValue(String text) {
        try {
            return Format.number(Double.parseDouble(text));
        } catch (NumberFormatException | NullPointerException e) {
            return text == null ? "—" : text;
        }
    }

    private static void provenance(Markup h, Run run) {
        Provenance p = run.provenance();
        h.open("section", "aria-labelledby", "provenance");
        h.element("h2", "Provenance", "id", "provenance");
        h.element("p", "What it takes to reproduce this run and to tell it from others.", "class", "lead");
        h.open("dl", "class", "panel prov");
        entry(h, "Run", run.id() + " (" + run.kind() + ", " + run.status().id() + ")", true);
        entry(h, "Started / finished", Format.time(run.startedAt()) + " / " + Format.time(run.finishedAt()), false);
        entry(h, "Model", run.modelId(), false);
        entry(h, "Model fingerprint", run.modelFingerprint(), true);
        entry(h, "Model saved at", run.modelPath(), false);
        entry(h, "Data", run.data(), false);
        entry(h, "Data fingerprint", run.dataFingerprint(), true);
        if (p != null) {
            entry(h, "Seed", Long.toString(p.seed()), true);
            entry(h, "FailForward", p.failforwardVersion(), false);
            entry(h, "Java", p.javaVersion(), false);
            entry(h, "Operating system", p.os(), false);
            entry(h, "Recorded at", Format.time(p.time()), false);
            h.element("dt", "Options").open("dd");
            if (p.options().isEmpty()) {
                h.element("span", "none", "class", "missing");
            } else {
                h.open("dl", "class", "kv");
                new TreeMap<>(p.options()).forEach((k, v) -> h.open("dt").element("code", k).close().element("dd", v));
                h.close();
            }
            h.close();
        }
        h.close().close();
    }

    private static void entry(Markup h, String name, String value, boolean mono) {
        h.element("dt", name);
        if (value == null) {
            h.element("dd", "—", "class", "missing");
        } else {
            h.element("dd", value, "class", mono ? "mono" : null);
        }
    }

    private static String version(Run run) {
        return run.provenance() == null ? "" : " " + run.provenance().failforwardVersion();
    }

    /** The last part of a path or address, for a short title; the whole is shown elsewhere. */
    private static String fileName(String data) {
        if (data == null) {
            return "data";
        }
        int cut = Math.max(data.lastIndexOf('/'), data.lastIndexOf('\\'));
        return cut >= 0 && cut < data.length() - 1 ? data.substring(cut + 1) : data;
    }

    private static String resource(String name) {
        try (InputStream in = HtmlReport.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name + " next to " + HtmlReport.class.getName());
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
