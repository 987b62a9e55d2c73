package dev.failforward.probe.stress;

import dev.failforward.data.Column;
import dev.failforward.data.Table;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * For each of a column's most frequent values, a split that trains on every other row and tests on the
 * rows with that value: how does the model do on a group it has never seen? Rows without a value always
 * train.
 */
final class LeaveOneGroupOut {

    private LeaveOneGroupOut() {
    }

    static List<StressSplit> splits(Table all, String column, int maxGroups) {
        Column c = all.column(column);
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (int r = 0; r < c.size(); r++) {
            if (!c.isMissing(r)) {
                counts.merge(c.text(r), 1, Integer::sum);
            }
        }
        List<String> groups = counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(maxGroups).map(Map.Entry::getKey).toList();
        List<StressSplit> out = new ArrayList<>();
        for (String g : groups) {
            int[] test = java.util.stream.IntStream.range(0, c.size()).filter(r -> g.equals(c.text(r))).toArray();
            int[] train = java.util.stream.IntStream.range(0, c.size()).filter(r -> !g.equals(c.text(r))).toArray();
            out.add(new StressSplit(StressKind.LEAVE_ONE_GROUP_OUT, column, g, train, test));
        }
        return out;
    }
}
