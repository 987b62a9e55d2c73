package db.migration.failforward;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import java.sql.Connection;
import java.sql.Statement;

/**
 * Schema version 33: failures are found by fingerprint through a table of (fingerprint, failure
 * number) pairs that a run fills in fingerprint order, instead of an index on
 * {@code failures.fingerprint} that each failure entered at a random place — on a large log that
 * random insert was the largest cost of appending a failure. In Java because only SQLite keeps the
 * pairs without a second copy ({@code WITHOUT ROWID}).
 */
public class V33__fingerprint_table extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        Connection c = context.getConnection();
        boolean postgres = c.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE failure_fingerprints (fingerprint TEXT NOT NULL, failure " + (postgres ? "BIGINT" : "INTEGER")
                    + " NOT NULL, PRIMARY KEY (fingerprint, failure))" + (postgres ? "" : " WITHOUT ROWID"));
            s.execute("INSERT INTO failure_fingerprints (fingerprint, failure) SELECT fingerprint, num FROM failures ORDER BY fingerprint, num");
            s.execute("DROP INDEX failures_by_fingerprint");
        }
    }
}
