package db.migration.failforward;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

/**
 * Schema version 37, lighter failure rows:
 * <ul>
 * <li>a failure whose id is its run's id and its position ({@code RUN-N}, N from 1, as every
 * failure FailForward makes) stores no id; it is found through the {@code (run_id, seq)} index.
 * Other ids are kept, with a unique index over them alone. Appending a failure then writes no text
 * id and no entry into an index on it. Attributions refer to their failure by number, since a
 * foreign key needs a unique column;
 * <li>{@code input} (the JSON copy of the input values) may be NULL, and {@code input_types} says
 * how to read the values back from the failure's wide input row instead ({@code InputTypes});
 * failures stored before keep their JSON.
 * </ul>
 * In Java because SQLite rebuilds both tables (it cannot drop a constraint) while PostgreSQL alters
 * them in place.
 */
public class V37__lighter_failure_rows extends BaseJavaMigration {

    /** The stored id when it is not the one the run and position give; as in FailureRows. */
    private static final String STORED_ID = "CASE WHEN id = run_id || '-' || (seq + 1) THEN NULL ELSE id END";
    private static final String OTHER_COLUMNS = "run_id, seq, row_key, origin, input, expected, predicted, probabilities, "
            + "prediction, confidence, loss, cause_tags, fingerprint, probe_params, perturbed_input";

    @Override
    public void migrate(Context context) throws Exception {
        Connection c = context.getConnection();
        boolean postgres = c.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
        try (Statement s = c.createStatement()) {
            if (postgres) {
                s.execute("ALTER TABLE attributions ADD COLUMN failure BIGINT");
                s.execute("UPDATE attributions SET failure = f.num FROM failures f WHERE f.id = attributions.failure_id");
                // Drops the primary key and the foreign key on the text id with it.
                s.execute("ALTER TABLE attributions DROP COLUMN failure_id");
                s.execute("ALTER TABLE attributions ALTER COLUMN failure SET NOT NULL");
                s.execute("ALTER TABLE attributions ADD PRIMARY KEY (failure, method)");
                s.execute("ALTER TABLE attributions ADD FOREIGN KEY (failure) REFERENCES failures (num)");
                String key;
                try (ResultSet r = s.executeQuery("SELECT conname FROM pg_constraint "
                        + "WHERE conrelid = 'failures'::regclass AND contype IN ('p', 'u')")) {
                    r.next();
                    key = r.getString(1);
                }
                s.execute("ALTER TABLE failures DROP CONSTRAINT \"" + key.replace("\"", "\"\"") + "\"");
                s.execute("ALTER TABLE failures ALTER COLUMN id DROP NOT NULL");
                s.execute("ALTER TABLE failures ALTER COLUMN input DROP NOT NULL");
                s.execute("ALTER TABLE failures ADD COLUMN input_types TEXT");
                s.execute("UPDATE failures SET id = NULL WHERE id = run_id || '-' || (seq + 1)");
            } else {
                s.execute("CREATE TABLE attributions_v37 (failure INTEGER NOT NULL REFERENCES failures (num), "
                        + "run_id TEXT NOT NULL REFERENCES runs (id), method TEXT NOT NULL, explanation TEXT NOT NULL, "
                        + "created_at TEXT NOT NULL, PRIMARY KEY (failure, method))");
                s.execute("INSERT INTO attributions_v37 (failure, run_id, method, explanation, created_at) "
                        + "SELECT f.num, a.run_id, a.method, a.explanation, a.created_at FROM attributions a "
                        + "JOIN failures f ON f.id = a.failure_id");
                s.execute("DROP TABLE attributions");
                s.execute("ALTER TABLE attributions_v37 RENAME TO attributions");
                s.execute("CREATE INDEX attributions_by_run ON attributions (run_id)");
                s.execute("CREATE TABLE failures_v37 (num INTEGER PRIMARY KEY, id TEXT, run_id TEXT NOT NULL REFERENCES runs (id), "
                        + "seq INTEGER NOT NULL, row_key TEXT, origin TEXT NOT NULL, input TEXT, input_types TEXT, expected TEXT, "
                        + "predicted TEXT, probabilities TEXT NOT NULL, prediction DOUBLE PRECISION, confidence DOUBLE PRECISION, "
                        + "loss DOUBLE PRECISION, cause_tags TEXT NOT NULL, fingerprint TEXT NOT NULL, probe_params TEXT, "
                        + "perturbed_input TEXT)");
                s.execute("INSERT INTO failures_v37 (num, id, " + OTHER_COLUMNS + ") SELECT num, " + STORED_ID + ", "
                        + OTHER_COLUMNS + " FROM failures ORDER BY num");
                s.execute("DROP TABLE failures");
                s.execute("ALTER TABLE failures_v37 RENAME TO failures");
                s.execute("CREATE UNIQUE INDEX failures_by_run ON failures (run_id, seq)");
            }
            s.execute("CREATE UNIQUE INDEX failures_by_id ON failures (id) WHERE id IS NOT NULL");
        }
    }
}
