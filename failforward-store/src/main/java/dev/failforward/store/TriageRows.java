package dev.failforward.store;

import dev.failforward.failure.TriageEvent;
import dev.failforward.failure.TriageStatus;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** The {@code triage} table: decisions are appended, numbered in order, never changed. */
final class TriageRows {

    private TriageRows() {
    }

    /** The caller holds the transaction, so the next number is not taken twice. */
    static void insert(Connection c, TriageEvent e) throws SQLException {
        long seq;
        try (PreparedStatement s = c.prepareStatement("SELECT COALESCE(MAX(seq), 0) + 1 FROM triage");
             ResultSet r = s.executeQuery()) {
            r.next();
            seq = r.getLong(1);
        }
        try (PreparedStatement s = c.prepareStatement("INSERT INTO triage (seq, fingerprint, failure_id, status, cause, note, who, at) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            s.setLong(1, seq);
            s.setString(2, e.fingerprint());
            s.setString(3, e.failureId());
            s.setString(4, e.status().id());
            s.setString(5, e.cause());
            s.setString(6, e.note());
            s.setString(7, e.who());
            s.setString(8, SqlValues.text(e.at()));
            s.executeUpdate();
        }
    }

    static List<TriageEvent> of(Connection c, String fingerprint) throws SQLException {
        List<TriageEvent> out = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT failure_id, fingerprint, status, cause, note, who, at "
                + "FROM triage WHERE fingerprint = ? ORDER BY seq")) {
            s.setString(1, fingerprint);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    out.add(new TriageEvent(r.getString(1), r.getString(2), TriageStatus.parse(r.getString(3)),
                            r.getString(4), r.getString(5), r.getString(6), SqlValues.instant(r.getString(7))));
                }
            }
        }
        return out;
    }
}
