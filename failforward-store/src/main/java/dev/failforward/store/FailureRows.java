package dev.failforward.store;

import dev.failforward.failure.Failure;
import dev.failforward.failure.Perturbation;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** The {@code failures} table: each failure of a run, numbered in the order the run listed them. */
final class FailureRows {

    /**
     * A failure's id, with the table named {@code f}. An id that is its run's id and its position
     * ({@code RUN-N}, N from 1), as every failure FailForward makes has, is not stored: the
     * {@code (run_id, seq)} index finds it, and appending writes neither the text nor an entry
     * into an index on it. Other ids are stored and indexed (schema version 37).
     */
    static final String ID = "COALESCE(f.id, f.run_id || '-' || (f.seq + 1))";
    private static final String COLUMNS = "run_id, row_key, origin, input, expected, predicted, probabilities, "
            + "prediction, confidence, loss, cause_tags, fingerprint, probe_params, perturbed_input";
    /**
     * What {@link #read} reads, in order, with the table named {@code f}: the id, the stored
     * columns, then the number and input types that {@link InputTypes#restore} needs.
     */
    static final String FIELDS = ID + ", " + Arrays.stream(COLUMNS.split(", ")).map(c -> "f." + c)
            .collect(Collectors.joining(", ")) + ", f.num, f.input_types";
    /** How many columns {@link #FIELDS} selects. */
    static final int FIELD_COUNT = 1 + COLUMNS.split(", ").length + 2;
    /** The condition that finds a failure by id through an index, with the values {@link #byId} gives. */
    static final String BY_ID = "(f.id = ? OR (f.id IS NULL AND f.run_id = ? AND f.seq = ?))";

    private FailureRows() {
    }

    /**
     * Inserts the failures, numbered after the highest number stored, and their input values;
     * the caller holds the transaction. Other writers are kept out until the transaction ends
     * ({@link Dialect#lockForNumbering}), so that two runs stored at once never take the same numbers.
     */
    static void insert(Connection c, Dialect dialect, List<Failure> failures) throws SQLException {
        if (failures.isEmpty()) {
            return;
        }
        long first;
        try (Statement s = c.createStatement()) {
            dialect.lockForNumbering(s);
            try (ResultSet r = s.executeQuery("SELECT COALESCE(MAX(num), 0) FROM failures")) {
                r.next();
                first = r.getLong(1) + 1;
            }
        }
        FailureTexts texts = FailureTexts.start(failures);
        long[] nums = new long[failures.size()];
        List<Map<String, Object>> inputs = new ArrayList<>(failures.size());
        for (int i = 0; i < nums.length; i++) {
            nums[i] = first + i;
            inputs.add(failures.get(i).input());
        }
        InputRows.insert(c, dialect, nums, inputs);
        fingerprints(c, first, texts.keys(), texts.order());
        String[][] json = texts.texts();
        long[] keys = texts.keys();
        try (MultiRowInsert rows = new MultiRowInsert(c, "failures", "num, seq, id, fingerprint_key, input_types, " + COLUMNS,
                19, failures.size())) {
            for (int seq = 0; seq < json.length; seq++) {
                Failure f = failures.get(seq);
                String[] t = json[seq];
                rows.integer(first + seq).integer(seq).text(t[5]).integer(keys[seq]).text(t[6])
                        .text(f.runId()).text(f.rowKey()).text(f.origin()).text(t[0]).text(f.expected()).text(f.predicted()).text(t[1])
                        .real(f.prediction()).real(f.confidence()).real(f.loss())
                        .text(t[2]).text(f.fingerprint()).text(t[3]).text(t[4]);
                rows.endRow();
            }
            rows.finish();
        }
        refuseTwiceGivenIds(c, failures.get(0).runId(), json);
    }

