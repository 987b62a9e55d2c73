package dev.failforward.cli;

import dev.failforward.data.Table;
import dev.failforward.store.JdbcFailureLog;

/**
 * The failure log keeps every input column of a failed row (all columns but the target) and
 * holds at most {@link JdbcFailureLog#MAX_INPUT_COLUMNS} of them; a wider table is refused before
 * any training, not after the whole scan.
 */
final class InputWidth {

    private InputWidth() {
    }

    static void check(Table table, String target) {
        int inputs = table.columnNames().size() - (table.find(target).isPresent() ? 1 : 0);
        if (inputs > JdbcFailureLog.MAX_INPUT_COLUMNS) {
            throw new UsageException(table.source() + " has " + inputs + " columns besides the target '" + target
                    + "'; the failure log keeps at most " + JdbcFailureLog.MAX_INPUT_COLUMNS
                    + " input columns per failure: remove columns from the file before the scan");
        }
    }
}
