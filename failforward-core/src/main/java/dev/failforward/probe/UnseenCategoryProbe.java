package dev.failforward.probe;

import dev.failforward.data.CategoricalColumn;
import dev.failforward.data.Table;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * In a share {@code level} of rows, one categorical feature gets a value never seen in training
 * ({@code <unseen>}), as when an upstream system adds a new code. Fitted on the training rows it
 * knows their levels; unfitted it only avoids the test rows' levels.
 */
public final class UnseenCategoryProbe implements Probe {

    static final String UNSEEN = "<unseen>";

    private final Map<String, Set<String>> trainLevels;

    public UnseenCategoryProbe() {
        this(Map.of());
    }

    private UnseenCategoryProbe(Map<String, Set<String>> trainLevels) {
        this.trainLevels = trainLevels;
    }

    @Override
    public String id() {
        return "unseen-category";
    }

    @Override
    public String description() {
        return "one category per row replaced by a value never seen in training, in a share (level) of rows";
    }

    @Override
    public List<Double> levels() {
        return List.of(0.1, 0.3, 1.0);
    }

    @Override
    public Probe fit(Table train) {
        Map<String, Set<String>> levels = new HashMap<>();
        for (CategoricalColumn c : Columns.categoricalFeatures(train)) {
            levels.put(c.name(), Set.copyOf(c.levels()));
        }
        return new UnseenCategoryProbe(levels);
    }

    @Override
    public boolean appliesTo(Table test) {
        return !Columns.categoricalFeatures(test).isEmpty();
    }

    @Override
    public Table perturb(Table test, double level, long seed) {
        List<CategoricalColumn> columns = Columns.categoricalFeatures(test);
        if (columns.isEmpty() || level == 0) {
            return test;
        }
        int[][] codes = new int[columns.size()][];
        int[] unseen = new int[columns.size()];
        List<List<String>> levels = new ArrayList<>();
        for (int c = 0; c < codes.length; c++) {
            CategoricalColumn column = columns.get(c);
            codes[c] = column.codes().clone();
            Set<String> taken = new HashSet<>(column.levels());
            taken.addAll(trainLevels.getOrDefault(column.name(), Set.of()));
            String value = UNSEEN;
            while (taken.contains(value)) {
                value = value + "'";
            }
            List<String> extended = new ArrayList<>(column.levels());
            extended.add(value);
            levels.add(extended);
            unseen[c] = extended.size() - 1;
        }
        for (int r = 0; r < test.rowCount(); r++) {
            SplittableRandom random = RowRandom.of(seed, id(), level, r);
            boolean hit = random.nextDouble() < level;
            int c = random.nextInt(codes.length);
            if (hit) {
                codes[c][r] = unseen[c];
            }
        }
        Table result = test;
        for (int c = 0; c < codes.length; c++) {
            CategoricalColumn original = columns.get(c);
            result = result.replace(new CategoricalColumn(original.name(), original.type(), levels.get(c), codes[c]));
        }
        return result;
    }
}
