package dev.failforward.detect;

import dev.failforward.data.Table;
import dev.failforward.model.Model;
import dev.failforward.model.Predictions;
import dev.failforward.model.Target;
import dev.failforward.model.Trainer;
import dev.failforward.progress.Progress;

import java.util.ArrayList;
import java.util.List;

/**
 * Trains several models and averages their class probabilities. Detectors use it for
 * out-of-fold probabilities: a linear model and shallow boosted trees err in different places,
 * so their average ranks label errors better than either alone.
 */
public record AveragedTrainer(String id, List<Trainer> members) implements Trainer {

    public AveragedTrainer {
        members = List.copyOf(members);
        if (members.isEmpty()) {
            throw new IllegalArgumentException("an averaged trainer needs at least one member");
        }
    }

    @Override
    public Model train(Table train, Target target, long seed, Progress progress) {
        List<Model> models = new ArrayList<>();
        for (Trainer t : members) {
            models.add(t.train(train, target, seed, progress));
        }
        return new Averaged(id, target, models);
    }

    private record Averaged(String id, Target target, List<Model> models) implements Model {

        @Override
        public Predictions predict(Table rows) {
            if (!target.task().isClassification()) {
                double[] sum = null;
                for (Model m : models) {
                    double[] v = m.predict(rows).values();
                    if (sum == null) {
                        sum = new double[v.length];
                    }
                    for (int i = 0; i < v.length; i++) {
                        sum[i] += v[i] / models.size();
                    }
                }
                return Predictions.ofValues(sum);
            }
            int k = target.classCount();
            double[] sum = new double[rows.rowCount() * k];
            for (Model m : models) {
                Predictions p = m.predict(rows);
                int[] map = OutOfFold.classMap(p.classes(), target.classes());
                for (int r = 0; r < p.rows(); r++) {
                    for (int c = 0; c < p.classes().size(); c++) {
                        if (map[c] >= 0) {
                            sum[r * k + map[c]] += p.probability(r, c) / models.size();
                        }
                    }
                }
            }
            return Predictions.ofProbabilities(target.classes(), sum);
        }

        @Override
        public String fingerprint() {
            StringBuilder sb = new StringBuilder();
            models.forEach(m -> sb.append(m.fingerprint()).append('+'));
            return sb.toString();
        }
    }
}