    /**
     * Fails when an id is stored for one failure and derived for another (see {@link #ID}): the
     * unique index covers stored ids alone. Only stored ids can clash, and those of other runs only
     * when they begin with this run's id, so a run of FailForward's own ids costs one pass over the
     * (usually empty) index of stored ids.
     */
    private static void refuseTwiceGivenIds(Connection c, String runId, String[][] texts) throws SQLException {
        List<String> stored = new ArrayList<>();
        for (String[] t : texts) {
            if (t[5] != null) {
                stored.add(t[5]);
            }
        }
        // LIKE, not a range: PostgreSQL may compare text by a collation that ignores the dash. The
        // stored ids are few, and "IS NOT NULL" lets both databases read just their partial index.
        try (PreparedStatement s = c.prepareStatement(
                "SELECT f.id FROM failures f WHERE f.id IS NOT NULL AND f.id LIKE ? ESCAPE '\\'")) {
            s.setString(1, FailureSearch.likeEscape(runId) + "-%");
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    stored.add(r.getString(1));
                }
            }
        }
        try (PreparedStatement s = c.prepareStatement("SELECT 1 FROM failures f WHERE f.id IS NULL AND f.run_id = ? AND f.seq = ?")) {
            for (String id : stored) {
                Object[] parts = byId(id);
                s.setString(1, (String) parts[1]);
                s.setLong(2, (Long) parts[2]);
                try (ResultSet r = s.executeQuery()) {
                    if (r.next()) {
                        throw new SQLException("failure id " + id + " is given to two failures");
                    }
                }
            }
        }
    }

    /**
     * The failures' (fingerprint key, number) pairs, in key order: each goes next to the one before
     * it in the table's key order, instead of at a random place as an index on the fingerprint
     * would put it, which on a large log cost more than the rest of the row.
     */
    private static void fingerprints(Connection c, long first, long[] keys, int[] order) throws SQLException {
        try (MultiRowInsert rows = new MultiRowInsert(c, "failure_fingerprints", "fingerprint_key, failure", 2, keys.length)) {
            for (int i : order) {
                rows.integer(keys[i]).integer(first + i);
                rows.endRow();
            }
            rows.finish();
        }
    }

    /**
     * The failures a query selects, its first columns {@link #FIELDS}, with their inputs; for each
     * row {@code more} (when given) reads the columns after them.
     */
    static List<Failure> readAll(Connection c, PreparedStatement s, RowReader more) throws SQLException {
        List<Failure> read = new ArrayList<>();
        List<Long> nums = new ArrayList<>();
        List<String> types = new ArrayList<>();
        try (ResultSet r = s.executeQuery()) {
            while (r.next()) {
                read.add(read(r));
                nums.add(r.getLong(FIELD_COUNT - 1));
                types.add(r.getString(FIELD_COUNT));
                if (more != null) {
                    more.read(r);
                }
            }
        }
        return InputTypes.restore(c, read, nums.stream().mapToLong(Long::longValue).toArray(), types.toArray(new String[0]));
    }

    /** Reads the columns of the current row that follow {@link #FIELDS}. */
    interface RowReader {
        void read(ResultSet r) throws SQLException;
    }

    /** The failure in the current result row; its input is empty when only its wide row holds it (see {@link InputTypes}). */
    private static Failure read(ResultSet r) throws SQLException {
        int i = 1;
        String id = r.getString(i++);
        String runId = r.getString(i++);
        String rowKey = r.getString(i++);
        String origin = r.getString(i++);
        String input = r.getString(i++);
        Failure f = new Failure(id, runId, rowKey, origin, input == null ? Map.of() : Json.values(input),
                r.getString(i++), r.getString(i++), Json.doubles(r.getString(i++)), SqlValues.getOptional(r, i++), SqlValues.getOptional(r, i++),
                SqlValues.getLoss(r, i++), Json.strings(r.getString(i++)), r.getString(i++));
        String params = r.getString(i++);
        String perturbed = r.getString(i);
        return params == null ? f : new Failure(f.id(), f.runId(), f.rowKey(), f.origin(), f.input(), f.expected(),
                f.predicted(), f.probabilities(), f.prediction(), f.confidence(), f.loss(), f.causeTags(),
                f.fingerprint(), new Perturbation(Json.texts(params), perturbed == null ? Map.of() : Json.values(perturbed)));
    }

    /** The values of {@link #BY_ID} for this id: the stored id, else the run and position it names. */
    static Object[] byId(String id) {
        int dash = id.lastIndexOf('-');
        long position = -1;
        // RUN-N with N from 1, at most 9 digits and no leading zero (which would be another id).
        if (dash > 0 && dash < id.length() - 1 && id.length() - dash <= 10 && id.charAt(dash + 1) != '0'
                && id.substring(dash + 1).chars().allMatch(Character::isDigit)) {
            position = Long.parseLong(id.substring(dash + 1)) - 1;
        }
        return new Object[] {id, position < 0 ? "" : id.substring(0, dash), position};
    }

    /** The id a failure is stored with: null when it is {@code RUN-N} for its position (see {@link #ID}). */
    static String storedId(Failure f, int seq) {
        String id = f.id();
        String runId = f.runId();
        boolean derived = id.length() > runId.length() + 1 && id.startsWith(runId) && id.charAt(runId.length()) == '-'
                && id.substring(runId.length() + 1).equals(Integer.toString(seq + 1));
        return derived ? null : id;
    }

    /** The number and run of the failure with this id, if the log has it. */
    static Optional<Map.Entry<Long, String>> number(Connection c, String id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT f.num, f.run_id FROM failures f WHERE " + BY_ID)) {
            SqlValues.bind(s, byId(id));
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(Map.entry(r.getLong(1), r.getString(2))) : Optional.empty();
            }
        }
    }
}
