package dev.failforward.rag.report;

import dev.failforward.rag.Cause;
import dev.failforward.rag.FailureCluster;
import dev.failforward.rag.Hit;
import dev.failforward.rag.Mode;
import dev.failforward.rag.QuestionResult;
import dev.failforward.rag.RagResult;
import dev.failforward.rag.RetrievalMetrics;
import dev.failforward.report.Charts;
import dev.failforward.report.Markup;
import dev.failforward.report.Palette;
import dev.failforward.run.Run;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code rag-report.html}, the gap report: metrics by mode side by side, metrics per source, causes
 * counted, clusters of failed questions with what to do, and every failed question with its
 * evidence. One self-contained file; every value from data goes through {@link Markup}.
 */
public final class RagHtml {

    public static final String FILE_NAME = "rag-report.html";
    private static final String CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";
    /** Passage text shown per nearest passage of a cluster. */
    private static final int SNIPPET = 240;

    private RagHtml() {
    }

    /** {@code passageText} gives a passage's text for the clusters' nearest passages (may return null). */
    public static String render(RagResult r, Run run, java.util.function.Function<String, String> passageText) {
        Markup h = new Markup();
        h.raw("<!DOCTYPE html>\n").open("html", "lang", "en").open("head");
        h.empty("meta", "charset", "utf-8");
        h.empty("meta", "name", "viewport", "content", "width=device-width, initial-scale=1");
        h.empty("meta", "http-equiv", "Content-Security-Policy", "content", CSP);
        h.element("title", "FailForward gap report · " + r.retriever());
        h.open("style").raw(css()).close();
        h.close().open("body");
        h.open("header", "class", "top").open("div", "class", "page");
        h.element("div", "FailForward · retrieval gap report", "class", "brand");
        h.element("h1", r.retriever());
        h.open("dl", "class", "facts");
        fact(h, "Run", run == null ? null : run.id());
        fact(h, "Questions", Integer.toString(r.questions().size()));
        fact(h, "Fails at", "no relevant passage in the top " + r.settings().failAt());
        if (r.index() != null) {
            fact(h, "Corpus", r.index().corpus() + " (" + r.index().passages() + " passages, " + r.index().chunks() + " chunks)");
            fact(h, "Embedder", r.index().embedder() == null ? "none (BM25 only)" : r.index().embedder());
            fact(h, "Fields", String.join(", ", r.index().fields()));
        }
        h.close().close().close();
        h.open("main", "class", "page");
        cards(h, r);
        byMode(h, r);
        bySource(h, r);
        causes(h, r);
        clusters(h, r, passageText);
        failures(h, r);
        h.close();
        h.open("footer", "class", "page").text("Made by FailForward. This file is self-contained: it runs no scripts and loads nothing from elsewhere.").close();
        h.close().close();
        return h.build() + "\n";
    }

    private static void fact(Markup h, String name, String value) {
        h.open("div").element("dt", name).element("dd", value == null ? "—" : value).close();
    }

    private static void cards(Markup h, RagResult r) {
        RetrievalMetrics m = r.overall();
        int k = r.settings().failAt();
        h.open("section", "class", "cards", "aria-label", "Summary");
        Double recall = m.recallAt().get(k);
        card(h, "Recall@" + k, recall == null ? "n/a" : number(recall), m.questions() + " judged questions", false);
        card(h, "MRR", number(m.mrr()), "mean reciprocal rank", false);
        card(h, "nDCG@10", number(m.ndcg10()), "graded relevance", false);
        card(h, "Failed", Integer.toString(m.failed()), "questions with no relevant passage in the top " + k, m.failed() > 0);
        h.close();
    }

    private static void card(Markup h, String label, String value, String note, boolean bad) {
        h.open("div", "class", bad ? "card bad" : "card");
        h.element("div", label, "class", "label").element("div", value, "class", "value").element("div", note, "class", "note");
        h.close();
    }

    private static void byMode(Markup h, RagResult r) {
        if (r.byMode().isEmpty()) {
            return;
        }
        h.open("section", "aria-labelledby", "modes");
        h.element("h2", "Metrics by mode", "id", "modes");
        h.element("p", "The same questions ranked by BM25, by vectors, and by both fused (reciprocal rank)"
                + (r.mode() == null ? "." : "; this run evaluated " + r.mode().id() + "."), "class", "lead");
        metricTable(h, "Mode", r.byMode().entrySet().stream().map(e -> Map.entry(e.getKey().id(), e.getValue())).toList(),
                r.mode() == null ? null : r.mode().id());
        List<String> names = new ArrayList<>();
        double[] values = new double[r.byMode().size()];
        int i = 0;
        for (Map.Entry<Mode, RetrievalMetrics> e : r.byMode().entrySet()) {
            names.add(e.getKey().id());
            Double v = e.getValue().recallAt().get(r.settings().failAt());
            values[i++] = v == null ? 0 : v;
        }
        h.open("div", "class", "charts").open("figure");
        h.raw(Charts.bar("Recall@" + r.settings().failAt() + " by mode", "mode", "recall", names, values, Palette.BLUE));
        h.close().close();
        h.close();
    }

    private static void bySource(Markup h, RagResult r) {
        h.open("section", "aria-labelledby", "sources");
        h.element("h2", "Metrics by source", "id", "sources");
        h.element("p", "Questions grouped by their source field.", "class", "lead");
        metricTable(h, "Source", new ArrayList<>(r.bySource().entrySet()), null);
        h.close();
    }

