package dev.failforward.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code rag index} and {@code rag eval} on a slice of the shared RAG set (the SQLite FAQ and 40
 * library sections) with a hostile passage and a hostile question: reports, the log, exit codes, the
 * gap report in headless Chromium, and the retriever contract against {@code rag serve} in its own process.
 */
@Tag("slow")
class RagCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    static final String HOSTILE = "<script>document.title='pwned'</script><img src=x onerror=alert(7)>";

    @TempDir
    static Path dir;
    static Path corpus;
    static Path queries;
    static Path qrels;
    static String store;

    @BeforeAll
    static void indexASlice() throws Exception {
        Path shared = Datasets.tabular("iris.csv").getParent().getParent().resolve("rag");
        List<String> passages = new ArrayList<>();
        int library = 0;
        for (String line : Files.readAllLines(shared.resolve("corpus.jsonl"))) {
            JsonNode p = JSON.readTree(line);
            if (p.path("source").asText().equals("sqlitefaq") || (p.path("source").asText().equals("pylib") && library++ < 40)) {
                passages.add(line);
            }
        }
        passages.add(JSON.writeValueAsString(JSON.createObjectNode().put("id", "evil-1").put("source", "sqlitefaq")
                .put("text", HOSTILE + " SQLite is a small database library that stores a database in one file.")));
        corpus = dir.resolve("corpus.jsonl");
        Files.write(corpus, passages);
        List<String> asked = new ArrayList<>();
        List<String> judged = new ArrayList<>(List.of("qid\tdoc_id\trelevance"));
        for (String line : Files.readAllLines(shared.resolve("queries.jsonl"))) {
            JsonNode q = JSON.readTree(line);
            if (q.path("source").asText().equals("sqlitefaq")) {
                asked.add(line);
                judged.add(q.path("qid").asText() + "\t" + q.path("doc_id").asText() + "\t1");
            }
        }
        asked.add(JSON.writeValueAsString(JSON.createObjectNode().put("qid", "q-evil").put("source", "sqlitefaq")
                .put("question", HOSTILE + " How do I bake bread?")));
        judged.add("q-evil\tnot-in-the-corpus\t1");
        queries = dir.resolve("queries.jsonl");
        qrels = dir.resolve("qrels.tsv");
        Files.write(queries, asked);
        Files.write(qrels, judged);
        store = dir.resolve("log.db").toString();
        Cli index = Cli.run("rag", "index", "--corpus", corpus.toString(), "--index", dir.resolve("idx").toString());
        assertThat(index.exit()).as(index.err()).isZero();
        assertThat(index.out()).contains("Indexed 68 passages (68 chunks)");
    }

    private static Cli eval(String... more) {
        List<String> args = new ArrayList<>(List.of("rag", "eval", "--index", dir.resolve("idx").toString(), "--queries", queries.toString(),
                "--qrels", qrels.toString(), "--store", store));
        args.addAll(List.of(more));
        return Cli.run(args.toArray(String[]::new));
    }

    @Test
    void evalWritesReportsAndLogsEveryMissWithItsCause() throws Exception {
        Path out = dir.resolve("out-hybrid");
        Cli run = eval("--mode", "hybrid", "--out", out.toString());
        assertThat(run.exit()).as(run.err()).isZero();
        JsonNode report = JSON.readTree(out.resolve("rag-report.json").toFile());
        assertThat(report.path("metrics").path("questions").asInt()).isEqualTo(28);
        assertThat(report.path("metrics").path("recall@10").asDouble()).isBetween(0.5, 0.97);
        assertThat(report.path("metrics_by_mode").has("bm25")).isTrue();
        int failed = report.path("metrics").path("failed").asInt();
        assertThat(failed).isPositive();
        String runId = report.path("run_id").asText();

        Cli list = Cli.run("log", "list", "--run", runId, "--origin", "rag", "--format", "jsonl", "--store", store);
        assertThat(list.exit()).as(list.err()).isZero();
        List<JsonNode> logged = new ArrayList<>();
        for (String line : list.out().split("\n")) {
            if (line.startsWith("{")) {
                logged.add(JSON.readTree(line));
            }
        }
        assertThat(logged).hasSize(failed);
        assertThat(logged).allSatisfy(f -> {
            assertThat(f.path("cause_tags")).isNotEmpty();
            assertThat(f.path("retrieved").size()).isEqualTo(10);
        });
        JsonNode evil = logged.stream().filter(f -> f.path("row_key").asText().equals("q-evil")).findFirst().orElseThrow();
        assertThat(evil.path("cause_tags").get(0).asText()).isEqualTo("coverage-gap");
        assertThat(evil.path("expected").asText()).isEqualTo("not-in-the-corpus");
        assertThat(evil.path("input").path("question").asText()).startsWith("<script>");
        assertThat(evil.path("loss").asDouble()).isEqualTo(1.0);
        Cli runs = Cli.run("log", "runs", "--store", store);
        assertThat(runs.out()).contains("retrieval");
    }

    @Test
    void theGapReportShowsHostileTextAsTextInChromium() throws Exception {
        Path out = dir.resolve("out-vector");
        Cli run = eval("--mode", "vector", "--out", out.toString());
        assertThat(run.exit()).as(run.err()).isZero();
        String html = Files.readString(out.resolve("rag-report.html"));
        assertThat(html).doesNotContain("<script>document").doesNotContain("<img src=x");
        String dom = Chromium.run(dir, "--dump-dom", out.resolve("rag-report.html").toUri().toString());
        Path kept = Path.of(System.getProperty("basedir", ".")).resolve("target").resolve("rag-report-dom.html");
        Files.writeString(kept, dom);
        assertThat(dom).as("kept in %s", kept).contains("Metrics by mode", "Causes", "Failed questions", "coverage-gap",
                "&lt;script&gt;document.title='pwned'&lt;/script&gt;&lt;img src=x onerror=alert(7)&gt; How do I bake bread?");
        assertThat(dom.toLowerCase(Locale.ROOT)).doesNotContain("<script").doesNotContain("<img");
        assertThat(dom).doesNotContain("<title>pwned</title>");
    }

    @Test
    void badInputGatesAndRedaction() throws Exception {
        Path broken = dir.resolve("broken.jsonl");
        Files.writeString(broken, "{\"qid\": \"q1\", \"question\": \"fine\"}\n{\"qid\": \"q2\", \"question\": \"x\",}\n");
        Cli bad = Cli.run("rag", "eval", "--index", dir.resolve("idx").toString(), "--queries", broken.toString(), "--qrels", qrels.toString(),
                "--store", store, "--out", dir.resolve("never").toString());
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err()).contains(broken + ":2:").contains("not valid JSON").doesNotContain("Exception");

        Cli noIndex = Cli.run("rag", "eval", "--index", dir.resolve("nowhere").toString(), "--queries", queries.toString(), "--qrels", qrels.toString());
        assertThat(noIndex.exit()).isEqualTo(2);
        assertThat(noIndex.err()).contains("not a FailForward index");

        Cli gate = eval("--mode", "bm25", "--out", dir.resolve("out-gate").toString(), "--fail-on", "recall@10<0.99");
        assertThat(gate.exit()).as(gate.err()).isEqualTo(1);
        assertThat(gate.out()).contains("--fail-on recall@10<0.99: holds");
        Cli unknown = eval("--out", dir.resolve("out-x").toString(), "--fail-on", "precision@3<0.5");
        assertThat(unknown.exit()).isEqualTo(2);
        assertThat(unknown.err()).contains("no metric 'precision@3'");

        Path out = dir.resolve("out-redacted");
        Cli redacted = eval("--mode", "bm25", "--out", out.toString(), "--redact", "question");
        assertThat(redacted.exit()).as(redacted.err()).isZero();
        String runId = JSON.readTree(out.resolve("rag-report.json").toFile()).path("run_id").asText();
        Cli list = Cli.run("log", "list", "--run", runId, "--format", "jsonl", "--store", store);
        assertThat(list.out()).contains("\"question\":\"hmac:").doesNotContain("bake bread");
        assertThat(Files.readString(out.resolve("rag-report.html"))).doesNotContain("bake bread");
        assertThat(Files.readString(out.resolve("rag-report.json"))).doesNotContain("bake bread");
    }

    @Test
    void compareAndProbeOnTheSlice() throws Exception {
        String idx = dir.resolve("idx").toString();
        Cli same = Cli.run("rag", "compare", "--queries", queries.toString(), "--qrels", qrels.toString(), "--baseline", "bm25@" + idx,
                "--candidate", "bm25@" + idx, "--store", store, "--out", dir.resolve("cmp").toString(), "--resamples", "200");
        assertThat(same.exit()).as(same.err()).isZero();
        assertThat(same.out()).contains("Passed");
        JsonNode c = JSON.readTree(dir.resolve("cmp/rag-compare.json").toFile());
        assertThat(c.path("overall").get(1).path("delta").asDouble()).isZero();
        assertThat(c.path("blocked").asBoolean()).isFalse();
        Cli badSide = Cli.run("rag", "compare", "--queries", queries.toString(), "--qrels", qrels.toString(), "--baseline", idx,
                "--candidate", "bm25@" + idx, "--store", store, "--out", dir.resolve("cmp2").toString());
        assertThat(badSide.exit()).isEqualTo(2);
        assertThat(badSide.err()).contains("expected MODE@INDEX_DIR");

        Cli probe = Cli.run("rag", "probe", "--index", idx, "--mode", "bm25", "--queries", queries.toString(), "--qrels", qrels.toString(),
                "--perturbations", "typo,drop-word", "--store", store, "--out", dir.resolve("probe").toString());
        assertThat(probe.exit()).as(probe.err()).isZero();
        JsonNode p = JSON.readTree(dir.resolve("probe/rag-probe.json").toFile());
        assertThat(p.path("perturbations")).hasSize(2);
        assertThat(p.path("perturbations").get(0).path("id").asText()).isEqualTo("typo");
        Cli unknown = Cli.run("rag", "probe", "--index", idx, "--queries", queries.toString(), "--qrels", qrels.toString(),
                "--perturbations", "emoji", "--store", store);
        assertThat(unknown.exit()).isEqualTo(2);
        assertThat(unknown.err()).contains("unknown perturbation 'emoji'; known: typo");
    }

    /**
     * {@code --redact question} on eval, probe and compare with a store of their own: no question text
     * reaches any file they write (reports, the log's database and its journal), and the perturbed
     * questions of the probe report are hashes too.
     */
    @Test
    void redactedQuestionsReachNoFileWritten() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("redacted-all"));
        String own = folder.resolve("log.db").toString();
        String idx = dir.resolve("idx").toString();
        List<String> texts = new ArrayList<>();
        for (String line : Files.readAllLines(queries)) {
            texts.add(JSON.readTree(line).path("question").asText());
        }
        Cli eval = Cli.run("rag", "eval", "--index", idx, "--mode", "bm25", "--queries", queries.toString(), "--qrels", qrels.toString(),
                "--store", own, "--out", folder.resolve("eval").toString(), "--redact", "question");
        assertThat(eval.exit()).as(eval.err()).isZero();
        Cli probe = Cli.run("rag", "probe", "--index", idx, "--mode", "bm25", "--queries", queries.toString(), "--qrels", qrels.toString(),
                "--perturbations", "typo,drop-word", "--store", own, "--out", folder.resolve("probe").toString(), "--redact", "question");
        assertThat(probe.exit()).as(probe.err()).isZero();
        Cli compare = Cli.run("rag", "compare", "--queries", queries.toString(), "--qrels", qrels.toString(), "--baseline", "bm25@" + idx,
                "--candidate", "vector@" + idx, "--store", own, "--out", folder.resolve("compare").toString(), "--resamples", "200",
                "--redact", "question");
        assertThat(compare.exit()).as(compare.err()).isIn(0, 1);
        JsonNode broken = JSON.readTree(folder.resolve("probe/rag-probe.json").toFile()).path("perturbations");
        int perturbed = 0;
        for (JsonNode p : broken) {
            for (JsonNode b : p.path("broken_questions")) {
                assertThat(b.path("question").asText()).startsWith("hmac:");
                assertThat(b.path("perturbed").asText()).startsWith("hmac:");
                perturbed++;
            }
        }
        assertThat(perturbed).isPositive();
        List<Path> written;
        try (var files = Files.walk(folder)) {
            written = files.filter(Files::isRegularFile).toList();
        }
        assertThat(written).extracting(f -> f.getFileName().toString())
                .contains("rag-report.json", "rag-report.html", "rag-probe.json", "rag-compare.json", "log.db");
        for (Path f : written) {
            String content = new String(Files.readAllBytes(f), StandardCharsets.UTF_8);
            for (String question : texts) {
                assertThat(content).as(f + " holds a question").doesNotContain(question);
            }
        }
        Cli list = Cli.run("log", "list", "--format", "jsonl", "--store", own, "--limit", "1000");
        assertThat(list.out()).contains("\"question\":\"hmac:").doesNotContain("bake bread");
        Cli unknown = Cli.run("rag", "probe", "--index", idx, "--queries", queries.toString(), "--qrels", qrels.toString(),
                "--store", own, "--redact", "email");
        assertThat(unknown.exit()).isEqualTo(2);
        assertThat(unknown.err()).contains("--redact: no question in").contains("has a field 'email'");
        Cli noModel = Cli.run("rag", "index", "--corpus", corpus.toString(), "--index", folder.resolve("own-idx").toString(),
                "--embedder", "onnx:" + folder.resolve("nowhere/model.onnx"));
        assertThat(noModel.exit()).isEqualTo(2);
        assertThat(noModel.err()).contains("model.onnx: no such file");
    }

    /** {@code rag serve} in its own process, evaluated through {@code --retriever}: the same metrics as the index itself. */
    @Test
    void theRetrieverContractAgainstRagServe() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process server = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), Main.class.getName(), "rag", "serve",
                "--index", dir.resolve("idx").toString(), "--mode", "bm25", "--port", "0").redirectErrorStream(true).start();
        try {
            BufferedReader lines = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
            String first = lines.readLine();
            assertThat(first).startsWith("Serving ");
            String url = first.substring(first.indexOf("http://"));
            Path remote = dir.resolve("out-remote");
            Cli run = Cli.run("rag", "eval", "--retriever", url, "--queries", queries.toString(), "--qrels", qrels.toString(),
                    "--store", store, "--out", remote.toString(), "--batch", "5");
            assertThat(run.exit()).as(run.err()).isZero();
            Path local = dir.resolve("out-local");
            assertThat(eval("--mode", "bm25", "--out", local.toString()).exit()).isZero();
            JsonNode a = JSON.readTree(remote.resolve("rag-report.json").toFile()).path("metrics");
            JsonNode b = JSON.readTree(local.resolve("rag-report.json").toFile()).path("metrics");
            assertThat(a).isEqualTo(b);
            JsonNode remoteReport = JSON.readTree(remote.resolve("rag-report.json").toFile());
            for (JsonNode q : remoteReport.path("questions")) {
                if (q.path("failed").asBoolean()) {
                    assertThat(q.path("cause").path("tag").asText()).isIn("ranking-miss", "not-retrieved");
                }
            }
            Cli gone = Cli.run("rag", "eval", "--retriever", "http://127.0.0.1:1/retrieve", "--queries", queries.toString(),
                    "--qrels", qrels.toString(), "--store", store, "--out", dir.resolve("out-gone").toString(), "--timeout", "2");
            assertThat(gone.exit()).isEqualTo(3);
            assertThat(gone.err()).contains("got no answer");
        } finally {
            server.destroy();
            server.waitFor(10, TimeUnit.SECONDS);
        }
    }
}
