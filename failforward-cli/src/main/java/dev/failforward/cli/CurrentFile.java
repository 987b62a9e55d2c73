package dev.failforward.cli;

import dev.failforward.data.Column;
import dev.failforward.data.ColumnType;
import dev.failforward.data.DataException;
import dev.failforward.data.ReadOptions;
import dev.failforward.data.Table;
import dev.failforward.data.TableReaders;

import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads {@code --current FILE}: current (production) rows that drift compares with the reference
 * rows. It needs every feature column of the reference data (the target is not needed); a column
 * it shares with the reference data is read as the type the reference data has, so that a column
 * is compared with itself, not with a differently inferred reading of it.
 */
final class CurrentFile {

    private CurrentFile() {
    }

    /**
     * @param reference the data the model was trained or scored on
     * @param notFeatures the target, id, ignored and prediction columns, which the current file need not have
     * @param userTypes the {@code --type} overrides
     */
    static Table read(Path file, Table reference, Collection<String> notFeatures, Map<String, ColumnType> userTypes) {
        Table first = TableReaders.read(file, ReadOptions.DEFAULT);
        for (String name : reference.columnNames()) {
            if (!notFeatures.contains(name) && first.find(name).isEmpty()) {
                throw new DataException(file + ": no column '" + name + "', which the reference data "
                        + reference.source() + " has; --current needs every feature column");
            }
        }
        Map<String, ColumnType> types = new LinkedHashMap<>();
        userTypes.forEach((name, type) -> {
            if (first.find(name).isPresent()) {
                types.put(name, type);
            }
        });
        for (Column c : reference.columns()) {
            if (first.find(c.name()).isPresent() && !notFeatures.contains(c.name())) {
                types.put(c.name(), c.type());
            }
        }
        boolean same = types.entrySet().stream().allMatch(e -> first.column(e.getKey()).type() == e.getValue());
        return same ? first : TableReaders.read(file, new ReadOptions(types));
    }
}
