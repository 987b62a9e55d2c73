import java.sql.*;
import java.util.*;
import java.lang.management.*;

/**
 * The floor of the failure log's schema on SQLite, with plain JDBC and no FailForward code: appends
 * RUNS runs of PER failures (8 Telco-like input values each) and prints, per run, the CPU time per
 * failure of each part — encoding the JSON texts, the failures row with its indexes, the typed wide
 * input row, the (fingerprint, failure) pairs written in fingerprint order, the commit. VARIANT
 * names what to leave out or change: {@code full} (failures with indexes on id, (run_id, seq) and
 * fingerprint), {@code nofp}, {@code noid}, {@code norun}, {@code nojson} (no input JSON copy),
 * {@code noinputs}, {@code fpint} (a 64-bit hash of the fingerprint indexed instead),
 * {@code fpsorted} (the layout the log uses: no fingerprint index, sorted pairs table),
 * {@code fp64} (with fpsorted: the pairs keyed by a 64-bit integer instead of the text),
 * {@code p16k} (16 KiB pages; any size in KiB), and combinations such as {@code nofp-noid-norun}. Run by failure-log-floor.sh.
 */
public class FailureLogFloor {
    static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();
    static final String[] CONTRACTS = {"Month-to-month", "One year", "Two year"};
    static final String[] PAYMENTS = {"Electronic check", "Mailed check", "Bank transfer (automatic)", "Credit card (automatic)"};
    static final String[] INTERNET = {"DSL", "Fiber optic", "No"};

