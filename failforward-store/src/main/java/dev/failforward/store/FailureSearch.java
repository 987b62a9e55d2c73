package dev.failforward.store;

import dev.failforward.failure.Condition;
import dev.failforward.failure.Failure;
import dev.failforward.failure.FailureFilter;
import dev.failforward.failure.FailureSort;
import dev.failforward.failure.LoggedFailure;
import dev.failforward.failure.Recurrence;
import dev.failforward.failure.TriageStatus;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Turns a {@link FailureFilter} into one SQL query. Only fixed SQL text is written here; every
 * value the user gave (run id, cause, origin, column names and values of the condition) is a
 * bound parameter. Recurrence and triage state are computed in the same query, from the
 * fingerprint index and the triage table.
 */
final class FailureSearch {

    private static final String SEEN_BEFORE = "EXISTS (SELECT 1 FROM failure_fingerprints s JOIN failures p ON p.num = s.failure "
            + "WHERE s.fingerprint_key = f.fingerprint_key AND p.fingerprint = f.fingerprint AND p.run_id < f.run_id)";
    private static final String TRIAGE_STATUS = "(SELECT t.status FROM triage t WHERE t.fingerprint = f.fingerprint ORDER BY t.seq DESC LIMIT 1)";
    private static final String TRIAGE_CAUSE = "(SELECT t.cause FROM triage t WHERE t.fingerprint = f.fingerprint ORDER BY t.seq DESC LIMIT 1)";
    static final String SELECT = "SELECT " + FailureRows.FIELDS + ", CASE WHEN " + SEEN_BEFORE + " THEN 1 ELSE 0 END, "
            + TRIAGE_STATUS + ", " + TRIAGE_CAUSE + " FROM failures f";

    private final List<Object> binds = new ArrayList<>();
    private final StringBuilder where = new StringBuilder();
    /** How conditions on inputs name the failure's number; see {@link #find}. */
    private final String number;
    /** The log's column sets, whose tables conditions on inputs read. */
    private final List<InputSet> sets;

    private FailureSearch(FailureFilter filter, String number, List<InputSet> sets) {
        this.number = number;
        this.sets = sets;
        if (filter.runId() != null) {
            and("f.run_id = ?", filter.runId());
        }
        if (filter.recurrence() != null) {
            and(filter.recurrence() == Recurrence.RECURRING ? SEEN_BEFORE : "NOT " + SEEN_BEFORE);
        }
        if (filter.triage() != null) {
            and("COALESCE(" + TRIAGE_STATUS + ", 'open') = ?", filter.triage().id());
        }
        if (filter.cause() != null) {
            and("(f.cause_tags LIKE ? ESCAPE '\\' OR COALESCE(" + TRIAGE_CAUSE + ", '') = ?)",
                    "%" + likeEscape(Json.write(filter.cause())) + "%", filter.cause());
        }
        if (filter.minConfidence() != null) {
            and("f.confidence >= ?", filter.minConfidence());
        }
        if (filter.origin() != null) {
            if (filter.origin().endsWith(":*")) {
                String prefix = filter.origin().substring(0, filter.origin().length() - 1);
                and("f.origin LIKE ? ESCAPE '\\'", likeEscape(prefix) + "%");
            } else {
                and("f.origin = ?", filter.origin());
            }
        }
        if (filter.where() != null) {
            StringBuilder sql = new StringBuilder();
            condition(filter.where(), sql);
            and(sql.toString());
        }
    }

    private void and(String sql, Object... values) {
        where.append(where.length() == 0 ? " WHERE " : " AND ").append(sql);
        binds.addAll(Arrays.asList(values));
    }

    /**
     * {@code number IN (…)}: the failures whose row in some column set's table satisfies the
     * whole condition, one pass over each table that has a column the condition names.
     */
    private void condition(Condition c, StringBuilder sql) {
        sql.append(number).append(" IN (");
        numbers(c, sql);
        sql.append(')');
    }

    /** A query for the numbers of the failures whose inputs satisfy {@code c}, binding its values. */
    private void numbers(Condition c, StringBuilder sql) {
        Set<String> named = new HashSet<>();
        columns(c, named);
        boolean any = false;
        for (InputSet set : sets) {
            if (set.columns().stream().noneMatch(named::contains)) {
                continue;
            }
            sql.append(any ? " UNION ALL " : "").append("SELECT i.failure FROM ").append(set.table()).append(" i WHERE ");
            onRow(c, set, sql);
            any = true;
        }
        if (!any) {
            sql.append("SELECT 0 WHERE 1 = 0");
        }
    }

    private static void columns(Condition c, Set<String> out) {
        if (c instanceof Condition.And a) {
            columns(a.left(), out);
            columns(a.right(), out);
        } else if (c instanceof Condition.Or o) {
            columns(o.left(), out);
            columns(o.right(), out);
        } else {
            out.add(((Condition.Compare) c).column());
        }
    }

    /** The condition on one row {@code i} of the set's table; a column the set lacks compares false. */
    private void onRow(Condition c, InputSet set, StringBuilder sql) {
        if (c instanceof Condition.And a) {
            sql.append('(');
            onRow(a.left(), set, sql);
            sql.append(" AND ");
            onRow(a.right(), set, sql);
            sql.append(')');
        } else if (c instanceof Condition.Or o) {
            sql.append('(');
            onRow(o.left(), set, sql);
            sql.append(" OR ");
            onRow(o.right(), set, sql);
            sql.append(')');
        } else {
            Condition.Compare cmp = (Condition.Compare) c;
            int k = set.columns().indexOf(cmp.column());
            if (k < 0) {
                sql.append("1 = 0");
                return;
            }
            String op = cmp.op() == Condition.Op.NE ? "<>" : cmp.op().symbol;
            if (cmp.value() instanceof String text) {
                sql.append("i.").append(InputSet.text(k)).append(' ').append(op).append(" ?");
                binds.add(text);
            } else {
                sql.append("(i.").append(InputSet.text(k)).append(" IS NULL AND i.").append(InputSet.number(k))
                        .append(' ').append(op).append(" ?)");
                binds.add(cmp.value());
            }
        }
    }

