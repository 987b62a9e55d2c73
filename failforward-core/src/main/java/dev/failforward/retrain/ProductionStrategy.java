package dev.failforward.retrain;

import dev.failforward.data.Column;
import dev.failforward.data.Table;
import dev.failforward.failure.Failure;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code production}: failures captured in production ({@code log ingest}: a prediction whose outcome
 * disagreed) join the training rows with their outcome as the label — the literal failure samples.
 * Rows are deduplicated by failure fingerprint; a failure whose input lacks a feature column of the
 * training rows, or whose outcome is not a class of the target, is left out.
 */
public final class ProductionStrategy implements RetrainStrategy {

    public static final String ID = "production";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "add failures captured in production (log ingest, with outcomes) as training rows, labeled with their outcome";
    }

    @Override
    public TrainingSet build(RetrainContext c) {
        if (c.production().isEmpty()) {
            return TrainingSet.skipped(ID, "no production failures with outcomes in the failure log (see 'failforward log ingest')");
        }
        Table train = c.data().train();
        List<String> features = train.features().stream().map(Column::name).toList();
        boolean classification = c.classification();
        Map<String, Failure> unique = new LinkedHashMap<>();
        int unusable = 0;
        for (Failure f : c.production()) {
            boolean complete = features.stream().allMatch(f.input()::containsKey);
            boolean known = f.expected() != null && (!classification || c.data().target().classes().contains(f.expected()));
            if (!complete || !known) {
                unusable++;
                continue;
            }
            unique.putIfAbsent(f.fingerprint() == null ? f.id() : f.fingerprint(), f);
        }
        if (unique.isEmpty()) {
            return TrainingSet.skipped(ID, c.production().size() + " production failures, none with every feature column of the "
                    + "training rows and a known outcome");
        }
        List<Failure> rows = new ArrayList<>(unique.values());
        Table added = Rows.fromInputs(train, rows.stream().map(Failure::input).toList(), c.data().target().column(),
                rows.stream().map(Failure::expected).toList());
        return TrainingSet.of(ID, null, Map.of(), added, Aim.overall(), rows.size() + " production failures added with their outcome"
                + (unusable > 0 ? " (" + unusable + " without every feature or a known outcome left out)" : "")
                + (c.production().size() - unusable - rows.size() > 0 ? "; " + (c.production().size() - unusable - rows.size())
                + " duplicates by fingerprint" : ""));
    }
}