    public static void main(String[] a) throws Exception {
        String variant = a[0];
        int per = Integer.parseInt(a[1]);
        int runs = Integer.parseInt(a[2]);
        String file = a.length > 3 ? a[3] : "floor-" + variant + ".db";
        new java.io.File(file).delete(); new java.io.File(file + "-wal").delete(); new java.io.File(file + "-shm").delete();
        boolean json = !variant.contains("nojson");
        boolean fpInt = variant.contains("fpint"); boolean fpSorted = variant.contains("fpsorted"); boolean fpIdx = !variant.contains("nofp") && !fpInt && !fpSorted;
        boolean idIdx = !variant.contains("noid");
        boolean runIdx = !variant.contains("norun");
        boolean inputs = !variant.contains("noinputs");
        boolean failures = !variant.contains("nofailures");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            java.util.regex.Matcher page = java.util.regex.Pattern.compile("p(\\d+)k").matcher(variant);
            if (page.find()) s.execute("PRAGMA page_size = " + Integer.parseInt(page.group(1)) * 1024);
            s.execute("PRAGMA journal_mode = WAL"); s.execute("PRAGMA synchronous = NORMAL"); s.execute("PRAGMA cache_size = -262144");
            s.execute("PRAGMA foreign_keys = ON");
            s.execute("CREATE TABLE runs (id TEXT PRIMARY KEY)");
            s.execute("CREATE TABLE failures (num INTEGER PRIMARY KEY, id TEXT NOT NULL " + (idIdx ? "UNIQUE" : "") + ", run_id TEXT NOT NULL REFERENCES runs (id), seq INTEGER NOT NULL, row_key TEXT, origin TEXT NOT NULL, input TEXT, expected TEXT, predicted TEXT, probabilities TEXT NOT NULL, prediction DOUBLE PRECISION, confidence DOUBLE PRECISION, loss DOUBLE PRECISION, cause_tags TEXT NOT NULL, fingerprint TEXT NOT NULL, probe_params TEXT, perturbed_input TEXT" + (fpInt ? ", fp_key INTEGER" : "") + ")");
            if (fpInt) s.execute("CREATE INDEX failures_by_fp_key ON failures (fp_key)");
            if (runIdx) s.execute("CREATE UNIQUE INDEX failures_by_run ON failures (run_id, seq)");
            if (fpIdx) s.execute("CREATE INDEX failures_by_fingerprint ON failures (fingerprint)");
            boolean fp64 = variant.contains("fp64");
            if (fpSorted) s.execute("CREATE TABLE fps (fingerprint " + (fp64 ? "INTEGER" : "TEXT") + " NOT NULL, failure INTEGER NOT NULL, PRIMARY KEY (fingerprint, failure)) WITHOUT ROWID");
            s.execute("CREATE TABLE inputs_1 (failure INTEGER PRIMARY KEY, c0, c1, c2, c3, c4, c5, c6, c7)");
            SplittableRandom random = new SplittableRandom(42);
            long num = 1;
            for (int r = 0; r < runs; r++) {
                String runId = String.format("01J%023d", r);
                s.execute("INSERT INTO runs VALUES ('" + runId + "')");
                // Build Java objects (not timed: the benchmark's failures exist before append)
                Object[][] in = new Object[per][];
                String[] keys = new String[per];
                double[] ps = new double[per];
                for (int i = 0; i < per; i++) {
                    in[i] = new Object[]{(double) random.nextInt(73), Math.round((18 + random.nextDouble() * 101) * 100) / 100.0,
                        random.nextInt(100) == 0 ? null : Math.round(random.nextDouble() * 8700 * 100) / 100.0,
                        CONTRACTS[random.nextInt(3)], PAYMENTS[random.nextInt(4)], INTERNET[random.nextInt(3)],
                        random.nextBoolean() ? "true" : "false", random.nextBoolean() ? "true" : "false"};
                    keys[i] = Integer.toString(random.nextInt(5_000_000));
                    ps[i] = 0.5 + random.nextDouble() / 2;
                }
                long t0 = System.nanoTime(), c0 = CPU.getCurrentThreadCpuTime();
                long encode = 0, fwrite = 0, iwrite = 0;
                c.setAutoCommit(false);
                int rowsPer = 200;
                PreparedStatement fs = c.prepareStatement(sql("failures", "num, id, run_id, seq, row_key, origin, input, expected, predicted, probabilities, prediction, confidence, loss, cause_tags, fingerprint, probe_params, perturbed_input" + (fpInt ? ", fp_key" : ""), fpInt ? 18 : 17, rowsPer));
                PreparedStatement is = c.prepareStatement(sql("inputs_1", "failure, c0, c1, c2, c3, c4, c5, c6, c7", 9, rowsPer));
                StringBuilder sb = new StringBuilder(); String[] allFps = new String[per];
                String[] names = {"tenure", "monthly_charges", "total_charges", "contract", "payment_method", "internet_service", "senior_citizen", "partner"};
                for (int i0 = 0; i0 < per; i0 += rowsPer) {
                    long e0 = CPU.getCurrentThreadCpuTime();
                    // encode: JSON strings for this chunk
                    String[] inJson = new String[rowsPer], probs = new String[rowsPer], tags = new String[rowsPer], fps = new String[rowsPer], ids = new String[rowsPer];
                    for (int k = 0; k < rowsPer; k++) {
                        int i = i0 + k;
                        if (json) {
                            sb.setLength(0); sb.append('{');
                            for (int j = 0; j < 8; j++) { if (j > 0) sb.append(','); sb.append('"').append(names[j]).append("\":");
                                Object v = in[i][j]; if (v == null) sb.append("null"); else if (v instanceof Double d) sb.append(d.doubleValue()); else sb.append('"').append(v).append('"'); }
                            inJson[k] = sb.append('}').toString();
                        }
                        probs[k] = "{\"No\":" + (1 - ps[i]) + ",\"Yes\":" + ps[i] + "}";
                        tags[k] = ps[i] >= 0.9 ? "[\"overconfident\"]" : "[]";
                        fps[k] = Long.toHexString(random.nextLong()) + Long.toHexString(random.nextLong()); allFps[i] = fps[k];
                        ids[k] = runId + "-" + (i + 1);
                    }
                    long e1 = CPU.getCurrentThreadCpuTime();
                    encode += e1 - e0;
                    if (failures) {
                        int p = 1;
                        for (int k = 0; k < rowsPer; k++) {
                            int i = i0 + k;
                            fs.setLong(p++, num + i); fs.setString(p++, ids[k]); fs.setString(p++, runId); fs.setLong(p++, i);
                            fs.setString(p++, keys[i]); fs.setString(p++, "holdout");
                            if (json) fs.setString(p++, inJson[k]); else fs.setNull(p++, Types.VARCHAR);
                            fs.setString(p++, "No"); fs.setString(p++, "Yes"); fs.setString(p++, probs[k]);
                            fs.setNull(p++, Types.DOUBLE); fs.setDouble(p++, ps[i]); fs.setDouble(p++, -Math.log(1 - ps[i]));
                            fs.setString(p++, tags[k]); fs.setString(p++, fps[k]); fs.setNull(p++, Types.VARCHAR); fs.setNull(p++, Types.VARCHAR);
                            if (fpInt) { long h = 0xcbf29ce484222325L; String f = fps[k]; for (int q = 0; q < f.length(); q++) { h ^= f.charAt(q); h *= 0x100000001b3L; } fs.setLong(p++, h); }
                        }
                        fs.executeUpdate();
                    }
                    long e2 = CPU.getCurrentThreadCpuTime();
                    fwrite += e2 - e1;
                    if (inputs) {
                        int p = 1;
                        for (int k = 0; k < rowsPer; k++) {
                            int i = i0 + k;
                            is.setLong(p++, num + i);
                            for (int j = 0; j < 8; j++) {
                                Object v = in[i][j];
                                if (v == null) is.setNull(p++, Types.DOUBLE); else if (v instanceof Double d) is.setDouble(p++, d); else is.setString(p++, (String) v);
                            }
                        }
                        is.executeUpdate();
                    }
                    iwrite += CPU.getCurrentThreadCpuTime() - e2;
                }
                long fp0 = CPU.getCurrentThreadCpuTime();
                if (fpSorted) {
                    Integer[] order = new Integer[per];
                    for (int i = 0; i < per; i++) order[i] = i;
                    long[] keys64 = new long[per];
                    for (int i = 0; i < per; i++) keys64[i] = Long.parseUnsignedLong(allFps[i].substring(0, Math.min(16, allFps[i].length())), 16);
                    if (fp64) Arrays.sort(order, Comparator.comparingLong(i -> keys64[i])); else
                    Arrays.sort(order, Comparator.comparing(i -> allFps[i]));
                    try (PreparedStatement fq = c.prepareStatement(sql("fps", "fingerprint, failure", 2, rowsPer))) {
                        for (int i0 = 0; i0 < per; i0 += rowsPer) { int p = 1;
                            for (int k = 0; k < rowsPer; k++) { int i = order[i0 + k]; if (fp64) fq.setLong(p++, keys64[i]); else fq.setString(p++, allFps[i]); fq.setLong(p++, num + i); }
                            fq.executeUpdate(); }
                    }
                }
                long fpTime = CPU.getCurrentThreadCpuTime() - fp0;
                long cm = CPU.getCurrentThreadCpuTime();
                c.commit();
                long commit = CPU.getCurrentThreadCpuTime() - cm;
                c.setAutoCommit(true);
                fs.close(); is.close();
                num += per;
                double wall = (System.nanoTime() - t0) / 1e9, cpu = (CPU.getCurrentThreadCpuTime() - c0) / 1e9;
                System.out.printf("%s run %d: %,d in %.2f s wall (%,.0f/s), %.2f s CPU (%,.0f/s); µs/failure: encode %.2f, failures row %.2f, inputs row %.2f, sorted fingerprints %.2f, commit %.2f%n",
                    variant, r + 1, per, wall, per / wall, cpu, per / cpu, encode / 1e3 / per, fwrite / 1e3 / per, iwrite / 1e3 / per, fpTime / 1e3 / per, commit / 1e3 / per);
            }
        }
        System.out.printf("file %,d MB%n", new java.io.File(file).length() / 1_000_000);
        for (String suffix : new String[] {"", "-wal", "-shm"}) {
            new java.io.File(file + suffix).delete();
        }
    }

    static String sql(String table, String cols, int width, int rows) {
        String row = "(?" + ", ?".repeat(width - 1) + ")";
        StringBuilder sb = new StringBuilder("INSERT INTO " + table + " (" + cols + ") VALUES ");
        for (int r = 0; r < rows; r++) sb.append(r == 0 ? "" : ", ").append(row);
        return sb.toString();
    }
}
