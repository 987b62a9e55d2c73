package dev.failforward.detect;

import dev.failforward.api.PublicApi;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the weak-slice detector measured: the test rows searched, their average failure rate, the
 * search's settings and effort, and the top slices, grouped (overlapping slices share a group).
 */
@PublicApi
public record WeakSliceMeasurements(int rows, double averageError, int minSupport, int maxLevel, long evaluated, long pruned,
                                    List<SliceRow> slices) implements Measurements {

    public WeakSliceMeasurements {
        slices = Measured.list(slices);
    }

    /**
     * One slice: its predicates (and them joined by {@code AND}), size, failures, failure rate and its
     * ratio to the average, SliceLine score, p- and q-value, group, and the predicates dropped as
     * unsupported when it was simplified.
     */
    public record SliceRow(String slice, List<String> predicates, int size, int errors, double errorRate, double errorRatio,
                           double score, double pValue, double qValue, int group, List<String> droppedPredicates) {

        public SliceRow {
            predicates = Measured.list(predicates);
            droppedPredicates = Measured.list(droppedPredicates);
        }

        /** {@code s} described by the labels of its predicates, against the average failure rate {@code average}. */
        public static SliceRow of(Slice s, List<String> predicates, double average, int group, List<String> dropped) {
            return new SliceRow(String.join(" AND ", predicates), predicates, s.size(), s.errors(), s.errorRate(),
                    s.errorRate() / average, s.score(), s.pValue(), s.qValue(), group, dropped);
        }

        /** The slice a weak-slice finding names, from its evidence. */
        public static SliceRow of(Finding finding) {
            return DetectionJson.evidence(finding, SliceRow.class);
        }

        /** The row as a finding's evidence, with the names of the slices grouped under it. */
        public Map<String, Object> evidence(List<String> sameRows, List<String> variants) {
            Map<String, Object> o = new LinkedHashMap<>(DetectionJson.values(this));
            o.put("same_rows", sameRows);
            o.put("variants", variants);
            return o;
        }
    }
}
