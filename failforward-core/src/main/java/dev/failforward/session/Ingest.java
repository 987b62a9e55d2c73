package dev.failforward.session;

import dev.failforward.failure.Failure;
import dev.failforward.failure.Fingerprints;
import dev.failforward.failure.IngestResult;
import dev.failforward.failure.Judge;
import dev.failforward.failure.PredictionRecord;
import dev.failforward.failure.ProductionEvent;
import dev.failforward.failure.RunValues;
import dev.failforward.log.ProductionLog;
import dev.failforward.log.RunLog;
import dev.failforward.model.Task;
import dev.failforward.run.Run;
import dev.failforward.run.RunHeader;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Production capture as a run ({@code log ingest}): the events are stored, and the pairs that became
 * complete (prediction and outcome both known) are judged once, in a new run of kind {@value #KIND}
 * that goes through {@link RunSession} like every other run. A pair whose prediction and outcome
 * disagree (labels compared as text) is a failure with origin {@value #ORIGIN}; its loss and cause tags
 * are the {@link Judge}'s. A process killed after the events are stored leaves them unjudged, and the
 * next ingest judges them.
 */
public final class Ingest {

    public static final String KIND = "ingest";
    public static final String ORIGIN = "production";

    private Ingest() {
    }

    /** Ingests {@code events} read from {@code source} (a file name) and judges with the default thresholds. */
    public static <L extends RunLog & ProductionLog> IngestResult run(L log, String source, List<ProductionEvent> events) {
        return run(log, source, events, Judge.DEFAULT);
    }

    public static <L extends RunLog & ProductionLog> IngestResult run(L log, String source, List<ProductionEvent> events,
                                                                      Judge judge) {
        IngestResult stored = log.store(events);
        List<ProductionEvent> pairs = log.unjudged();
        if (pairs.isEmpty()) {
            return stored;
        }
        List<String> classes = labels(pairs);
        Set<String> models = new TreeSet<>();
        pairs.stream().filter(p -> p.model() != null).forEach(p -> models.add(p.model()));
        Task task = classes.size() == 2 ? Task.BINARY_CLASSIFICATION : Task.MULTICLASS_CLASSIFICATION;
        RunSession session = RunSession.begin(log, RunHeader.of(KIND, task, null, classes)
                .model(models.isEmpty() ? null : String.join(",", models)).data(source, null)
                .options(Map.of("source", source)));

        List<PredictionRecord> predictions = new ArrayList<>(pairs.size());
        List<Failure> failures = new ArrayList<>();
        boolean[] failed = new boolean[pairs.size()];
        List<Map<String, Object>> inputs = new ArrayList<>(pairs.size());
        for (int i = 0; i < pairs.size(); i++) {
            ProductionEvent p = pairs.get(i);
            Map<String, Double> probabilities = p.probabilities();
            Double truthProbability = probabilities.get(p.outcome());
            double loss = probabilities.isEmpty() ? Double.NaN : Judge.logLoss(truthProbability == null ? 0 : truthProbability);
            failed[i] = !p.prediction().equals(p.outcome());
            predictions.add(new PredictionRecord(p.id(), p.outcome(), p.prediction(), probabilities(probabilities, classes),
                    null, loss, failed[i]));
            inputs.add(p.features() == null ? Map.of() : p.features());
            if (failed[i]) {
                Double confidence = probabilities.get(p.prediction());
                failures.add(new Failure(session.id() + "-" + (failures.size() + 1), session.id(), p.id(), ORIGIN,
                        p.features(), p.outcome(), p.prediction(), probabilities, null, confidence, loss,
                        judge.tags(confidence), Fingerprints.failure(p.id(), p.features(), ORIGIN, Map.of())));
            }
        }
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("accuracy", 1.0 - (double) failures.size() / pairs.size());
        Run done = session.completeJudged(log, metrics, predictions, failures, RunValues.of(inputs, failed),
                pairs.stream().map(ProductionEvent::id).toList());
        return new IngestResult(stored.events(), stored.added(), stored.duplicates(), pairs.size(), failures.size(), done.id());
    }

    /** Every label the pairs predicted, observed or gave a probability to, sorted. */
    private static List<String> labels(List<ProductionEvent> pairs) {
        Set<String> labels = new TreeSet<>();
        for (ProductionEvent p : pairs) {
            labels.add(p.prediction());
            labels.add(p.outcome());
            labels.addAll(p.probabilities().keySet());
        }
        return List.copyOf(labels);
    }

    /** The probabilities in class order (0 for a class not given); none when the event gave none. */
    private static double[] probabilities(Map<String, Double> given, List<String> classes) {
        double[] out = new double[given.isEmpty() ? 0 : classes.size()];
        for (int k = 0; k < out.length; k++) {
            out[k] = given.getOrDefault(classes.get(k), 0.0);
        }
        return out;
    }
}
