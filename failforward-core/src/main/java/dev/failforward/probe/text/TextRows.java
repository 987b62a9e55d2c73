package dev.failforward.probe.text;

import dev.failforward.data.Column;
import dev.failforward.data.ColumnType;
import dev.failforward.data.Table;
import dev.failforward.data.TextColumn;
import dev.failforward.probe.RowRandom;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Applies a per-sentence change to every text feature column of a table. Each row draws from its
 * own {@link RowRandom}, so a row's change depends only on the seed, the probe, the level and the
 * row. A table without text features is returned as it is.
 */
final class TextRows {

    /** Changes one sentence; returns it unchanged when there is nothing to change. */
    @FunctionalInterface
    interface Edit {
        String apply(String sentence, SplittableRandom random);
    }

    private TextRows() {
    }

    /** The text feature columns (never the target or ignored columns). */
    static List<Column> textFeatures(Table table) {
        return table.features().stream().filter(c -> c.type() == ColumnType.TEXT).toList();
    }

    /** A copy of {@code test} with {@code edit} applied to each present value of each text feature. */
    static Table apply(Table test, String probe, double level, long seed, Edit edit) {
        List<Column> columns = textFeatures(test);
        if (columns.isEmpty() || level == 0) {
            return test;
        }
        Table result = test;
        for (int c = 0; c < columns.size(); c++) {
            Column column = columns.get(c);
            String[] values = new String[column.size()];
            for (int r = 0; r < values.length; r++) {
                if (column.isMissing(r)) {
                    continue;
                }
                // Each column of a row gets its own stream, so adding a column does not change the others.
                SplittableRandom random = RowRandom.of(seed + 31L * c, probe, level, r);
                values[r] = edit.apply(column.text(r), random);
            }
            result = result.replace(new TextColumn(column.name(), values));
        }
        return result;
    }
}
