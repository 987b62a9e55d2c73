package dev.failforward.compare.retrain;

import dev.failforward.compare.CompareInput;
import dev.failforward.compare.CompareSettings;
import dev.failforward.compare.Comparer;
import dev.failforward.compare.Comparison;
import dev.failforward.compare.McNemar;
import dev.failforward.compare.MetricDelta;
import dev.failforward.compare.Policy;
import dev.failforward.compare.Side;
import dev.failforward.compare.Verdict;
import dev.failforward.data.ColumnRole;
import dev.failforward.data.Table;
import dev.failforward.detect.DetectorConfig;
import dev.failforward.detect.DetectorContext;
import dev.failforward.detect.Finding;
import dev.failforward.detect.WeakSliceDetector;
import dev.failforward.metric.Metrics;
import dev.failforward.model.Model;
import dev.failforward.model.Predictions;
import dev.failforward.model.Target;
import dev.failforward.probe.Expectation;
import dev.failforward.probe.Probe;
import dev.failforward.probe.ProbeResult;
import dev.failforward.probe.ProbeRunner;
import dev.failforward.probe.ProbeSuite;
import dev.failforward.probe.adversarial.AdversarialExample;
import dev.failforward.probe.adversarial.AdversarialSearch;
import dev.failforward.probe.adversarial.AdversarialSettings;
import dev.failforward.progress.Progress;
import dev.failforward.retrain.Aim;
import dev.failforward.retrain.CombinedStrategy;
import dev.failforward.retrain.RetrainContext;
import dev.failforward.retrain.RetrainStrategy;
import dev.failforward.retrain.SelectionSplit;
import dev.failforward.retrain.SlicePredicates;
import dev.failforward.retrain.TrainingSet;
import dev.failforward.scan.ScanData;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Builds, trains and judges one candidate per strategy. The run's test rows are split into selection
 * and verification halves ({@link SelectionSplit}; or the {@code --holdout} rows verify and every test
 * row selects). Strategies see the training and selection rows only: the weak-slice detector and the
 * probes they use run on the selection rows. Each candidate is trained with the current model's
 * trainer and seed, then compared with the current model on the verification rows by the compare
 * module ({@link Comparer}: paired bootstrap intervals, McNemar, DeLong, slice search) and judged by
 * the gate {@link Policy}. What a strategy targeted is tested on the verification rows (McNemar on
 * the targeted rows' failures; for the whole model, the primary metric's paired test) and the
 * p-values are Holm-corrected across the candidates. A candidate is recommended only when it passes
 * the gate, significantly improves its target and improves the primary metric by at least {@link #MIN_GAIN};
 * among several, the best primary metric wins.
 */
public final class Retrainer {

    public static final double ALPHA = 0.05;
    /**
     * The least gain in the primary metric on the verification rows that a replacement must bring: one point of a
     * classification metric (0.01 of ROC AUC), 1 % of the current value of an error metric (RMSE). A candidate that
     * improves only what it was trained to improve, with the primary metric within this of the current model's, is
     * shown as improving its target but not recommended: swapping a deployed model is worth a gain the user sees.
     */
    public static final double MIN_GAIN = 0.01;
    /** Verification rows attacked to test the adversarial candidate, and the budget per row. */
    static final int ADVERSARIAL_ROWS = 300;
    static final int ADVERSARIAL_BUDGET = 200;
    private static final Set<String> LOWER_IS_BETTER = Set.of("log_loss", "brier_score", "rmse", "mae");

    private final Progress progress;

    public Retrainer(Progress progress) {
        this.progress = progress;
    }

    /** The result, with the verification rows, their keys and the predictions of the model it recommends (or the current one). */
    public record Outcome(RetrainResult result, Table verification, List<String> verificationKeys, Predictions chosen) {
    }

    /** A strategy's trained candidate before it is judged. */
    private record Trained(TrainingSet set, Model model, Predictions verification, int rows, double selectionDifference,
                           String path) {
    }

    public Outcome retrain(RetrainRequest r) {
        ScanData d = r.data();
        Target target = d.target();
        boolean classification = target.task().isClassification();
        Table test = d.test();
        Table sel;
        List<String> selKeys;
        Table ver;
        List<String> verKeys;
        String verification;
        if (r.holdout() != null) {
            sel = test;
            selKeys = d.testKeys();
            ver = r.holdout();
            verKeys = r.holdoutKeys();
            verification = "the --holdout rows; every test row of the run selects";
        } else {
            SelectionSplit split = SelectionSplit.of(classification ? ScanData.labels(test, target) : null,
                    target.classCount(), test.rowCount(), r.seed());
            sel = test.select(split.selection());
            selKeys = pick(d.testKeys(), split.selection());
            ver = test.select(split.verification());
            verKeys = pick(d.testKeys(), split.verification());
            verification = "half of the run's test rows (stratified, seed " + r.seed() + "); the other half selects";
        }
        ScanData selData = new ScanData(d.train(), sel, target, selKeys, 0);
        String primary = Policy.primaryMetric(target.task());
        Predictions curSel = r.current().predict(sel);
        Predictions curVer = r.current().predict(ver);
        Truth selTruth = Truth.of(sel, target, curSel);
        Truth verTruth = Truth.of(ver, target, curVer);
        boolean[] failedSel = selTruth.failed(curSel);
        List<Finding> findings = findings(selData, curSel, failedSel, r);
        RetrainContext context = new RetrainContext(selData, r.current(), curSel, failedSel, findings, r.trainer(),
                r.production(), List.of(), r.relabel(), r.seed(), progress);

        List<Object> built = new ArrayList<>();
        List<RetrainStrategy> ordered = new ArrayList<>(r.strategies());
        RetrainStrategy combined = ordered.stream().filter(s -> s.id().equals(CombinedStrategy.ID)).findFirst().orElse(null);
        ordered.remove(combined);
        for (RetrainStrategy s : ordered) {
            built.add(build(s, context, r, sel, ver, selTruth, curSel, primary));
        }
        if (combined != null) {
            List<TrainingSet> helped = built.stream().filter(b -> b instanceof Trained t && t.selectionDifference() > 0)
                    .map(b -> ((Trained) b).set()).toList();
            built.add(build(combined, context.withHelped(helped), r, sel, ver, selTruth, curSel, primary));
        }

        Verifier verifier = new Verifier(r, ver, verKeys, verTruth, curVer, primary, built);
        List<Candidate> candidates = new ArrayList<>();
        progress.start("Judging candidates on " + ver.rowCount() + " verification rows", built.size());
        for (Object b : built) {
            candidates.add(b instanceof Trained t ? verifier.judge(t) : (Candidate) b);
            progress.advance(1);
        }
        progress.finish();
        candidates = decide(candidates);
        Candidate best = candidates.stream().filter(Candidate::recommended).findFirst().orElse(null);
        Predictions chosen = curVer;
        if (best != null) {
            for (Object b : built) {
                if (b instanceof Trained t && t.set().strategy().equals(best.strategy())) {
                    chosen = t.verification();
                }
            }
        }
        RetrainResult result = new RetrainResult(r.sourceRun(), r.current().id(), target.column(), primary,
                d.train().rowCount(), sel.rowCount(), ver.rowCount(), verification, r.policy().source(), r.seed(),
                verTruth.metrics(curVer), candidates, best == null ? null : best.strategy(), reason(best, candidates, primary));
        return new Outcome(result, ver, verKeys, chosen);
    }

    private Object build(RetrainStrategy s, RetrainContext context, RetrainRequest r, Table sel, Table ver, Truth selTruth,
                         Predictions curSel, String primary) {
        TrainingSet set;
        try {
            progress.start("Strategy " + s.id() + ": building its training set", 1);
            set = s.build(context);
            progress.finish();
        } catch (RuntimeException e) {
            progress.finish();
            return Candidate.error(s.id(), message(e));
        }
        if (set.isSkipped()) {
            return Candidate.skipped(s.id(), set.skipReason());
        }
        try {
            Table training = set.materialize(r.data().train(), r.data().target().column());
            progress.start("Strategy " + s.id() + ": training " + r.current().id() + " on " + training.rowCount() + " rows", 1);
            Model model = r.trainer().train(training, r.data().target(), r.seed(), Progress.NONE);
            progress.finish();
            String path = r.sink().keep(s.id(), model, training);
            Predictions pSel = model.predict(sel);
            double diff = selTruth.metrics(pSel).get(primary) - selTruth.metrics(curSel).get(primary);
            diff = LOWER_IS_BETTER.contains(primary) ? -diff : diff;
            return new Trained(set, model, model.predict(ver), training.rowCount(), diff, path);
        } catch (RuntimeException e) {
            progress.finish();
            return Candidate.error(s.id(), message(e));
        }
    }

    /** The weak slices of the selection rows (redacted columns left out), for the strategies that target slices. */
    private List<Finding> findings(ScanData sel, Predictions p, boolean[] failed, RetrainRequest r) {
        ScanData visible = sel.ignoring(r.hidden().stream().filter(c -> sel.train().find(c).isPresent()).toList());
        try {
            return new WeakSliceDetector().detect(new DetectorContext(visible, p, failed, r.trainer(), r.seed(),
                    DetectorConfig.defaults(), progress)).findings();
        } catch (RuntimeException e) {
            return List.of();
        }
    }

    /** Holm across the judged candidates' targeted tests, then who improved, who is worse and which one is recommended. */
    private static List<Candidate> decide(List<Candidate> all) {
        List<Candidate> judged = all.stream().filter(Candidate::judged).toList();
        double[] adjusted = Holm.adjust(judged.stream().mapToDouble(c -> c.targeted().pValue()).toArray());
        List<Candidate> out = new ArrayList<>();
        String best = null;
        double bestGain = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < judged.size(); i++) {
            Candidate c = judged.get(i);
            Targeted t = c.targeted().withHolm(adjusted[i]);
            boolean improved = t.better() && t.holmPValue() < ALPHA;
            double gain = -c.primary().drop();
            // A replacement must be better at the model's job by a margin that matters, not only at its own target: a
            // robustness or slice gain with the primary metric flat or lower (even within what the gate tolerates) is
            // shown, not recommended.
            if (improved && c.passed() && gain >= minGain(c.primary()) && gain > bestGain) {
                best = c.strategy();
                bestGain = gain;
            }
        }
        int j = 0;
        for (Candidate c : all) {
            if (!c.judged()) {
                out.add(c);
                continue;
            }
            Targeted t = c.targeted().withHolm(adjusted[j++]);
            boolean improved = t.better() && t.holmPValue() < ALPHA;
            boolean worse = !c.passed() || (c.primary().drop() > 0 && c.primary().pValue() < ALPHA)
                    || (!t.better() && t.added() > t.fixed() && t.holmPValue() < ALPHA);
            out.add(c.judged(t, improved, worse, c.strategy().equals(best)));
        }
        return out;
    }

    /** {@link #MIN_GAIN} for this metric: absolute for classification metrics, relative to the current value for errors. */
    static double minGain(MetricDelta primary) {
        return primary.higherIsBetter() ? MIN_GAIN : MIN_GAIN * Math.abs(primary.baseline());
    }

    private static String reason(Candidate best, List<Candidate> all, String primary) {
        if (best != null) {
            return String.format(Locale.ROOT, "recommend %s: it passes the gate and improves its target (%s: %d fixed, %d new; "
                            + "Holm p = %s); %s %.4f → %.4f", best.strategy(), best.targeted().description(),
                    best.targeted().fixed(), best.targeted().added(), p(best.targeted().holmPValue()), primary,
                    best.primary().baseline(), best.primary().candidate());
        }
        long judged = all.stream().filter(Candidate::judged).count();
        if (judged == 0) {
            return "keep the current model: no strategy had anything to work from";
        }
        long passed = all.stream().filter(c -> c.judged() && c.passed()).count();
        long improved = all.stream().filter(Candidate::improved).count();
        return "keep the current model: no candidate passes the gate, significantly improves what it targeted (after Holm's "
                + "correction across " + judged + (judged == 1 ? " candidate" : " candidates") + ") and improves " + primary
                + " by at least " + (LOWER_IS_BETTER.contains(primary) ? Math.round(100 * MIN_GAIN) + " %" : String.valueOf(MIN_GAIN))
                + " (" + passed + " passed the gate, " + improved + " improved their target)";
    }

    /** A p-value for text: three decimals, or {@code <0.001}. */
    static String p(double v) {
        return !Double.isFinite(v) ? "—" : v < 0.001 ? "<0.001" : String.format(Locale.ROOT, "%.3f", v);
    }

    private static List<String> pick(List<String> keys, int[] rows) {
        List<String> out = new ArrayList<>(rows.length);
        for (int r : rows) {
            out.add(keys.get(r));
        }
        return out;
    }

    static String message(Throwable e) {
        String m = e.getMessage();
        return e.getClass().getSimpleName() + (m == null ? "" : ": " + m);
    }

    /** The truth of some rows and what a failure is on them: a wrong class, or an error past the current model's 90 % quantile. */
    record Truth(Target target, int[] labels, double[] values, double threshold) {

        static Truth of(Table rows, Target target, Predictions current) {
            if (target.task().isClassification()) {
                return new Truth(target, ScanData.labels(rows, target), null, Double.NaN);
            }
            double[] v = ScanData.values(rows, target);
            double[] errors = new double[v.length];
            for (int i = 0; i < v.length; i++) {
                errors[i] = Math.abs(current.value(i) - v[i]);
            }
            Arrays.sort(errors);
            double t = errors.length == 0 ? 0 : errors[(int) Math.min(errors.length - 1, Math.floor(0.9 * errors.length))];
            return new Truth(target, null, v, t);
        }

        boolean[] failed(Predictions p) {
            int n = labels != null ? labels.length : values.length;
            boolean[] out = new boolean[n];
            for (int i = 0; i < n; i++) {
                out[i] = labels != null ? p.predictedClass(i) != labels[i] : Math.abs(p.value(i) - values[i]) > threshold;
            }
            return out;
        }

        java.util.Map<String, Double> metrics(Predictions p) {
            return labels != null ? Metrics.classification(p, labels).metrics() : Metrics.regression(p, values).metrics();
        }
    }

    /** Judges trained candidates on the verification rows; what is the same for all of them is computed once. */
    private final class Verifier {

        private final RetrainRequest r;
        private final Table ver;
        private final List<String> keys;
        private final Truth truth;
        private final Predictions current;
        private final String primary;
        private final List<Aim.ProbeAt> probes;
        private final List<Table> perturbed = new ArrayList<>();
        private final List<Predictions> currentPerturbed = new ArrayList<>();
        private final Table visible;
        private final ScanData verData;
        private final ProbeSuite suite;
        private final List<ProbeResult> currentProbes;
        private final List<Integer> changedRows;

        Verifier(RetrainRequest r, Table ver, List<String> keys, Truth truth, Predictions current, String primary, List<Object> built) {
            this.r = r;
            this.ver = ver;
            this.keys = keys;
            this.truth = truth;
            this.current = current;
            this.primary = primary;
            List<Aim.ProbeAt> found = new ArrayList<>();
            for (Object b : built) {
                if (b instanceof Trained t && t.set().aim().kind() == Aim.Kind.PROBES) {
                    found.addAll(t.set().aim().probes());
                    break;
                }
            }
            this.probes = r.data().target().task().isClassification() ? found : List.of();
            for (int i = 0; i < probes.size(); i++) {
                Table p = probes.get(i).probe().perturb(ver, probes.get(i).level(), r.seed() + 7L * (i + 1));
                perturbed.add(p);
                currentPerturbed.add(r.current().predict(p));
            }
            Table v = ver;
            for (String c : r.hidden()) {
                if (v.find(c).isPresent()) {
                    v = v.withRole(c, ColumnRole.IGNORED);
                }
            }
            this.visible = v;
            this.verData = new ScanData(r.data().train(), ver, r.data().target(), keys, 0);
            this.suite = ProbeSuite.defaults(ver);
            List<ProbeResult> before = List.of();
            if (!suite.probes().isEmpty()) {
                try {
                    before = ProbeRunner.run(suite, r.current(), verData, current, r.seed(), "retrain", 1, Progress.NONE).results();
                } catch (RuntimeException e) {
                    before = List.of();
                }
            }
            this.currentProbes = before;
            this.changedRows = changedRows();
        }

        /** For each default probe level, in the order the probe runner reports them, the verification rows it changes. */
        private List<Integer> changedRows() {
            List<Integer> out = new ArrayList<>();
            for (Probe unfitted : suite.probes()) {
                Probe probe = unfitted.fit(verData.reference());
                for (double level : probe.levels()) {
                    Table moved = probe.perturb(ver, level, r.seed());
                    int n = 0;
                    for (int i = 0; i < ver.rowCount(); i++) {
                        n += ProbeRunner.changed(ver, moved, i) ? 1 : 0;
                    }
                    out.add(n);
                }
            }
            return out;
        }

        Candidate judge(Trained t) {
            Predictions cand = t.verification();
            CompareSettings settings = new CompareSettings(r.resamples(), 0.95, r.seed(), r.policy().sliceMinSize(), 0);
            Target target = r.data().target();
            CompareInput in = new CompareInput(target, keys, truth.labels(), truth.values(), visible,
                    new Side("baseline", r.current().id(), r.dataName(), null, r.current().fingerprint(), r.sourceRun(), current),
                    new Side("candidate", r.current().id() + " (" + t.set().strategy() + ")", r.dataName(), null,
                            t.model().fingerprint(), null, cand), List.of(), List.of(), r.dataName());
            Comparison comparison = new Comparer(Progress.NONE).compare(in, settings);
            Verdict verdict = r.policy().judge(comparison);
            MetricDelta p = comparison.metrics().stream().filter(m -> m.metric().equals(primary)).findFirst().orElseThrow();
            List<SliceChange> slices = new ArrayList<>();
            Targeted targeted = targeted(t, cand, p, comparison, slices);
            double[] flips = flips(t.model(), cand);
            TrainingSet s = t.set();
            return new Candidate(s.strategy(), Candidate.CANDIDATE, null, s.note(), s.aim().label(), t.rows(), s.dropped(),
                    s.repeated(), s.relabels().size(), s.addedRows(), p, verdict, targeted, slices, flips[0], flips[1],
                    probeChanges(t, cand), t.selectionDifference(), false, false, false, t.model().fingerprint(), t.path());
        }

        private Targeted targeted(Trained t, Predictions cand, MetricDelta p, Comparison comparison, List<SliceChange> slices) {
            boolean[] before = truth.failed(current);
            boolean[] after = truth.failed(cand);
            Aim aim = t.set().aim();
            switch (aim.kind()) {
                case SLICES -> {
                    boolean[] in = new boolean[ver.rowCount()];
                    for (List<String> slice : aim.slices()) {
                        boolean[] one = SlicePredicates.rows(ver, slice);
                        int n = 0;
                        int b = 0;
                        int a = 0;
                        for (int i = 0; i < one.length; i++) {
                            if (one[i]) {
                                in[i] = true;
                                n++;
                                b += before[i] ? 1 : 0;
                                a += after[i] ? 1 : 0;
                            }
                        }
                        slices.add(new SliceChange(String.join(" AND ", slice), n, n == 0 ? Double.NaN : (double) b / n,
                                n == 0 ? Double.NaN : (double) a / n));
                    }
                    return paired("verification rows in the targeted slices", before, after, in);
                }
                case PROBES -> {
                    if (probes.isEmpty()) {
                        break;
                    }
                    // One indicator per verification row (failed under any targeted probe that judges it), so the
                    // paired test counts independent rows, not row × probe pairs.
                    int n = ver.rowCount();
                    boolean[] bb = new boolean[n];
                    boolean[] aa = new boolean[n];
                    boolean[] all = new boolean[n];
                    for (int i = 0; i < probes.size(); i++) {
                        Predictions candPerturbed = t.model().predict(perturbed.get(i));
                        boolean[][] f = probeFailures(probes.get(i), perturbed.get(i), currentPerturbed.get(i), candPerturbed);
                        for (int row = 0; row < n; row++) {
                            if (f[2][row]) {
                                all[row] = true;
                                bb[row] |= f[0][row];
                                aa[row] |= f[1][row];
                            }
                        }
                    }
                    return paired("verification rows under the targeted probes (wrong under any)", bb, aa, all);
                }
                case ADVERSARIAL -> {
                    return adversarial(t.model(), cand);
                }
                default -> {
                }
            }
            var diff = comparison.failureDiff();
            int n = before.length;
            return new Targeted("every verification row (" + primary + ")", n, diff.fixed(), diff.persisting(), diff.newFailures(),
                    rate(before), rate(after), p.drop() < 0, p.pValue(), p.test(), Double.NaN);
        }

        /** Every default probe at every level on the verification rows, the current model against the candidate. */
        private List<ProbeChange> probeChanges(Trained t, Predictions cand) {
            if (suite.probes().isEmpty()) {
                return List.of();
            }
            List<ProbeResult> after;
            try {
                after = ProbeRunner.run(suite, t.model(), verData, cand, r.seed(), "retrain", 1, Progress.NONE).results();
            } catch (RuntimeException e) {
                return List.of();
            }
            java.util.Set<String> aimed = new java.util.HashSet<>();
            t.set().aim().probes().forEach(p -> aimed.add(p.probe().id()));
            List<ProbeChange> out = new ArrayList<>();
            for (int i = 0; i < Math.min(after.size(), currentProbes.size()); i++) {
                ProbeResult b = currentProbes.get(i);
                ProbeResult a = after.get(i);
                // Minimum functionality cases come after the probes: they are their own rows, all of them judged.
                int changed = i < changedRows.size() ? changedRows.get(i) : b.rows();
                out.add(new ProbeChange(b.id(), b.level(), b.expectation(), b.rows(), changed, b.flipRate(), a.flipRate(),
                        b.failures(), a.failures(), aimed.contains(b.id())));
            }
            return out;
        }

        /**
         * Per row: failed under the current model, failed under the candidate, judged at all. Only rows the
         * probe changed are judged (on a row it left alone a wrong answer is a plain error, not the probe's).
         * Under an invariance probe a row fails when the model's answer on the perturbed row is wrong; under a
         * directional probe, when it is not the class the probe expects.
         */
        private boolean[][] probeFailures(Aim.ProbeAt probe, Table moved, Predictions curP, Predictions candP) {
            int n = ver.rowCount();
            boolean[][] out = new boolean[3][n];
            Expectation e = probe.probe().expectation();
            Target target = r.data().target();
            int watched = e.kind() == Expectation.Kind.INVARIANT ? -1
                    : e.outputClass() == null ? 1 : target.classes().indexOf(e.outputClass());
            for (int i = 0; i < n; i++) {
                if (!ProbeRunner.changed(ver, moved, i)) {
                    continue;
                }
                if (watched < 0) {
                    // Wrong on the perturbed row, not merely changed: a flip from a wrong answer to the right one
                    // is no failure, and a model that never moves is not fixed by it.
                    out[0][i] = curP.predictedClass(i) != truth.labels()[i];
                    out[1][i] = candP.predictedClass(i) != truth.labels()[i];
                    out[2][i] = true;
                } else {
                    int label = truth.labels()[i];
                    out[2][i] = probe.probe().judges(label == watched);
                    int expected = e.kind() == Expectation.Kind.UP ? watched : 1 - watched;
                    out[0][i] = curP.predictedClass(i) != expected;
                    out[1][i] = candP.predictedClass(i) != expected;
                }
            }
            return out;
        }

        /** The mean flip rate over the targeted probes, for the current model and the candidate; NaN without probes. */
        private double[] flips(Model model, Predictions cand) {
            if (probes.isEmpty()) {
                return new double[] {Double.NaN, Double.NaN};
            }
            double b = 0;
            double a = 0;
            for (int i = 0; i < probes.size(); i++) {
                Predictions cp = model.predict(perturbed.get(i));
                int fb = 0;
                int fa = 0;
                for (int row = 0; row < ver.rowCount(); row++) {
                    fb += currentPerturbed.get(i).predictedClass(row) != current.predictedClass(row) ? 1 : 0;
                    fa += cp.predictedClass(row) != cand.predictedClass(row) ? 1 : 0;
                }
                b += (double) fb / ver.rowCount();
                a += (double) fa / ver.rowCount();
            }
            return new double[] {b / probes.size(), a / probes.size()};
        }

        /**
         * The same search attacks both models on the same verification rows (a seeded sample of those both
         * predict correctly); a row fails for a model when the search breaks it within the budget.
         */
        private Targeted adversarial(Model candidate, Predictions cand) {
            int[] both = java.util.stream.IntStream.range(0, ver.rowCount())
                    .filter(i -> current.predictedClass(i) == truth.labels()[i] && cand.predictedClass(i) == truth.labels()[i]).toArray();
            if (both.length > ADVERSARIAL_ROWS) {
                List<Integer> all = new ArrayList<>();
                for (int i : both) {
                    all.add(i);
                }
                java.util.Collections.shuffle(all, new java.util.Random(r.seed() + 5));
                both = all.subList(0, ADVERSARIAL_ROWS).stream().mapToInt(Integer::intValue).sorted().toArray();
            }
            Table rows = ver.select(both);
            List<String> rowKeys = pick(keys, both);
            boolean[] before = broken(r.current(), rows, rowKeys);
            boolean[] after = broken(candidate, rows, rowKeys);
            boolean[] in = new boolean[both.length];
            Arrays.fill(in, true);
            return paired("verification rows both predict correctly, attacked by the adversarial search (broken = failed)",
                    before, after, in);
        }

        private boolean[] broken(Model model, Table rows, List<String> rowKeys) {
            ScanData data = new ScanData(r.data().train(), rows, r.data().target(), rowKeys, 0);
            List<AdversarialExample> found = AdversarialSearch.run(model, data, model.predict(rows),
                    new AdversarialSettings(ADVERSARIAL_BUDGET, 0, List.of(), java.util.Map.of(), r.seed() + 5), progress).examples();
            boolean[] out = new boolean[rows.rowCount()];
            found.forEach(e -> out[e.row()] = true);
            return out;
        }

        private static Targeted paired(String description, boolean[] before, boolean[] after, boolean[] in) {
            int n = 0;
            int fixed = 0;
            int persisting = 0;
            int added = 0;
            int b = 0;
            int a = 0;
            for (int i = 0; i < in.length; i++) {
                if (!in[i]) {
                    continue;
                }
                n++;
                b += before[i] ? 1 : 0;
                a += after[i] ? 1 : 0;
                fixed += before[i] && !after[i] ? 1 : 0;
                persisting += before[i] && after[i] ? 1 : 0;
                added += !before[i] && after[i] ? 1 : 0;
            }
            McNemar m = McNemar.test(added, fixed);
            return new Targeted(description, n, fixed, persisting, added, n == 0 ? Double.NaN : (double) b / n,
                    n == 0 ? Double.NaN : (double) a / n, fixed > added, m.pValue(), "mcnemar", Double.NaN);
        }

        private static double rate(boolean[] f) {
            int c = 0;
            for (boolean x : f) {
                c += x ? 1 : 0;
            }
            return f.length == 0 ? Double.NaN : (double) c / f.length;
        }
    }
}