    private static void metricTable(Markup h, String first, List<Map.Entry<String, RetrievalMetrics>> rows, String highlight) {
        if (rows.isEmpty()) {
            return;
        }
        RetrievalMetrics any = rows.get(0).getValue();
        h.open("div", "class", "panel scroll").open("table").open("thead").open("tr").element("th", first)
                .element("th", "Questions", "class", "num").element("th", "Failed", "class", "num");
        any.hitAt().keySet().forEach(k -> h.element("th", "Hit@" + k, "class", "num"));
        any.recallAt().keySet().forEach(k -> h.element("th", "Recall@" + k, "class", "num"));
        h.element("th", "MRR", "class", "num").element("th", "nDCG@10", "class", "num");
        h.close().close().open("tbody");
        for (Map.Entry<String, RetrievalMetrics> row : rows) {
            RetrievalMetrics m = row.getValue();
            h.open("tr").element("td", row.getKey() + (row.getKey().equals(highlight) ? " (this run)" : ""), "class", "label-cell");
            h.element("td", Integer.toString(m.questions()), "class", "num").element("td", Integer.toString(m.failed()), "class", "num");
            m.hitAt().values().forEach(v -> h.element("td", number(v), "class", "num"));
            m.recallAt().values().forEach(v -> h.element("td", number(v), "class", "num"));
            h.element("td", number(m.mrr()), "class", "num").element("td", number(m.ndcg10()), "class", "num");
            h.close();
        }
        h.close().close().close();
    }

    private static void causes(Markup h, RagResult r) {
        h.open("section", "aria-labelledby", "causes");
        h.element("h2", "Causes", "id", "causes");
        Map<String, Integer> causes = r.causes();
        if (causes.isEmpty()) {
            h.element("p", "No question failed.", "class", "lead").close();
            return;
        }
        h.element("p", "Each failed question has one cause, chosen by the first rule that holds (see docs/rag.md). Coverage-gap rule for questions without qrels: threshold "
                + (Double.isNaN(r.threshold().value()) ? "off" : number(r.threshold().value())) + " — " + r.threshold().rule() + ".", "class", "lead");
        h.open("div", "class", "panel scroll").open("table").open("thead").open("tr").element("th", "Cause")
                .element("th", "Questions", "class", "num").element("th", "What to do").close().close().open("tbody");
        causes.forEach((tag, n) -> h.open("tr").open("td").element("span", tag, "class", "tag").close()
                .element("td", Integer.toString(n), "class", "num").element("td", Cause.advice(tag)).close());
        h.close().close().close();
        h.close();
    }

    private static void clusters(Markup h, RagResult r, java.util.function.Function<String, String> passageText) {
        if (r.clusters().isEmpty()) {
            return;
        }
        h.open("section", "aria-labelledby", "clusters");
        h.element("h2", "Topics of failed questions", "id", "clusters");
        h.element("p", "Failed questions grouped by meaning (k-means over their embeddings): topics the corpus lacks or serves badly, "
                + "each with the questions nearest its centre and the corpus passages nearest it.", "class", "lead");
        h.open("div", "class", "panel scroll").open("table").open("thead").open("tr").element("th", "#", "class", "num")
                .element("th", "Questions", "class", "num").element("th", "Representative questions").element("th", "Nearest passages")
                .element("th", "Main cause").close().close().open("tbody");
        for (FailureCluster c : r.clusters()) {
            h.open("tr").element("td", Integer.toString(c.id()), "class", "num").element("td", Integer.toString(c.qids().size()), "class", "num");
            h.open("td").open("ul");
            c.representatives().forEach(q -> h.element("li", q));
            h.close().close();
            h.open("td").open("ul");
            for (Hit p : c.nearestPassages()) {
                String text = passageText.apply(p.id());
                h.open("li").element("code", p.id()).text(" (" + number(p.score()) + ") " + (text == null ? "" : shorten(text))).close();
            }
            h.close().close();
            h.open("td").element("span", c.cause(), "class", "tag").element("div", c.advice(), "class", "note").close();
            h.close();
        }
        h.close().close().close();
        h.close();
    }

    private static void failures(Markup h, RagResult r) {
        List<QuestionResult> failed = r.failures();
        h.open("section", "aria-labelledby", "failures");
        h.element("h2", "Failed questions", "id", "failures");
        if (failed.isEmpty()) {
            h.element("p", "None.", "class", "lead").close();
            return;
        }
        h.element("p", failed.size() + " questions, each in the failure log (origin rag) and in rag-report.json.", "class", "lead");
        h.open("div", "class", "panel scroll").open("table").open("thead").open("tr").element("th", "Qid").element("th", "Question")
                .element("th", "Relevant").element("th", "Top retrieved").element("th", "Cause").element("th", "Evidence")
                .close().close().open("tbody");
        for (QuestionResult q : failed) {
            h.open("tr").element("td", q.question().qid(), "class", "mono").element("td", q.question().question(), "class", "label-cell");
            h.element("td", String.join(", ", q.relevant().keySet()), "class", "mono");
            h.open("td", "class", "mono");
            q.retrieved().stream().limit(3).forEach(hit -> h.element("div", hit.id() + " " + number(hit.score())));
            h.close();
            h.open("td").element("span", q.cause().tag(), "class", "tag").close();
            h.open("td").element("div", q.cause().explanation());
            if (q.answer() != null && q.failed()) {
                h.element("div", "Answer: " + q.answer().text(), "class", "note");
                h.element("div", "Reference: " + q.question().answer(), "class", "note");
            }
            h.close();
            h.close();
        }
        h.close().close().close();
        h.close();
    }

    private static String shorten(String text) {
        String flat = text.replaceAll("\\s+", " ").strip();
        return flat.length() <= SNIPPET ? flat : flat.substring(0, SNIPPET) + "…";
    }

    private static String number(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.3f", v) : "n/a";
    }

    private static String css() {
        try (InputStream in = Markup.class.getResourceAsStream("report.css")) {
            if (in == null) {
                throw new IllegalStateException("missing report.css beside " + Markup.class.getName());
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
