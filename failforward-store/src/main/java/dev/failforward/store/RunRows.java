package dev.failforward.store;

import dev.failforward.model.Task;
import dev.failforward.run.Run;
import dev.failforward.run.RunStatus;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The {@code runs} table: one row per run, written at its start and rewritten when it completes. */
final class RunRows {

    /** Every column but the id, in binding order. */
    private static final String FIELDS = "kind, started_at, finished_at, status, task, target, classes, model_id, "
            + "model_fingerprint, model_path, data, data_fingerprint, metrics, prediction_count, failure_count, provenance";
    private static final String SELECT = "SELECT id, " + FIELDS + " FROM runs";
    private static final String INSERT = "INSERT INTO runs (id, " + FIELDS + ") VALUES (?" + ", ?".repeat(16) + ")";
    private static final String UPDATE = "UPDATE runs SET " + FIELDS.replace(",", " = ?,") + " = ? WHERE id = ?";

    private RunRows() {
    }

    static void insert(Connection c, Run run) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(INSERT)) {
            s.setString(1, run.id());
            bindFields(s, 2, run);
            s.executeUpdate();
        }
    }

    /** Rewrites the run's row; false when there is none. */
    static boolean update(Connection c, Run run) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(UPDATE)) {
            int next = bindFields(s, 1, run);
            s.setString(next, run.id());
            return s.executeUpdate() > 0;
        }
    }

    static List<Run> all(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(SELECT + " ORDER BY id")) {
            return read(s);
        }
    }

    static Optional<Run> byId(Connection c, String id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(SELECT + " WHERE id = ?")) {
            s.setString(1, id);
            return read(s).stream().findFirst();
        }
    }

    /** The newest run: run ids are ULIDs, which sort by time. */
    static Optional<Run> latest(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(SELECT + " ORDER BY id DESC LIMIT 1")) {
            return read(s).stream().findFirst();
        }
    }

    private static int bindFields(PreparedStatement s, int first, Run run) throws SQLException {
        int i = first;
        s.setString(i++, run.kind());
        s.setString(i++, SqlValues.text(run.startedAt()));
        s.setString(i++, SqlValues.text(run.finishedAt()));
        s.setString(i++, run.status().id());
        s.setString(i++, run.task().id());
        s.setString(i++, run.target());
        s.setString(i++, Json.write(run.classes()));
        s.setString(i++, run.modelId());
        s.setString(i++, run.modelFingerprint());
        s.setString(i++, run.modelPath());
        s.setString(i++, run.data());
        s.setString(i++, run.dataFingerprint());
        s.setString(i++, Json.write(run.metrics()));
        s.setInt(i++, run.predictionCount());
        s.setInt(i++, run.failureCount());
        s.setString(i++, Json.provenance(run.provenance()));
        return i;
    }

    private static List<Run> read(PreparedStatement s) throws SQLException {
        List<Run> runs = new ArrayList<>();
        try (ResultSet r = s.executeQuery()) {
            while (r.next()) {
                int i = 1;
                runs.add(new Run(r.getString(i++), r.getString(i++), SqlValues.instant(r.getString(i++)),
                        SqlValues.instant(r.getString(i++)), RunStatus.parse(r.getString(i++)),
                        Task.parse(r.getString(i++)), r.getString(i++), Json.strings(r.getString(i++)),
                        r.getString(i++), r.getString(i++), r.getString(i++), r.getString(i++), r.getString(i++),
                        Json.doubles(r.getString(i++)), r.getInt(i++), r.getInt(i++), Json.provenance(r.getString(i++))));
            }
        }
        return runs;
    }
}
