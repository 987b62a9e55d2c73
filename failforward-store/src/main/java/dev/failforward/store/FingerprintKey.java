package dev.failforward.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A fingerprint's 64-bit key (FNV-1a over its UTF-16 code units): what {@code failure_fingerprints}
 * is keyed by and {@code failures.fingerprint_key} repeats (schema version 38). An integer key is
 * a third the size of the 32-character text and compares in one instruction, so the pairs a run
 * adds touch fewer and smaller pages. Two fingerprints may share a key; every lookup also compares
 * the fingerprint text. Stored keys must never change: this function is part of the schema.
 */
public final class FingerprintKey {

    /** Failures keyed per statement batch while a log is migrated. */
    private static final int CHUNK = 10_000;

    private static final long OFFSET_BASIS = 0xcbf29ce484222325L;
    private static final long PRIME = 0x100000001b3L;

    private FingerprintKey() {
    }

    /** The key of this fingerprint. */
    static long of(String fingerprint) {
        long h = OFFSET_BASIS;
        for (int i = 0; i < fingerprint.length(); i++) {
            h ^= fingerprint.charAt(i);
            h *= PRIME;
        }
        return h;
    }

    /**
     * Migration V38: adds {@code failures.fingerprint_key}, fills it, and rebuilds
     * {@code failure_fingerprints} keyed by it. The caller (Flyway) holds the transaction.
     */
    public static void migrate(Connection c) throws SQLException {
        boolean postgres = c.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
        String integer = postgres ? "BIGINT" : "INTEGER";
        try (Statement s = c.createStatement()) {
            s.execute("ALTER TABLE failures ADD COLUMN fingerprint_key " + integer);
        }
        try (PreparedStatement read = c.prepareStatement("SELECT num, fingerprint FROM failures WHERE num > ? ORDER BY num LIMIT " + CHUNK);
             PreparedStatement write = c.prepareStatement("UPDATE failures SET fingerprint_key = ? WHERE num = ?")) {
            long last = Long.MIN_VALUE;
            for (int found = CHUNK; found == CHUNK; ) {
                found = 0;
                read.setLong(1, last);
                try (ResultSet r = read.executeQuery()) {
                    while (r.next()) {
                        last = r.getLong(1);
                        write.setLong(1, of(r.getString(2)));
                        write.setLong(2, last);
                        write.addBatch();
                        found++;
                    }
                }
                write.executeBatch();
            }
        }
        try (Statement s = c.createStatement()) {
            s.execute("DROP TABLE failure_fingerprints");
            s.execute("CREATE TABLE failure_fingerprints (fingerprint_key " + integer + " NOT NULL, failure " + integer
                    + " NOT NULL, PRIMARY KEY (fingerprint_key, failure))" + (postgres ? "" : " WITHOUT ROWID"));
            s.execute("INSERT INTO failure_fingerprints (fingerprint_key, failure) SELECT fingerprint_key, num FROM failures "
                    + "ORDER BY fingerprint_key, num");
        }
    }
}
