package db.migration.failforward;

import dev.failforward.store.InputBackfill;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Schema version 3: fills {@code failure_inputs} for failures stored before version 2, so that
 * filters and statistics on input values also see the runs of a log made by an older FailForward.
 * In Java because SQLite and PostgreSQL read JSON with different functions.
 */
public class V3__backfill_failure_inputs extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        InputBackfill.run(context.getConnection());
    }
}
