package dev.failforward.compare.retrain;

import dev.failforward.data.NumericColumn;
import dev.failforward.data.ReadOptions;
import dev.failforward.data.Table;
import dev.failforward.data.TableReaders;
import dev.failforward.failure.ProductionEvent;
import dev.failforward.model.Predictions;
import dev.failforward.model.Model;
import dev.failforward.model.ModelProviders;
import dev.failforward.progress.Progress;
import dev.failforward.scan.ScanData;
import dev.failforward.scan.ScanSpec;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * Telco churn shifted in time: the model's data are the customers with tenure above 24 months (split as
 * a scan splits them); {@value #EVENTS} of the other customers, drawn with the seed, reach production,
 * as events with the model's prediction and their outcome (as {@code log ingest} keeps them); the rest
 * of that population verifies.
 */
record ProductionShift(ScanData data, List<ProductionEvent> events, Table verification, List<String> verificationKeys) {

    static final int EVENTS = 1000;
    static final double TENURE = 24;

    static ProductionShift of(long seed) {
        Table all = TableReaders.read(RetrainFixture.tabular("telco_churn.csv"), ReadOptions.DEFAULT);
        NumericColumn tenure = (NumericColumn) all.find("tenure").orElseThrow();
        int[] old = IntStream.range(0, all.rowCount()).filter(i -> tenure.get(i) > TENURE).toArray();
        List<Integer> recent = new ArrayList<>(IntStream.range(0, all.rowCount()).filter(i -> !(tenure.get(i) > TENURE)).boxed().toList());
        Collections.shuffle(recent, new Random(seed));
        int[] events = recent.subList(0, EVENTS).stream().mapToInt(Integer::intValue).sorted().toArray();
        int[] rest = recent.subList(EVENTS, recent.size()).stream().mapToInt(Integer::intValue).sorted().toArray();
        ScanSpec spec = new ScanSpec("churn", null, null, null, List.of(), ScanSpec.DEFAULT_TEST_FRACTION, seed);
        Table oldRows = all.select(old);
        ScanData data = ScanData.prepare(oldRows, null, spec);
        ScanData production = ScanData.prepare(oldRows, all.select(events), spec);
        ScanData verify = ScanData.prepare(oldRows, all.select(rest), spec);
        Model current = ModelProviders.find("builtin:gbm").trainer().train(data.train(), data.target(), seed, Progress.NONE);
        Predictions p = current.predict(production.test());
        List<ProductionEvent> seen = new ArrayList<>();
        Table rows = production.test();
        for (int i = 0; i < rows.rowCount(); i++) {
            java.util.Map<String, Object> features = new java.util.LinkedHashMap<>();
            for (var c : rows.features()) {
                features.put(c.name(), c.isMissing(i) ? null : c.value(i));
            }
            java.util.Map<String, Double> probabilities = new java.util.LinkedHashMap<>();
            for (int k = 0; k < p.classes().size(); k++) {
                probabilities.put(p.classes().get(k), p.probability(i, k));
            }
            seen.add(new ProductionEvent(production.testKeys().get(i), "2026-11-01T00:00:00Z", "churn-v1", features,
                    p.classes().get(p.predictedClass(i)), probabilities, rows.find("churn").orElseThrow().text(i)));
        }
        return new ProductionShift(data, seen, verify.test(), verify.testKeys());
    }

    /** How many events production got wrong. */
    long failures() {
        return events.stream().filter(e -> !e.prediction().equals(e.outcome())).count();
    }
}
