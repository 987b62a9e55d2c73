package dev.failforward.probe;

import dev.failforward.data.Column;
import dev.failforward.data.ColumnRole;
import dev.failforward.data.Table;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.IntFunction;
import java.util.stream.IntStream;

/** Picks the rows a probe level moved most (largest change of the watched score among rows it changed). */
final class WorstExamples {

    /** How many examples each probe level keeps. */
    static final int PER_LEVEL = 5;

    private WorstExamples() {
    }

    /**
     * @param before  score of each row before (probability of the watched class, or the value)
     * @param after   the same score after the perturbation
     * @param predicted the predicted label of row i before (false) or after (true)
     */
    static List<ProbeExample> pick(String probe, double level, Table test, Table perturbed, List<String> keys,
                                   double[] before, double[] after, String scoreOf,
                                   IntFunction<String> predictedBefore, IntFunction<String> predictedAfter) {
        int[] order = IntStream.range(0, before.length).boxed()
                .sorted(Comparator.comparingDouble((Integer i) -> -Math.abs(after[i] - before[i])).thenComparingInt(i -> i))
                .mapToInt(Integer::intValue).toArray();
        List<ProbeExample> out = new ArrayList<>();
        for (int i : order) {
            if (out.size() == PER_LEVEL || !(Math.abs(after[i] - before[i]) > 0)) {
                break;
            }
            Map<String, Object> original = new LinkedHashMap<>();
            Map<String, Object> changed = new LinkedHashMap<>();
            for (Column c : perturbed.columns()) {
                if (perturbed.role(c.name()) == ColumnRole.TARGET) {
                    continue;
                }
                Object was = test.column(c.name()).value(i);
                if (!Objects.equals(was, c.value(i))) {
                    original.put(c.name(), was);
                    changed.put(c.name(), c.value(i));
                }
            }
            if (!changed.isEmpty()) {
                out.add(new ProbeExample(probe, level, keys.get(i), original, changed, predictedBefore.apply(i),
                        predictedAfter.apply(i), scoreOf, before[i], after[i]));
            }
        }
        return out;
    }
}