    /** {@code s} as a literal in a LIKE pattern with {@code ESCAPE '\'}. */
    static String likeEscape(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    /**
     * The matching failures in the filter's order. With a limit, the page's failure numbers are
     * chosen first, reading only the columns the filter and the order need; the stored columns,
     * recurrence and triage are then read for that page alone, not for every match. In stored
     * order the page is found by walking the {@code (run_id, seq)} index and stopping at the
     * limit: {@code +f.num} keeps the database from instead fetching every matching failure's row
     * by its number and sorting them all (the unary plus changes no value).
     */
    static List<LoggedFailure> find(Connection c, FailureFilter filter) throws SQLException {
        try (PreparedStatement s = select(c, filter, SELECT)) {
            return read(c, s);
        }
    }

    /** The failures alone, as {@link #find} selects and orders them, without recurrence and triage. */
    static List<Failure> failures(Connection c, FailureFilter filter) throws SQLException {
        try (PreparedStatement s = select(c, filter, "SELECT " + FailureRows.FIELDS + " FROM failures f")) {
            return FailureRows.readAll(c, s, null);
        }
    }

    private static PreparedStatement select(Connection c, FailureFilter filter, String select) throws SQLException {
        boolean walk = filter.limit() != null && filter.sort() == FailureSort.STORED;
        FailureSearch q = new FailureSearch(filter, walk ? "+f.num" : "f.num", InputSet.all(c));
        String order = switch (filter.sort()) {
            case STORED -> " ORDER BY f.run_id, f.seq";
            case LOSS -> " ORDER BY CASE WHEN f.loss IS NULL THEN 1 ELSE 0 END, f.loss DESC, f.run_id, f.seq";
            case CONFIDENCE -> " ORDER BY CASE WHEN f.confidence IS NULL THEN 1 ELSE 0 END, f.confidence DESC, f.run_id, f.seq";
        };
        String sql = filter.limit() == null ? select + q.where + order
                : select + " WHERE f.num IN (SELECT f.num FROM failures f" + q.where + order + " LIMIT ?)" + order;
        PreparedStatement s = c.prepareStatement(sql);
        try {
            int next = q.bind(s);
            if (filter.limit() != null) {
                s.setInt(next, filter.limit());
            }
            return s;
        } catch (SQLException | RuntimeException e) {
            s.close();
            throw e;
        }
    }

    /**
     * How many match, ignoring the limit. A filter on input values alone is counted in the column
     * sets' tables without visiting the failures (each failure has one row in one of them).
     */
    static long count(Connection c, FailureFilter filter) throws SQLException {
        boolean inputsOnly = filter.where() != null && filter.runId() == null && filter.recurrence() == null
                && filter.triage() == null && filter.cause() == null && filter.minConfidence() == null && filter.origin() == null;
        List<InputSet> sets = InputSet.all(c);
        FailureSearch q = new FailureSearch(inputsOnly ? new FailureFilter(null, null, null, null, null, null, null, null, null) : filter,
                "f.num", sets);
        String sql;
        if (inputsOnly) {
            StringBuilder numbers = new StringBuilder("SELECT COUNT(*) FROM (");
            q.numbers(filter.where(), numbers);
            sql = numbers.append(") n").toString();
        } else {
            sql = "SELECT COUNT(*) FROM failures f" + q.where;
        }
        try (PreparedStatement s = c.prepareStatement(sql)) {
            q.bind(s);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    /** Failures selected by a fixed condition on {@code f} with bound values, stored order. */
    static List<LoggedFailure> by(Connection c, String condition, Object... values) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(SELECT + " WHERE " + condition + " ORDER BY f.run_id, f.seq")) {
            SqlValues.bind(s, values);
            return read(c, s);
        }
    }

    private int bind(PreparedStatement s) throws SQLException {
        int i = 1;
        for (Object v : binds) {
            if (v instanceof Double d) {
                s.setDouble(i++, d);
            } else {
                s.setString(i++, (String) v);
            }
        }
        return i;
    }

    private static List<LoggedFailure> read(Connection c, PreparedStatement s) throws SQLException {
        List<Recurrence> recurrences = new ArrayList<>();
        List<TriageStatus> statuses = new ArrayList<>();
        List<String> causes = new ArrayList<>();
        List<Failure> failures = FailureRows.readAll(c, s, r -> {
            int i = FailureRows.FIELD_COUNT + 1;
            recurrences.add(r.getInt(i++) == 1 ? Recurrence.RECURRING : Recurrence.NEW);
            String status = r.getString(i++);
            statuses.add(status == null ? TriageStatus.OPEN : TriageStatus.parse(status));
            causes.add(r.getString(i));
        });
        List<LoggedFailure> out = new ArrayList<>(failures.size());
        for (int i = 0; i < failures.size(); i++) {
            out.add(new LoggedFailure(failures.get(i), recurrences.get(i), statuses.get(i), causes.get(i)));
        }
        return out;
    }
}
