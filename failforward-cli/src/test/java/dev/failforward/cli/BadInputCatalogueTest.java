package dev.failforward.cli;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bad-input catalogue of {@code docs/reliability.md}, run: every row of its table is a case
 * here with the same exit code and message, and every case here is a row there. Each case prints
 * one line, no Java class names, and its exit code. (Cases that need root, such as a full disk,
 * are in {@link EnvironmentErrorsTest}; the table lists them too, marked "root".)
 */
class BadInputCatalogueTest {

    private static final Pattern ROW = Pattern.compile("^\\| `([a-z0-9-]+)` \\| [^|]+ \\| (\\d) \\| `([^`]+)` \\|");

    @TempDir
    static Path dir;
    static Path iris;
    /** A real HTTP server on 127.0.0.1 that answers every POST with HTTP 200 and what its path asks for. */
    static HttpServer garbage;
    static final String HTML = "<html><body><h1>Welcome to nginx!</h1></body></html>";
    static final String WRONG_SHAPE = "{\"status\": \"ok\", \"data\": [0.1, 0.9]}";

    @BeforeAll
    static void files() throws IOException {
        iris = Datasets.tabular("iris.csv");
        garbage = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        garbage.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            boolean html = exchange.getRequestURI().getPath().contains("html");
            byte[] body = (html ? HTML : WRONG_SHAPE).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", html ? "text/html" : "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        garbage.start();
    }

    @AfterAll
    static void stopServer() {
        garbage.stop(0);
    }

    private static String endpoint(String path) {
        return "http://127.0.0.1:" + garbage.getAddress().getPort() + path;
    }

    private static Cli ragEval(String retriever) {
        Path queries = file("queries.jsonl", "{\"qid\": \"q1\", \"question\": \"Why are strings immutable?\"}\n"
                + "{\"qid\": \"q2\", \"question\": \"How do I sort a list?\"}\n");
        Path qrels = file("qrels.tsv", "qid\tdoc_id\trelevance\nq1\td1\t1\nq2\td2\t1\n");
        return Cli.run("rag", "eval", "--retriever", retriever, "--queries", queries.toString(), "--qrels", qrels.toString(),
                "--store", dir.resolve("ff.db").toString(), "--out", dir.resolve("rag").toString());
    }

