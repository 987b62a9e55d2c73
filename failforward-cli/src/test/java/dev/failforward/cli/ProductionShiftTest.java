package dev.failforward.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.failforward.data.ReadOptions;
import dev.failforward.data.Table;
import dev.failforward.data.TableReaders;
import dev.failforward.log.FailureLog;
import dev.failforward.model.Model;
import dev.failforward.model.Predictions;
import dev.failforward.model.builtin.ModelFiles;
import dev.failforward.scan.ScanData;
import dev.failforward.scan.ScanSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The production shift on Telco churn: the model is trained on customers with tenure above 24 months;
 * 1,000 customers of the rest reach production, where its predictions and their outcomes are ingested
 * ({@code log ingest}); {@code retrain --strategy production} adds them with their outcomes (the failures,
 * and the correct predictions that keep the failures from biasing the model), and is judged on other
 * customers of the same production population ({@code --holdout}).
 */
class ProductionShiftTest {

    static final int EVENTS = 1000;
    static final int TENURE = 5;

    @TempDir
    Path dir;

    @Test
    void productionFailuresLowerTheFailureRateOnTheProductionPopulation() throws Exception {
        List<String> lines = Files.readAllLines(Datasets.tabular("telco_churn.csv"));
        String header = lines.get(0);
        List<String> old = new ArrayList<>();
        List<String> recent = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            (Double.parseDouble(line.split(",")[TENURE]) > 24 ? old : recent).add(line);
        }
        Collections.shuffle(recent, new Random(7));
        Path oldFile = write("old.csv", header, old);
        Path eventsFile = write("production.csv", header, recent.subList(0, EVENTS));
        Path verification = write("verification.csv", header, recent.subList(EVENTS, recent.size()));
        String store = dir.resolve("ff.db").toString();

        Cli scan = Cli.run("scan", "--data", oldFile.toString(), "--target", "churn", "--detectors", "none",
                "--out", dir.resolve("scan").toString(), "--store", store);
        assertThat(scan.exit()).as(scan.err()).isZero();
        String runId = new ObjectMapper().readTree(dir.resolve("scan/report.json").toFile()).path("run").path("id").asText();
        String modelPath;
        try (FailureLog log = Stores.open(store)) {
            modelPath = log.run(runId).orElseThrow().modelPath();
        }

        // What production saw: the model's predictions on 1,000 newer customers, then their outcomes.
        Model model = ModelFiles.load(Path.of(modelPath));
        ScanData events = ScanData.prepare(TableReaders.read(oldFile, ReadOptions.DEFAULT),
                TableReaders.read(eventsFile, ReadOptions.DEFAULT), new ScanSpec("churn", null, null, null, List.of(), 0.3, 42));
        Predictions p = model.predict(events.test());
        Path jsonl = dir.resolve("events.jsonl");
        ObjectMapper mapper = new ObjectMapper();
        String[] names = header.replace("\"", "").split(",");
        List<String> out = new ArrayList<>();
        int wrong = 0;
        for (int i = 0; i < EVENTS; i++) {
            String[] values = recent.get(i).split(",", -1);
            ObjectNode prediction = mapper.createObjectNode();
            prediction.put("id", "c" + i);
            prediction.put("timestamp", "2026-11-01T00:00:00Z");
            ObjectNode features = prediction.putObject("features");
            String outcome = null;
            for (int c = 0; c < names.length; c++) {
                String v = values[c];
                if (names[c].equals("churn")) {
                    outcome = v.replace("\"", "");
                } else if (v.isEmpty()) {
                    features.putNull(names[c]);
                } else if (v.startsWith("\"")) {
                    features.put(names[c], v.replace("\"", ""));
                } else {
                    features.put(names[c], Double.parseDouble(v));
                }
            }
            String predicted = p.classes().get(p.predictedClass(i));
            wrong += predicted.equals(outcome) ? 0 : 1;
            prediction.put("prediction", predicted);
            ObjectNode probabilities = prediction.putObject("probabilities");
            for (int k = 0; k < p.classes().size(); k++) {
                probabilities.put(p.classes().get(k), p.probability(i, k));
            }
            prediction.put("model", "churn-v1");
            out.add(mapper.writeValueAsString(prediction));
            out.add(mapper.writeValueAsString(mapper.createObjectNode().put("id", "c" + i).put("outcome", outcome)));
        }
        Files.write(jsonl, out);
        Cli ingest = Cli.run("log", "ingest", jsonl.toString(), "--store", store);
        assertThat(ingest.exit()).as(ingest.err()).isZero();
        assertThat(ingest.out()).contains(wrong + " failures");

        Cli retrain = Cli.run("retrain", "--from-run", runId, "--data", oldFile.toString(), "--strategy", "production",
                "--holdout", verification.toString(), "--resamples", "300", "--out", dir.resolve("rt").toString(), "--store", store);
        assertThat(retrain.exit()).as(retrain.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(dir.resolve("rt/retrain.json").toFile());
        assertThat(json.path("rows").path("verification").asInt()).isEqualTo(recent.size() - EVENTS);
        JsonNode production = json.path("strategies").get(0);
        assertThat(production.path("status").asText()).as(production.toString()).isEqualTo("candidate");
        // Every event joins, the failures and the correct predictions, so the added rows keep production's mix.
        assertThat(production.path("training_set").path("added").asInt()).isEqualTo(EVENTS);
        assertThat(production.path("note").asText()).contains(wrong + " failures and " + (EVENTS - wrong) + " correct predictions");
        double before = production.path("targeted").path("failure_rate_before").asDouble();
        double after = production.path("targeted").path("failure_rate_after").asDouble();
        // A clear margin: at least 3 points fewer failures on the production population, significant, gate passed.
        assertThat(before - after).as("failure rate %s -> %s", before, after).isGreaterThan(0.03);
        assertThat(production.path("primary_metric").path("difference").asDouble()).isPositive();
        assertThat(production.path("gate").path("verdict").asText()).isEqualTo("pass");
        assertThat(json.path("recommendation").path("strategy").asText()).isEqualTo("production");
    }

    private Path write(String name, String header, List<String> rows) throws java.io.IOException {
        List<String> all = new ArrayList<>();
        all.add(header);
        all.addAll(rows);
        return Files.write(dir.resolve(name), all);
    }
}
