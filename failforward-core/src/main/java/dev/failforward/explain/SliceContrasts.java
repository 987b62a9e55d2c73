package dev.failforward.explain;

import dev.failforward.data.Table;
import dev.failforward.detect.FeatureCodes;
import dev.failforward.detect.Slice;
import dev.failforward.detect.SliceGroups;
import dev.failforward.detect.SliceSearch;
import dev.failforward.detect.WeakSliceDetector;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The failure-vs-correct contrast inside each weak slice of a run's rows. Slices are found as the
 * {@code weak-slice} detector finds them (SliceLine search with its default settings, overlapping
 * slices grouped, leaders kept when significant at its q threshold); each slice's group holds the
 * explained failures and correct predictions whose rows fall in it.
 */
public final class SliceContrasts {

    /** Slices contrasted at most, best first. */
    public static final int MAX_SLICES = 5;

    private SliceContrasts() {
    }

    /**
     * @param rows     the run's evaluated rows, with the model's input columns as features
     * @param keys     each row's key, as failures and predictions record it
     * @param failed   whether each row's prediction failed
     * @param failures explanations of failures, by row key (a key may have several failures)
     * @param correct  explanations of correct predictions, by row key
     */
    public static List<AttributionContrast.Group> of(Table rows, List<String> keys, boolean[] failed,
                                                     Map<String, List<Explanation>> failures, Map<String, Explanation> correct) {
        int n = rows.rowCount();
        if (keys.size() != n || failed.length != n) {
            throw new IllegalArgumentException(n + " rows but " + keys.size() + " keys and " + failed.length + " flags");
        }
        FeatureCodes codes = FeatureCodes.of(rows, WeakSliceDetector.BINS.defaultValue());
        if (codes.features() == 0 || n == 0) {
            return List.of();
        }
        int minSupport = Math.max(20, (int) Math.ceil(WeakSliceDetector.MIN_SUPPORT_FRACTION.defaultValue() * n));
        SliceSearch.Result result = SliceSearch.search(codes, failed,
                new SliceSearch.Settings(WeakSliceDetector.MAX_LEVEL.defaultValue(),
                        WeakSliceDetector.TOP_K.defaultValue(), minSupport, WeakSliceDetector.ALPHA.defaultValue()));
        List<AttributionContrast.Group> out = new ArrayList<>();
        for (SliceGroups.Group g : SliceGroups.of(codes, result.top(), WeakSliceDetector.OVERLAP.defaultValue())) {
            Slice s = g.leader();
            if (s.qValue() > WeakSliceDetector.Q.defaultValue() || s.errorRate() <= result.averageError() || out.size() == MAX_SLICES) {
                continue;
            }
            long[] bits = SliceSearch.rows(codes, s);
            List<Explanation> onFailures = new ArrayList<>();
            List<Explanation> onCorrect = new ArrayList<>();
            for (int r = 0; r < n; r++) {
                if ((bits[r >>> 6] & (1L << r)) == 0) {
                    continue;
                }
                String key = keys.get(r);
                if (failed[r]) {
                    onFailures.addAll(failures.getOrDefault(key, List.of()));
                } else if (correct.containsKey(key)) {
                    onCorrect.add(correct.get(key));
                }
            }
            out.add(AttributionContrast.Group.of(s.describe(codes), s.size(), s.errors(), onFailures, onCorrect));
        }
        return out;
    }
}