    private static Path file(String name, String content) {
        try {
            return Files.writeString(dir.resolve(name), content);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Cli scan(String data, String target, String... extra) {
        return scanInto(dir.resolve("ff.db").toString(), data, target, extra);
    }

    private static Cli scanInto(String store, String data, String target, String... extra) {
        List<String> args = new ArrayList<>(List.of("scan", "--data", data, "--target", target, "--store",
                store, "--out", dir.resolve("out").toString(), "--detectors", "none"));
        args.addAll(List.of(extra));
        return Cli.run(args.toArray(String[]::new));
    }

    /** Compares on the training rows on purpose (--allow-training-rows): these cases are about the model file. */
    private static Cli compareWithModelFile(Path model) {
        return Cli.run("compare", "--allow-training-rows", "--data", iris.toString(), "--target", "species",
                "--train", iris.toString(), "--baseline", model.toString(), "--candidate", "builtin:logistic", "--out", dir.resolve("cmp").toString());
    }

    /** The cases, by the id the docs give them. */
    private static Map<String, Supplier<Cli>> cases() {
        Map<String, Supplier<Cli>> c = new LinkedHashMap<>();
        c.put("data-missing", () -> scan(dir.resolve("nope.csv").toString(), "y"));
        c.put("data-empty", () -> scan(file("empty.csv", "").toString(), "y"));
        c.put("data-ragged-row", () -> scan(file("ragged.csv", "a,b,y\n1,2,0\n3,4,1\n5,6\n").toString(), "y"));
        c.put("data-not-a-number", () -> scan(file("typed.csv", "x,y\n1,a\nten,b\n").toString(), "y", "--type", "x=numeric"));
        c.put("data-unknown-target", () -> scan(iris.toString(), "kind"));
        c.put("data-one-class", () -> scan(file("one.csv", "x,y\n1,a\n2,a\n3,a\n").toString(), "y"));
        c.put("data-repeated-id", () -> scan(Datasets.tabular("titanic.csv").toString(), "survived", "--id", "sex"));
        c.put("data-tiny-split", () -> scan(iris.toString(), "species", "--test-fraction", "0.05"));
        c.put("data-too-wide", () -> {
            StringBuilder csv = new StringBuilder("y");
            for (int i = 0; i < 800; i++) {
                csv.append(",c").append(i);
            }
            return scan(file("wide.csv", csv.append("\n1").append(",1".repeat(800)).append('\n').toString()).toString(), "y");
        });
        c.put("model-not-a-model", () -> compareWithModelFile(file("notes.model", "hello\n")));
        c.put("model-damaged", () -> compareWithModelFile(file("damaged.model", "FAILFORWARD-MODEL 2 "
                + "0".repeat(64) + "\n{}\n")));
        c.put("model-crafted", () -> compareWithModelFile(bomb()));
        c.put("model-xgboost-garbage", () -> scan(iris.toString(), "species", "--model", "xgboost:" + garbage("bad.ubj")));
        c.put("config-suite-yaml", () -> Cli.run("probe", "--data", iris.toString(), "--target", "species", "--suite",
                file("suite.yaml", "probes: [unclosed\n").toString(), "--store", dir.resolve("ff.db").toString(),
                "--out", dir.resolve("probe").toString()));
        c.put("config-policy-key", () -> Cli.run("compare", "--allow-training-rows", "--data", iris.toString(),
                "--target", "species", "--train", iris.toString(), "--baseline", "builtin:logistic", "--candidate", "builtin:tree", "--policy",
                file("policy.yaml", "acuracy: {max_drop: 0.01}\n").toString(), "--out", dir.resolve("cmp").toString()));
        c.put("config-model-json", () -> scan(iris.toString(), "species", "--model", "xgboost:" + garbage("m.ubj"),
                "--model-config", file("config.json", "{\"features\": [").toString()));
        c.put("endpoint-not-json", () -> scan(iris.toString(), "species", "--model", endpoint("/v2/models/html/infer")));
        c.put("endpoint-wrong-shape", () -> scan(iris.toString(), "species", "--model", endpoint("/v2/models/shape/infer")));
        c.put("compare-endpoint-not-json", () -> Cli.run("compare", "--allow-training-rows", "--data", iris.toString(), "--target",
                "species", "--train", iris.toString(), "--baseline", "builtin:logistic", "--candidate", endpoint("/v2/models/html/infer"),
                "--out", dir.resolve("cmp").toString()));
        c.put("retriever-not-json", () -> ragEval(endpoint("/html/retrieve")));
        c.put("retriever-wrong-shape", () -> ragEval(endpoint("/shape/retrieve")));
        c.put("store-folder", () -> {
            assertThat(dir.resolve("folder.db").toFile().mkdirs()).isTrue();
            return scanInto(dir.resolve("folder.db").toString(), iris.toString(), "species");
        });
        c.put("store-not-a-database", () -> scanInto(garbage("junk.db"), iris.toString(), "species"));
        c.put("out-is-a-file", () -> Cli.run("scan", "--data", iris.toString(), "--target", "species", "--store",
                dir.resolve("ff.db").toString(), "--out", file("out.txt", "x").toString()));
        c.put("resume-complete", () -> {
            Cli first = scan(iris.toString(), "species");
            assertThat(first.exit()).as(first.err()).isZero();
            return scan(dir.resolve("gone.csv").toString(), "species", "--resume", "latest");
        });
        return c;
    }

    @Test
    void everyDocumentedCaseGivesItsExitCodeAndMessage() throws IOException {
        Map<String, String[]> documented = documented();
        Map<String, Supplier<Cli>> cases = cases();
        Map<String, String[]> runnable = new LinkedHashMap<>(documented);
        runnable.values().removeIf(row -> row[2].equals("root"));
        assertThat(runnable.keySet()).as("rows of docs/reliability.md without a case here").isSubsetOf(cases.keySet());
        assertThat(cases.keySet()).as("cases here without a row in docs/reliability.md").isSubsetOf(documented.keySet());
        for (Map.Entry<String, Supplier<Cli>> e : cases.entrySet()) {
            String[] row = documented.get(e.getKey());
            Cli cli = e.getValue().get();
            System.out.println(e.getKey() + " → " + cli.exit() + ": " + cli.err().lines().filter(l -> l.startsWith("failforward: "))
                    .findFirst().orElse(""));
            assertThat(cli.exit()).as(e.getKey() + ": " + cli.err()).isEqualTo(Integer.parseInt(row[0]));
            assertThat(cli.err()).as(e.getKey()).contains(row[1]).doesNotContain("Exception").doesNotContain("\tat ");
            assertThat(cli.err().lines().filter(l -> l.startsWith("failforward: ")).count()).as(e.getKey() + ": " + cli.err())
                    .isEqualTo(1);
        }
    }

    /** Case id → {exit code, message, "root" when the case needs root}, from the catalogue's table. */
    private static Map<String, String[]> documented() throws IOException {
        Path docs = Datasets.tabular("iris.csv").getParent().getParent().getParent().resolve("docs/reliability.md");
        Map<String, String[]> rows = new LinkedHashMap<>();
        for (String line : Files.readAllLines(docs)) {
            Matcher m = ROW.matcher(line);
            if (m.find()) {
                rows.put(m.group(1), new String[] {m.group(2), m.group(3), line.contains("(root)") ? "root" : ""});
            }
        }
        assertThat(rows).as("catalogue rows in " + docs).hasSizeGreaterThan(15);
        return rows;
    }

    private static String garbage(String name) {
        byte[] bytes = new byte[3000];
        new Random(7).nextBytes(bytes);
        try {
            return Files.write(dir.resolve(name), bytes).toString();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A version-1 model file holding nested hash sets whose reading would hash 2^100 times. */
    private static Path bomb() {
        java.util.Set<Object> root = new java.util.HashSet<>();
        java.util.Set<Object> s1 = root;
        java.util.Set<Object> s2 = new java.util.HashSet<>();
        for (int i = 0; i < 100; i++) {
            java.util.Set<Object> t1 = new java.util.HashSet<>();
            java.util.Set<Object> t2 = new java.util.HashSet<>();
            t1.add("x");
            s1.add(t1);
            s1.add(t2);
            s2.add(t1);
            s2.add(t2);
            s1 = t1;
            s2 = t2;
        }
        Path file = dir.resolve("crafted.model");
        try (OutputStream raw = Files.newOutputStream(file)) {
            raw.write("FAILFORWARD-MODEL 1\n".getBytes(StandardCharsets.US_ASCII));
            ObjectOutputStream out = new ObjectOutputStream(raw);
            out.writeObject(root);
            out.flush();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return file;
    }
}
