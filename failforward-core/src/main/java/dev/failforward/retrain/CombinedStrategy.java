package dev.failforward.retrain;

import dev.failforward.data.Table;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code combined}: the strategies that helped, together — which ones is decided on the selection rows
 * (see the retrainer), never on the verification rows. A row one of them drops stays dropped (a
 * suspected label error is never upweighted by another), a repeated row takes the largest repeat,
 * relabels and added rows are all kept. Skipped unless at least two strategies helped.
 */
public final class CombinedStrategy implements RetrainStrategy {

    public static final String ID = "combined";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "the strategies that helped on the selection rows, together";
    }

    @Override
    public TrainingSet build(RetrainContext c) {
        List<TrainingSet> sets = c.helped().stream().filter(s -> !s.isSkipped()).toList();
        if (sets.size() < 2) {
            return TrainingSet.skipped(ID, sets.isEmpty() ? "no strategy helped on the selection rows"
                    : "only " + sets.get(0).strategy() + " helped on the selection rows; combined would be the same");
        }
        int n = c.data().train().rowCount();
        int[] copies = new int[n];
        java.util.Arrays.fill(copies, 1);
        boolean[] dropped = new boolean[n];
        Map<Integer, String> relabels = new TreeMap<>();
        List<Table> added = new ArrayList<>();
        for (TrainingSet s : sets) {
            if (s.copies() != null) {
                for (int i = 0; i < n; i++) {
                    dropped[i] |= s.copies()[i] == 0;
                    copies[i] = Math.max(copies[i], s.copies()[i]);
                }
            }
            relabels.putAll(s.relabels());
            if (s.added() != null && s.added().rowCount() > 0) {
                added.add(s.added());
            }
        }
        for (int i = 0; i < n; i++) {
            copies[i] = dropped[i] ? 0 : copies[i];
        }
        for (Integer row : relabels.keySet()) {
            copies[row] = 1;
        }
        Table all = added.isEmpty() ? null : added.get(0);
        for (int i = 1; i < added.size(); i++) {
            all = Rows.concat(all, added.get(i));
        }
        return TrainingSet.of(ID, copies, relabels, all, Aim.overall(),
                String.join(" + ", sets.stream().map(TrainingSet::strategy).toList()));
    }
}
