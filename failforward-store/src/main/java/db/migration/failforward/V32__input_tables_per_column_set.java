package db.migration.failforward;

import dev.failforward.store.InputTables;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Schema version 32: failures' input values move from one indexed row per value
 * ({@code failure_inputs}) to one row per failure in a wide typed table per column set, listed in
 * {@code input_sets}; appending a failure then writes one unindexed row instead of one index entry
 * per value. In Java because the values are read back from each failure's input JSON.
 */
public class V32__input_tables_per_column_set extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        InputTables.migrate(context.getConnection());
    }
}
