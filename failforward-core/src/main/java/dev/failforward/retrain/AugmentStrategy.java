package dev.failforward.retrain;

import dev.failforward.data.Table;
import dev.failforward.model.Target;
import dev.failforward.probe.Expectation;
import dev.failforward.probe.Probe;
import dev.failforward.probe.ProbeOutcome;
import dev.failforward.probe.ProbeResult;
import dev.failforward.probe.ProbeRunner;
import dev.failforward.probe.ProbeSuite;
import dev.failforward.scan.ScanData;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * {@code augment}: the default probes run on the selection rows; each probe that broke the current
 * model there (at least {@value #MIN_FAILURES} failures and {@code 1 %} of the rows, at its level with
 * the most failures) perturbs a seeded sample of training rows at that level, and the perturbed
 * copies join the training rows: with their original label under an invariance probe, with the
 * expected label under a directional probe that must move the output (negative tolerance, binary
 * tasks: the watched class for "up", the other class for "down"). Only rows the probe changed are
 * copied (a sentence without a name is no name-swap copy, one without an auxiliary verb no negated
 * one). Directional probes that only bound the move do not say what the label should be and are
 * left out. Each probe adds at most
 * {@code 1 / probes} of the training row count, so the training set at most doubles.
 */
public final class AugmentStrategy implements RetrainStrategy {

    public static final String ID = "augment";
    static final int MIN_FAILURES = 5;
    static final double MIN_SHARE = 0.01;
    /** Added copies of one probe, as a share of the training rows, when it is the only one. */
    static final double SHARE_PER_PROBE = 0.3;

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "add perturbed copies of training rows from the probes that broke the model on the selection rows";
    }

    @Override
    public TrainingSet build(RetrainContext c) {
        ScanData d = c.data();
        ProbeSuite suite = ProbeSuite.defaults(d.test());
        if (suite.probes().isEmpty()) {
            return TrainingSet.skipped(ID, "no probe applies to these columns");
        }
        Map<String, Probe> byId = new LinkedHashMap<>();
        suite.probes().forEach(p -> byId.put(p.id(), p));
        ProbeOutcome outcome = ProbeRunner.run(List.copyOf(suite.probes()), c.current(), d, c.selection(), c.seed(),
                "retrain", 1, c.progress());
        Map<String, ProbeResult> worst = new LinkedHashMap<>();
        int rows = d.test().rowCount();
        for (ProbeResult r : outcome.results()) {
            if (r.level() == 0 || r.failures() < Math.max(MIN_FAILURES, MIN_SHARE * rows)) {
                continue;
            }
            ProbeResult best = worst.get(r.id());
            if (best == null || r.failures() > best.failures()) {
                worst.put(r.id(), r);
            }
        }
        List<Aim.ProbeAt> used = new ArrayList<>();
        List<Table> parts = new ArrayList<>();
        Table train = d.train();
        Target target = d.target();
        int[] labels = target.task().isClassification() ? ScanData.labels(train, target) : null;
        int perProbe = (int) Math.max(1, Math.round(train.rowCount() * Math.min(SHARE_PER_PROBE, 1.0 / Math.max(1, worst.size()))));
        int p = 0;
        for (ProbeResult r : worst.values()) {
            Probe fitted = byId.get(r.id()).fit(train);
            Expectation e = fitted.expectation();
            int[] eligible;
            String newLabel = null;
            if (e.kind() == Expectation.Kind.INVARIANT) {
                eligible = java.util.stream.IntStream.range(0, train.rowCount()).toArray();
            } else if (target.task().isClassification() && target.classCount() == 2 && e.tolerance() < 0) {
                int watched = e.outputClass() == null ? 1 : target.classes().indexOf(e.outputClass());
                if (watched < 0) {
                    continue;
                }
                int w = watched;
                eligible = java.util.stream.IntStream.range(0, train.rowCount()).filter(i -> fitted.judges(labels[i] == w)).toArray();
                newLabel = target.classes().get(e.kind() == Expectation.Kind.UP ? watched : 1 - watched);
            } else {
                continue;
            }
            p++;
            // Only copies the probe changed: an unchanged copy is a plain duplicate, and under a directional probe it
            // would carry the opposite label on the very same row ("it was fine" left as it is, labeled negative).
            Table all = train.select(eligible);
            Table moved = fitted.perturb(all, r.level(), c.seed() + 7919L * p);
            int[] changed = java.util.stream.IntStream.range(0, all.rowCount()).filter(i -> ProbeRunner.changed(all, moved, i)).toArray();
            int[] sample = sample(changed, perProbe, c.seed() + 31L * p);
            if (sample.length == 0) {
                continue;
            }
            Table perturbed = moved.select(sample);
            if (newLabel != null) {
                String label = newLabel;
                perturbed = Rows.withLabel(perturbed, target.column(), label);
            }
            parts.add(perturbed);
            used.add(new Aim.ProbeAt(fitted, r.level()));
        }
        if (parts.isEmpty()) {
            return TrainingSet.skipped(ID, "no probe broke the model on the selection rows (at least " + MIN_FAILURES
                    + " failures and " + Math.round(100 * MIN_SHARE) + "% of the rows)");
        }
        Table added = parts.get(0);
        for (int i = 1; i < parts.size(); i++) {
            added = Rows.concat(added, parts.get(i));
        }
        return TrainingSet.of(ID, null, Map.of(), added, Aim.probes(used),
                added.rowCount() + " perturbed copies of training rows from " + used.size()
                        + (used.size() == 1 ? " probe: " : " probes: ") + String.join(", ",
                        used.stream().map(u -> u.probe().id() + " at " + dev.failforward.data.NumericColumn.format(u.level())).toList()));
    }

    /** At most {@code max} of {@code rows}, a seeded sample in ascending order. */
    static int[] sample(int[] rows, int max, long seed) {
        if (rows.length <= max) {
            return rows;
        }
        List<Integer> all = new ArrayList<>();
        for (int r : rows) {
            all.add(r);
        }
        java.util.Collections.shuffle(all, new Random(seed));
        return all.subList(0, max).stream().mapToInt(Integer::intValue).sorted().toArray();
    }
}
