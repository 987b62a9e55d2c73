package dev.failforward.detect;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code weak-slice}: the test-row subgroups (up to {@code max-level} predicates) where failures
 * concentrate, by exact SliceLine search ({@link SliceSearch}), with the predicates the data does
 * not support dropped ({@link SliceSimplifier}). Overlapping slices are grouped, significant
 * slices (BH q ≤ {@code q}) first so that only they lead groups. A group is a finding when its
 * leader is significant and its error rate is at least
 * {@code warning-ratio} (warning) or {@code critical-ratio} (critical) times the average;
 * significant slices below {@code warning-ratio} are info.
 */
public final class WeakSliceDetector implements Detector {

    public static final String ID = "weak-slice";

    /**
     * The smallest default minimum support, as in the reference {@code sliceline} package: on small
     * test sets a real problem can hold 10–20 rows, and the q-value, not the size, keeps noise out.
     */
    static final int MIN_SUPPORT_FLOOR = 10;

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "subgroups (up to 3 feature = value predicates) where failures concentrate, by exact SliceLine search";
    }

    @Override
    public boolean byDefault() {
        return true;
    }

    public static final Threshold.Whole MAX_LEVEL = Threshold.whole("max-level", 3, 1, 10);
    public static final Threshold.Whole TOP_K = Threshold.whole("top-k", 10, 1, 100_000);
    public static final Threshold.Whole MIN_SUPPORT = Threshold.whole("min-support", 0, 0, Integer.MAX_VALUE);
    public static final Threshold.Real MIN_SUPPORT_FRACTION = Threshold.fraction("min-support-fraction", 0.01);
    public static final Threshold.Real ALPHA = Threshold.real("alpha", 0.95, 0.001, 1);
    public static final Threshold.Whole BINS = Threshold.whole("bins", 10, 2, 1000);
    public static final Threshold.Real OVERLAP = Threshold.fraction("overlap", 0.5);
    public static final Threshold.Real SIMPLIFY_ALPHA = Threshold.fraction("simplify-alpha", 0.05);
    public static final Threshold.Real Q = Threshold.fraction("q", 0.05);
    public static final Threshold.Real WARNING_RATIO = Threshold.atLeastZero("warning-ratio", 1.5);
    public static final Threshold.Real CRITICAL_RATIO = Threshold.atLeastZero("critical-ratio", 2.0);
    /**
     * Numbers' one-sided ranges ({@code x ≥ 1.28}, {@code x < 0.5}) are predicates besides their bins, so
     * a condition that spans several bins is one predicate rather than the one bin the search can name
     * (in slices of up to two predicates, {@link SliceSearch#RANGE_LEVELS}).
     */
    public static final Threshold.Flag RANGES = Threshold.flag("ranges", true);

    @Override
    public List<Threshold<?>> thresholds() {
        return List.of(MAX_LEVEL, TOP_K, MIN_SUPPORT, MIN_SUPPORT_FRACTION, ALPHA, BINS, OVERLAP, SIMPLIFY_ALPHA, Q, WARNING_RATIO, CRITICAL_RATIO,
                RANGES);
    }

    @Override
    public Detection detect(DetectorContext c) {
        FeatureCodes codes = FeatureCodes.of(c.data().test(), c.threshold(this, BINS));
        int n = codes.rows();
        int minSupport = minSupport(c, n);
        SliceSearch.Settings settings = new SliceSearch.Settings(c.threshold(this, MAX_LEVEL),
                c.threshold(this, TOP_K), minSupport, c.threshold(this, ALPHA), c.threshold(this, RANGES), true);
        c.progress().start("Searching weak slices", 1);
        SliceSearch.Result result = SliceSearch.search(codes, c.failed(), settings);
        c.progress().finish();
        List<SliceSimplifier.Simplified> simplified = SliceSimplifier.simplify(codes, c.failed(), result.top(), minSupport,
                settings.alpha(), result.evaluated(), c.threshold(this, SIMPLIFY_ALPHA));
        Map<Slice, List<String>> dropped = new java.util.HashMap<>();
        simplified.forEach(x -> dropped.put(x.slice(), x.dropped()));
        // Significant slices form the groups first: a slice whose excess may be chance cannot stand
        // for a problem, so it must not lead a group and thereby hide a significant slice it overlaps.
        double qMax = c.threshold(this, Q);
        List<Slice> ordered = new ArrayList<>();
        // Significant slices by evidence (the binomial log-likelihood ratio of their excess), so that of
        // two overlapping slices the surer one leads: x5 ≥ 0.84 AND c2 = k3 (53 % failing) rather than
        // x5 ≥ 0 AND c2 = k3 (35 %), which scores higher only for its size.
        double average = result.averageError();
        simplified.stream().map(SliceSimplifier.Simplified::slice).filter(x -> x.qValue() <= qMax)
                .sorted(java.util.Comparator.comparingDouble((Slice x) -> -SliceSearch.evidence(x.size(), x.errors(), average)))
                .forEach(ordered::add);
        simplified.stream().map(SliceSimplifier.Simplified::slice).filter(x -> !(x.qValue() <= qMax)).forEach(ordered::add);
        List<SliceGroups.Group> groups = new ArrayList<>(SliceGroups.of(codes, ordered, c.threshold(this, OVERLAP)));
        // The most severe first (critical, warning, info, then groups that are no finding), each by score:
        // a slice of most evidence can score below a milder one (see SliceSearch.Settings).
        groups.sort(java.util.Comparator.comparingInt((SliceGroups.Group g) -> -severityRank(c, g.leader(),
                result.averageError())));
        List<WeakSliceMeasurements.SliceRow> slices = new ArrayList<>();
        List<Finding> findings = new ArrayList<>();
        for (int g = 0; g < groups.size(); g++) {
            SliceGroups.Group group = groups.get(g);
            Slice s = group.leader();
            WeakSliceMeasurements.SliceRow leader = row(codes, s, result.averageError(), g + 1, dropped.getOrDefault(s, List.of()));
            slices.add(leader);
            for (Slice v : group.variants()) {
                slices.add(row(codes, v, result.averageError(), g + 1, dropped.getOrDefault(v, List.of())));
            }
            double ratio = s.errorRate() / result.averageError();
            if (s.qValue() > c.threshold(this, Q)) {
                continue;
            }
            Severity severity = ratio >= c.threshold(this, CRITICAL_RATIO) ? Severity.CRITICAL
                    : ratio >= c.threshold(this, WARNING_RATIO) ? Severity.WARNING : Severity.INFO;
            Map<String, Object> evidence = leader.evidence(
                    group.variants().stream().filter(v -> sameRows(codes, v, group.rows())).map(v -> v.describe(codes)).toList(),
                    group.variants().stream().map(v -> v.describe(codes)).toList());
            String title = String.format(java.util.Locale.ROOT, "Failures concentrate where %s: %.1f%% failed vs %.1f%% overall (%d rows)",
                    leader.slice(), 100 * s.errorRate(), 100 * result.averageError(), s.size());
            findings.add(new Finding(ID, severity, title, s.size(), RowKeys.of(c.data().testKeys(), group.rows()),
                    "weak-slice", evidence));
        }
        return new Detection(new WeakSliceMeasurements(n, result.averageError(), minSupport, settings.maxLevel(), result.evaluated(),
                result.pruned(), slices), findings);
    }

    /** 3 critical, 2 warning, 1 info, 0 not significant: what the group's finding would be. */
    private int severityRank(DetectorContext c, Slice leader, double average) {
        if (!(leader.qValue() <= c.threshold(this, Q))) {
            return 0;
        }
        double ratio = leader.errorRate() / average;
        return ratio >= c.threshold(this, CRITICAL_RATIO) ? 3 : ratio >= c.threshold(this, WARNING_RATIO) ? 2 : 1;
    }

    int minSupport(DetectorContext c, int n) {
        int given = c.threshold(this, MIN_SUPPORT);
        return given > 0 ? given : Math.max(MIN_SUPPORT_FLOOR, (int) Math.ceil(c.threshold(this, MIN_SUPPORT_FRACTION) * n));
    }

    /** Whether {@code v} selects exactly {@code rows} (another name for the same rows, such as an implied predicate). */
    private static boolean sameRows(FeatureCodes codes, Slice v, long[] rows) {
        return java.util.Arrays.equals(SliceSearch.rows(codes, v), rows);
    }

    private static WeakSliceMeasurements.SliceRow row(FeatureCodes codes, Slice s, double average, int group, List<String> dropped) {
        List<String> predicates = new ArrayList<>();
        for (int i = 0; i < s.level(); i++) {
            predicates.add(codes.label(s.features()[i], s.levels()[i]));
        }
        return WeakSliceMeasurements.SliceRow.of(s, predicates, average, group, dropped);
    }

    @Override
    public Class<? extends Measurements> measurementType() {
        return WeakSliceMeasurements.class;
    }

    @Override
    public List<DetectorChart> charts(Measurements measurements) {
        if (!(measurements instanceof WeakSliceMeasurements m)) {
            return List.of();
        }
        return ChartRows.bars("Failure rate of the top slices", "slice", "failure rate", m.slices(),
                WeakSliceMeasurements.SliceRow::slice, WeakSliceMeasurements.SliceRow::errorRate);
    }
}
