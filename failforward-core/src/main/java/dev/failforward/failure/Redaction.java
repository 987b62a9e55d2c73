package dev.failforward.failure;

import dev.failforward.data.CategoricalColumn;
import dev.failforward.data.Column;
import dev.failforward.data.ColumnType;
import dev.failforward.data.NumericColumn;
import dev.failforward.data.Table;
import dev.failforward.data.TextColumn;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * What a failure log stores instead of the values of chosen columns: a keyed hash, {@code hmac:}
 * and 32 hex digits of HMAC-SHA256. Equal values give equal hashes under one key, so filters,
 * statistics and fingerprints still group them; without the key a value cannot be guessed by
 * hashing candidates. Applied on the write path to everything that carries input values (failures,
 * counts per value, production events), and to row keys when they are values of a redacted column.
 * A value that already is such a hash is kept, so redacting twice changes nothing.
 */
public final class Redaction {

    /** Redacts nothing. */
    public static final Redaction NONE = new Redaction(new byte[0], Set.of(), false);

    private static final Pattern HASHED = Pattern.compile("hmac:[0-9a-f]{32}");

    private final byte[] key;
    private final Set<String> columns;
    private final boolean rowKeys;

    private Redaction(byte[] key, Set<String> columns, boolean rowKeys) {
        this.key = key.clone();
        this.columns = columns;
        this.rowKeys = rowKeys;
    }

    /** Hashes the values of these columns with this key (at least 16 bytes). */
    public static Redaction of(byte[] key, Collection<String> columns) {
        if (key.length < 16) {
            throw new IllegalArgumentException("a redaction key needs at least 16 bytes, not " + key.length);
        }
        return new Redaction(key, Set.copyOf(columns), false);
    }

    /** The same, also hashing row keys: the row key column is one of the redacted columns. */
    public Redaction withRowKeys() {
        return this == NONE ? this : new Redaction(key, columns, true);
    }

    /** The redacted columns. */
    public Set<String> columns() {
        return columns;
    }

    /** Whether row keys are hashed too. */
    public boolean rowKeys() {
        return rowKeys;
    }

    public boolean isNone() {
        return columns.isEmpty() && !rowKeys;
    }

    /**
     * The keyed hash of a value: of its text as a table shows it (a number in its shortest form, so
     * {@code 3.0} and the cell {@code 3} hash alike); a value that already is a hash is returned as it is.
     */
    public String hash(Object value) {
        String text = value instanceof Double d ? NumericColumn.format(d) : String.valueOf(value);
        if (HASHED.matcher(text).matches()) {
            return text;
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] digest = mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
            return "hmac:" + HexFormat.of().formatHex(digest).substring(0, 32);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    /**
     * The table with every value of the redacted columns replaced by its hash, as the log stores it:
     * text stays text, anything else (numbers, categories, booleans) becomes a category of hashes. A
     * model trained on it, the row keys taken from it and everything written from them never hold a
     * clear value of those columns.
     */
    public Table apply(Table table) {
        Table out = table;
        for (String name : columns) {
            Optional<Column> column = table.find(name);
            if (column.isPresent()) {
                out = out.replace(hashed(column.get()));
            }
        }
        return out;
    }

    private Column hashed(Column c) {
        int n = c.size();
        if (c instanceof TextColumn) {
            String[] values = new String[n];
            for (int i = 0; i < n; i++) {
                values[i] = c.isMissing(i) ? null : hash(c.value(i));
            }
            return new TextColumn(c.name(), values);
        }
        String[] hashes = new String[n];
        TreeMap<String, Integer> levels = new TreeMap<>();
        for (int i = 0; i < n; i++) {
            if (!c.isMissing(i)) {
                hashes[i] = hash(c.value(i));
                levels.put(hashes[i], 0);
            }
        }
        List<String> sorted = new ArrayList<>(levels.keySet());
        for (int k = 0; k < sorted.size(); k++) {
            levels.put(sorted.get(k), k);
        }
        int[] codes = new int[n];
        for (int i = 0; i < n; i++) {
            codes[i] = hashes[i] == null ? -1 : levels.get(hashes[i]);
        }
        return new CategoricalColumn(c.name(), ColumnType.CATEGORICAL, sorted, codes);
    }

    /** Input values with the redacted columns' values hashed (nulls stay null). */
    public Map<String, Object> apply(Map<String, Object> input) {
        if (input == null || columns.isEmpty()) {
            return input;
        }
        Map<String, Object> out = new LinkedHashMap<>(input);
        for (String c : columns) {
            if (out.get(c) != null) {
                out.put(c, hash(out.get(c)));
            }
        }
        return out;
    }

    /** A row key as stored: hashed when row keys are redacted. */
    public String rowKey(String key) {
        return rowKeys && key != null ? hash(key) : key;
    }

    public ProductionEvent apply(ProductionEvent e) {
        if (isNone()) {
            return e;
        }
        return new ProductionEvent(e.id(), e.timestamp(), e.model(), apply(e.features()), e.prediction(),
                e.probabilities(), e.outcome());
    }

    public PredictionRecord apply(PredictionRecord p) {
        if (!rowKeys) {
            return p;
        }
        return new PredictionRecord(rowKey(p.rowKey()), p.expected(), p.predicted(), p.probabilities(), p.prediction(),
                p.loss(), p.failure());
    }

    public ScoredRow apply(ScoredRow row) {
        return rowKeys ? new ScoredRow(row.position(), apply(row.prediction())) : row;
    }

    /**
     * Counts per value with the redacted columns' categories replaced by their hashes (as in the
     * failures' inputs, so that rates still group them), and redacted numeric columns left out:
     * their bin edges are clear values.
     */
    public RunValues apply(RunValues values) {
        if (columns.isEmpty()) {
            return values;
        }
        Set<String> binned = new HashSet<>();
        for (ValueCount v : values.counts()) {
            if (v.isBin() && columns.contains(v.column())) {
                binned.add(v.column());
            }
        }
        return new RunValues(values.without(binned::contains).counts().stream()
                .map(v -> columns.contains(v.column()) && v.value() != null
                        ? new ValueCount(v.column(), hash(v.value()), null, null, v.rows(), v.failures()) : v)
                .toList());
    }

    /**
     * The failure with redacted input (and row key, when row keys are redacted) and its fingerprint
     * recomputed over them, so that the stored fingerprint does not hash the clear values either (it
     * stays stable under one key).
     */
    public Failure apply(Failure f) {
        if (isNone()) {
            return f;
        }
        Map<String, Object> input = apply(f.input());
        String rowKey = rowKey(f.rowKey());
        Perturbation p = f.perturbation() == null ? null
                : new Perturbation(f.perturbation().params(), apply(f.perturbation().perturbedInput()));
        return new Failure(f.id(), f.runId(), rowKey, f.origin(), input, f.expected(), f.predicted(),
                f.probabilities(), f.prediction(), f.confidence(), f.loss(), f.causeTags(),
                Fingerprints.failure(rowKey, input, f.origin(), p == null ? Map.of() : p.params()), p);
    }
}
