package dev.failforward.retrain;

import dev.failforward.data.Table;
import dev.failforward.model.Predictions;
import dev.failforward.probe.adversarial.AdversarialExample;
import dev.failforward.probe.adversarial.AdversarialOutcome;
import dev.failforward.probe.adversarial.AdversarialSearch;
import dev.failforward.probe.adversarial.AdversarialSettings;
import dev.failforward.scan.ScanData;

import java.util.List;
import java.util.Map;

/**
 * {@code adversarial}: adversarial training. The adversarial search attacks the current model on a
 * seeded sample of at most {@value #ROWS} training rows ({@value #BUDGET} evaluations each); every
 * verified example (its prediction flips) joins the training rows with the row's original label.
 */
public final class AdversarialStrategy implements RetrainStrategy {

    public static final String ID = "adversarial";
    static final int ROWS = 300;
    static final int BUDGET = 200;

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "add verified adversarial examples of training rows with their original label (adversarial training)";
    }

    @Override
    public TrainingSet build(RetrainContext c) {
        if (!c.classification()) {
            return TrainingSet.skipped(ID, "the adversarial search attacks classifiers; this is a regression task");
        }
        Table train = c.data().train();
        int[] all = java.util.stream.IntStream.range(0, train.rowCount()).toArray();
        int[] rows = AugmentStrategy.sample(all, ROWS, c.seed() + 101);
        Table attacked = train.select(rows);
        List<String> keys = java.util.Arrays.stream(rows).mapToObj(String::valueOf).toList();
        ScanData data = new ScanData(train, attacked, c.data().target(), keys, 0);
        Predictions before = c.current().predict(attacked);
        AdversarialOutcome outcome = AdversarialSearch.run(c.current(), data, before,
                new AdversarialSettings(BUDGET, ROWS, List.of(), Map.of(), c.seed()), c.progress());
        List<AdversarialExample> found = outcome.examples();
        if (found.isEmpty()) {
            return TrainingSet.skipped(ID, "the adversarial search found no verified example on " + rows.length + " training rows");
        }
        Table added = Rows.fromInputs(train, found.stream().map(AdversarialExample::adversarial).toList(),
                c.data().target().column(), found.stream().map(AdversarialExample::expected).toList());
        return TrainingSet.of(ID, null, Map.of(), added, Aim.adversarial(),
                found.size() + " verified adversarial examples of " + rows.length + " attacked training rows, with their original label");
    }
}
