package dev.failforward.model.builtin;

import dev.failforward.data.CategoricalColumn;
import dev.failforward.data.Column;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A categorical column one-hot encoded: one {@code <col>=<level>} feature for each of the most
 * frequent training levels, a {@code <col>:other} bucket for rarer levels and levels never seen in
 * training (so new values never crash a prediction), and a {@code <col>:missing} indicator.
 */
public record CategoricalEncoder(String column, List<String> levels) implements ColumnEncoder {

    private static final long serialVersionUID = 1L;

    /** At most this many levels get their own feature; the rest share the {@code other} bucket. */
    public static final int MAX_LEVELS = 50;

    private static final int UNKNOWN = -1;

    public CategoricalEncoder {
        levels = List.copyOf(levels);
    }

    /** Keeps the {@value #MAX_LEVELS} most frequent training levels; ties go to the smaller name, so the choice is stable. */
    public static CategoricalEncoder fit(Column train) {
        Map<String, Integer> counts = new HashMap<>();
        for (int r = 0; r < train.size(); r++) {
            if (!train.isMissing(r)) {
                counts.merge(train.text(r), 1, Integer::sum);
            }
        }
        List<Map.Entry<String, Integer>> ranked = new ArrayList<>(counts.entrySet());
        ranked.sort(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder()).thenComparing(Map.Entry.comparingByKey()));
        List<String> kept = ranked.stream().limit(MAX_LEVELS).map(Map.Entry::getKey).toList();
        return new CategoricalEncoder(train.name(), kept);
    }

    @Override
    public List<String> featureNames() {
        List<String> names = new ArrayList<>(levels.size() + 2);
        for (String level : levels) {
            names.add(column + "=" + level);
        }
        names.add(column + ":other");
        names.add(column + ":missing");
        return names;
    }

    @Override
    public void encode(Column input, int from, int to, double[] out, int stride, int offset) {
        int other = levels.size();
        int missing = other + 1;
        if (input instanceof CategoricalColumn categories) {
            // Filled on demand: a column may have far more levels (timestamps, keys) than a block of rows uses.
            Map<String, Integer> slotOfLevel = index();
            List<String> columnLevels = categories.levels();
            int[] slotOfCode = new int[columnLevels.size()];
            java.util.Arrays.fill(slotOfCode, UNKNOWN);
            for (int r = from; r < to; r++) {
                int code = categories.code(r);
                int slot;
                if (code < 0) {
                    slot = missing;
                } else {
                    slot = slotOfCode[code];
                    if (slot == UNKNOWN) {
                        slot = slotOfLevel.getOrDefault(columnLevels.get(code), other);
                        slotOfCode[code] = slot;
                    }
                }
                out[(r - from) * stride + offset + slot] = 1;
            }
            return;
        }
        Map<String, Integer> slotOfLevel = index();
        for (int r = from; r < to; r++) {
            int slot = input.isMissing(r) ? missing : slotOfLevel.getOrDefault(input.text(r), other);
            out[(r - from) * stride + offset + slot] = 1;
        }
    }

    private Map<String, Integer> index() {
        Map<String, Integer> slotOfLevel = new HashMap<>();
        for (int i = 0; i < levels.size(); i++) {
            slotOfLevel.put(levels.get(i), i);
        }
        return slotOfLevel;
    }
}
