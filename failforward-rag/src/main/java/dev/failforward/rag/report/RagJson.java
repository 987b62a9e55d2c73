package dev.failforward.rag.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.failforward.rag.Cause;
import dev.failforward.rag.FailureCluster;
import dev.failforward.rag.Hit;
import dev.failforward.rag.IndexInfo;
import dev.failforward.rag.QuestionResult;
import dev.failforward.rag.RagResult;
import dev.failforward.rag.RetrievalMetrics;
import dev.failforward.run.Run;

import java.util.Map;

/** {@code rag-report.json}: the run, metrics overall, per source and per mode, causes, clusters, and every question. */
public final class RagJson {

    public static final String FILE_NAME = "rag-report.json";
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private RagJson() {
    }

    public static String render(RagResult r, Run run) {
        ObjectNode root = NODES.objectNode();
        root.put("format", "failforward-rag-report/1");
        if (run != null) {
            root.put("run_id", run.id());
            root.put("started_at", run.startedAt().toString());
            root.put("failforward_version", run.provenance() == null ? null : run.provenance().failforwardVersion());
        }
        root.put("retriever", r.retriever());
        root.put("mode", r.mode() == null ? null : r.mode().id());
        root.set("index", index(r.index()));
        ObjectNode settings = root.putObject("settings");
        ArrayNode ks = settings.putArray("k");
        r.settings().ks().forEach(ks::add);
        settings.put("fail_at", r.settings().failAt());
        settings.put("depth", r.settings().depth());
        ObjectNode gap = root.putObject("gap_threshold");
        gap.set("value", number(r.threshold().value()));
        gap.put("rule", r.threshold().rule());
        root.set("metrics", metrics(r.overall()));
        if (r.answered() > 0) {
            ObjectNode answers = root.putObject("generated_answers");
            answers.put("answered", r.answered());
            answers.set("mean_f1", number(r.answerF1()));
            answers.put("generator_failures", r.causes().getOrDefault(Cause.GENERATOR, 0));
        }
        ObjectNode sources = root.putObject("metrics_by_source");
        r.bySource().forEach((s, m) -> sources.set(s, metrics(m)));
        ObjectNode modes = root.putObject("metrics_by_mode");
        r.byMode().forEach((m, v) -> modes.set(m.id(), metrics(v)));
        ObjectNode causes = root.putObject("causes");
        r.causes().forEach(causes::put);
        ArrayNode clusters = root.putArray("clusters");
        for (FailureCluster c : r.clusters()) {
            ObjectNode o = clusters.addObject();
            o.put("id", c.id());
            o.put("size", c.qids().size());
            o.put("cause", c.cause());
            o.put("advice", c.advice());
            ArrayNode q = o.putArray("qids");
            c.qids().forEach(q::add);
            ArrayNode rep = o.putArray("representative_questions");
            c.representatives().forEach(rep::add);
            o.set("nearest_passages", hits(c.nearestPassages()));
        }
        ArrayNode questions = root.putArray("questions");
        for (QuestionResult q : r.questions()) {
            ObjectNode o = questions.addObject();
            o.put("qid", q.question().qid());
            o.put("question", q.question().question());
            o.put("source", q.question().source());
            o.put("judged", q.judged());
            ArrayNode relevant = o.putArray("relevant");
            q.relevant().keySet().forEach(relevant::add);
            o.put("first_relevant_rank", q.firstRank() == 0 ? null : q.firstRank());
            ObjectNode hit = o.putObject("hit");
            q.hitAt().forEach((k, v) -> hit.put("@" + k, v));
            ObjectNode recall = o.putObject("recall");
            q.recallAt().forEach((k, v) -> recall.set("@" + k, number(v)));
            o.set("reciprocal_rank", number(q.reciprocalRank()));
            o.set("ndcg@10", number(q.ndcg10()));
            o.set("nearest_similarity", number(q.nearestSimilarity()));
            o.put("nearest_passage", q.nearestPassage());
            o.put("failed", q.failed());
            if (q.cause() != null) {
                o.set("cause", cause(q.cause()));
            }
            if (q.answer() != null) {
                ObjectNode a = o.putObject("generated_answer");
                a.put("text", q.answer().text());
                a.put("reference", q.question().answer());
                a.set("f1", number(q.answer().f1()));
                ArrayNode context = a.putArray("context");
                q.answer().context().forEach(context::add);
            }
            o.set("retrieved", hits(q.retrieved().subList(0, Math.min(r.settings().failAt(), q.retrieved().size()))));
        }
        try {
            return MAPPER.writeValueAsString(root) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode index(IndexInfo i) {
        if (i == null) {
            return NODES.nullNode();
        }
        ObjectNode o = NODES.objectNode();
        o.put("corpus", i.corpus());
        o.put("corpus_fingerprint", i.corpusFingerprint());
        o.put("embedder", i.embedder());
        o.put("chunk_size", i.chunkSize());
        o.put("chunk_overlap", i.chunkOverlap());
        ArrayNode f = o.putArray("fields");
        i.fields().forEach(f::add);
        o.put("passages", i.passages());
        o.put("chunks", i.chunks());
        return o;
    }

    static ObjectNode metrics(RetrievalMetrics m) {
        ObjectNode o = NODES.objectNode();
        o.put("questions", m.questions());
        o.put("failed", m.failed());
        m.hitAt().forEach((k, v) -> o.set("hit@" + k, number(v)));
        m.recallAt().forEach((k, v) -> o.set("recall@" + k, number(v)));
        o.set("mrr", number(m.mrr()));
        o.set("ndcg@10", number(m.ndcg10()));
        return o;
    }

    private static ObjectNode cause(Cause c) {
        ObjectNode o = NODES.objectNode();
        o.put("tag", c.tag());
        o.put("explanation", c.explanation());
        ObjectNode e = o.putObject("evidence");
        for (Map.Entry<String, Object> entry : c.evidence().entrySet()) {
            e.set(entry.getKey(), MAPPER.valueToTree(entry.getValue() instanceof Double d ? number(d) : entry.getValue()));
        }
        return o;
    }

    private static ArrayNode hits(java.util.List<Hit> hits) {
        ArrayNode a = NODES.arrayNode();
        for (Hit h : hits) {
            ObjectNode o = a.addObject();
            o.put("id", h.id());
            o.set("score", number(h.score()));
        }
        return a;
    }

    private static JsonNode number(double v) {
        return Double.isFinite(v) ? NODES.numberNode(v) : NODES.nullNode();
    }
}
