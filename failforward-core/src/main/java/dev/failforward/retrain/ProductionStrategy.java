package dev.failforward.retrain;

import dev.failforward.data.Column;
import dev.failforward.data.Table;
import dev.failforward.failure.Fingerprints;
import dev.failforward.failure.ProductionEvent;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code production}: what production saw ({@code log ingest}: predictions with their outcomes) joins the
 * training rows, labeled with the outcome. The failures (prediction and outcome disagree) are the point —
 * the literal failure samples — but they are a biased sample: alone they would teach the model that every
 * row like them belongs to the class it missed, and it would then fail on the rows of the same population
 * it used to get right. So the events it predicted correctly join too, and the added rows keep the
 * production population's mix. Events are deduplicated by fingerprint (the event id and its features);
 * an event lacking a feature column of the training rows, or whose outcome is not a class of the target,
 * is left out. Skipped when production recorded no failure.
 */
public final class ProductionStrategy implements RetrainStrategy {

    public static final String ID = "production";
    static final String ORIGIN = "production";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "add what production saw (log ingest: failures and correct predictions, with outcomes) as training rows, "
                + "labeled with their outcome";
    }

    @Override
    public TrainingSet build(RetrainContext c) {
        if (c.production().isEmpty()) {
            return TrainingSet.skipped(ID, "no production events with outcomes in the failure log (see 'failforward log ingest')");
        }
        Table train = c.data().train();
        List<String> features = train.features().stream().map(Column::name).toList();
        boolean classification = c.classification();
        Map<String, ProductionEvent> unique = new LinkedHashMap<>();
        int unusable = 0;
        for (ProductionEvent e : c.production()) {
            boolean complete = e.features() != null && features.stream().allMatch(e.features()::containsKey);
            boolean known = e.outcome() != null && (!classification || c.data().target().classes().contains(e.outcome()));
            if (!complete || !known) {
                unusable++;
                continue;
            }
            unique.putIfAbsent(Fingerprints.failure(e.id(), e.features(), ORIGIN, Map.of()), e);
        }
        List<ProductionEvent> rows = new ArrayList<>(unique.values());
        long failures = rows.stream().filter(e -> !e.outcome().equals(e.prediction())).count();
        if (failures == 0) {
            return TrainingSet.skipped(ID, c.production().size() + " production events, none a failure with every feature "
                    + "column of the training rows and a known outcome");
        }
        Table added = Rows.fromInputs(train, rows.stream().map(ProductionEvent::features).toList(), c.data().target().column(),
                rows.stream().map(ProductionEvent::outcome).toList());
        int duplicates = c.production().size() - unusable - rows.size();
        return TrainingSet.of(ID, null, Map.of(), added, Aim.overall(), rows.size() + " production events added with their "
                + "outcome: " + failures + " failures and " + (rows.size() - failures) + " correct predictions"
                + (unusable > 0 ? " (" + unusable + " without every feature or a known outcome left out)" : "")
                + (duplicates > 0 ? "; " + duplicates + " duplicates by fingerprint" : ""));
    }
}
