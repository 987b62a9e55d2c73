package dev.failforward.spark;

import dev.failforward.detect.DetectorConfig;
import dev.failforward.detect.DetectorResult;
import dev.failforward.detect.Finding;
import dev.failforward.detect.Severity;
import dev.failforward.detect.Slice;
import dev.failforward.detect.SliceSearch;
import dev.failforward.detect.WeakSliceDetector;
import dev.failforward.detect.WeakSliceMeasurements;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The {@code weak-slice} detector's result from a Spark scan's exact slice search: the same
 * measurements and finding texts as {@link WeakSliceDetector}, with each top slice its own group (the
 * Spark scan does not drop unsupported predicates nor group overlapping slices, which need every row's
 * codes at once).
 */
final class WeakSlices {

    static final WeakSliceDetector DETECTOR = new WeakSliceDetector();

    private WeakSlices() {
    }

    static int minSupport(DetectorConfig config, int n) {
        int given = config.get(DETECTOR, WeakSliceDetector.MIN_SUPPORT);
        return given > 0 ? given : Math.max(10, (int) Math.ceil(config.get(DETECTOR, WeakSliceDetector.MIN_SUPPORT_FRACTION) * n));
    }

    static SliceSearch.Settings settings(DetectorConfig config, int n) {
        return new SliceSearch.Settings(config.get(DETECTOR, WeakSliceDetector.MAX_LEVEL), config.get(DETECTOR, WeakSliceDetector.TOP_K),
                minSupport(config, n), config.get(DETECTOR, WeakSliceDetector.ALPHA));
    }

    /** The slices that become findings: significant ones (q ≤ the {@code q} threshold), best first. */
    static List<Slice> significant(SliceSearch.Result result, DetectorConfig config) {
        double q = config.get(DETECTOR, WeakSliceDetector.Q);
        return result.top().stream().filter(s -> s.qValue() <= q).toList();
    }

    /** @param rows the row keys of each of {@link #significant}'s slices */
    static Outcome outcome(SliceSearch.Result result, FeatureCoding coding, DetectorConfig config, List<List<String>> rows,
                           long millis) {
        SliceSearch.Settings settings = settings(config, result.rows());
        List<WeakSliceMeasurements.SliceRow> slices = new ArrayList<>();
        List<Finding> findings = new ArrayList<>();
        double qMax = config.get(DETECTOR, WeakSliceDetector.Q);
        int found = 0;
        for (int g = 0; g < result.top().size(); g++) {
            Slice s = result.top().get(g);
            WeakSliceMeasurements.SliceRow row = row(coding, s, result.averageError(), g + 1);
            slices.add(row);
            if (s.qValue() > qMax) {
                continue;
            }
            double ratio = s.errorRate() / result.averageError();
            Severity severity = ratio >= config.get(DETECTOR, WeakSliceDetector.CRITICAL_RATIO) ? Severity.CRITICAL
                    : ratio >= config.get(DETECTOR, WeakSliceDetector.WARNING_RATIO) ? Severity.WARNING : Severity.INFO;
            String title = String.format(Locale.ROOT, "Failures concentrate where %s: %.1f%% failed vs %.1f%% overall (%d rows)",
                    row.slice(), 100 * s.errorRate(), 100 * result.averageError(), s.size());
            findings.add(new Finding(WeakSliceDetector.ID, severity, title, s.size(), rows.get(found++), "weak-slice",
                    row.evidence(List.of(), List.of())));
        }
        WeakSliceMeasurements m = new WeakSliceMeasurements(result.rows(), result.averageError(), settings.minSupport(),
                settings.maxLevel(), result.evaluated(), result.pruned(), slices);
        return new Outcome(new DetectorResult(WeakSliceDetector.ID, DetectorResult.Status.OK, null, m, millis), findings);
    }

    record Outcome(DetectorResult result, List<Finding> findings) {
    }

    private static WeakSliceMeasurements.SliceRow row(FeatureCoding coding, Slice s, double average, int group) {
        List<String> predicates = new ArrayList<>();
        for (int i = 0; i < s.level(); i++) {
            predicates.add(coding.labels().get(s.features()[i]).get(s.levels()[i]));
        }
        return WeakSliceMeasurements.SliceRow.of(s, predicates, average, group, List.of());
    }
}
