package dev.failforward.spark;

import dev.failforward.detect.DetectorConfig;
import dev.failforward.detect.DetectorResult;
import dev.failforward.detect.Finding;
import dev.failforward.detect.Severity;
import dev.failforward.detect.Slice;
import dev.failforward.detect.SliceSearch;
import dev.failforward.detect.WeakSliceDetector;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

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
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("rows", result.rows());
        m.put("average_error", result.averageError());
        m.put("min_support", settings.minSupport());
        m.put("max_level", settings.maxLevel());
        m.put("evaluated", result.evaluated());
        m.put("pruned", result.pruned());
        List<Map<String, Object>> slices = new ArrayList<>();
        List<Finding> findings = new ArrayList<>();
        double qMax = config.get(DETECTOR, WeakSliceDetector.Q);
        int found = 0;
        for (int g = 0; g < result.top().size(); g++) {
            Slice s = result.top().get(g);
            Map<String, Object> o = describe(coding, s, result.averageError(), g + 1);
            slices.add(o);
            if (s.qValue() > qMax) {
                continue;
            }
            double ratio = s.errorRate() / result.averageError();
            Severity severity = ratio >= config.get(DETECTOR, WeakSliceDetector.CRITICAL_RATIO) ? Severity.CRITICAL
                    : ratio >= config.get(DETECTOR, WeakSliceDetector.WARNING_RATIO) ? Severity.WARNING : Severity.INFO;
            Map<String, Object> evidence = describe(coding, s, result.averageError(), g + 1);
            evidence.put("same_rows", List.of());
            evidence.put("variants", List.of());
            String title = String.format(Locale.ROOT, "Failures concentrate where %s: %.1f%% failed vs %.1f%% overall (%d rows)",
                    describe(coding, s), 100 * s.errorRate(), 100 * result.averageError(), s.size());
            findings.add(new Finding(WeakSliceDetector.ID, severity, title, s.size(), rows.get(found++), "weak-slice", evidence));
        }
        m.put("slices", slices);
        return new Outcome(new DetectorResult(WeakSliceDetector.ID, DetectorResult.Status.OK, null, new dev.failforward.detect.Measurements.Untyped(m), millis), findings);
    }

    record Outcome(DetectorResult result, List<Finding> findings) {
    }

    static String describe(FeatureCoding coding, Slice s) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.level(); i++) {
            sb.append(i == 0 ? "" : " AND ").append(coding.labels().get(s.features()[i]).get(s.levels()[i]));
        }
        return sb.toString();
    }

    private static Map<String, Object> describe(FeatureCoding coding, Slice s, double avg, int group) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("slice", describe(coding, s));
        List<String> predicates = new ArrayList<>();
        for (int i = 0; i < s.level(); i++) {
            predicates.add(coding.labels().get(s.features()[i]).get(s.levels()[i]));
        }
        o.put("predicates", predicates);
        o.put("size", s.size());
        o.put("errors", s.errors());
        o.put("error_rate", s.errorRate());
        o.put("error_ratio", s.errorRate() / avg);
        o.put("score", s.score());
        o.put("p_value", s.pValue());
        o.put("q_value", s.qValue());
        o.put("group", group);
        o.put("dropped_predicates", List.of());
        return o;
    }
}
