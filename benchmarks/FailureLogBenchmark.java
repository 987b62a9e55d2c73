import dev.failforward.failure.Failure;
import dev.failforward.failure.FailureFilter;
import dev.failforward.failure.RunValues;
import dev.failforward.failure.ValueRates;
import dev.failforward.failure.StatDimension;
import dev.failforward.failure.WhereParser;
import dev.failforward.model.Task;
import dev.failforward.run.Provenance;
import dev.failforward.run.Run;
import dev.failforward.run.RunIds;
import dev.failforward.run.RunStatus;
import dev.failforward.store.JdbcFailureLog;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Failure-log speed on SQLite: appending failures with their input values, then, on a log of
 * 1,000,000 failures, a filtered list and statistics by one feature. Inputs look like the Telco
 * churn data's (numbers, categories, booleans, a few missing values). Each run also stores its
 * counts per input value (for failure rates) over its evaluated rows: its failures and three times
 * as many correct rows. Arguments: file, failures per run, runs, {@code gc} or {@code nogc} (see
 * main). Run by failure-log.sh.
 */
public final class FailureLogBenchmark {

    /** SQLite works in the calling thread (JNI), so this thread's CPU time is the append's cost whatever else runs. */
    static final java.lang.management.ThreadMXBean CPU = java.lang.management.ManagementFactory.getThreadMXBean();
    /** The whole process's CPU time (all threads: the append's, the garbage collector's, the JIT compiler's). */
    static final com.sun.management.OperatingSystemMXBean PROCESS =
            (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();

    /**
     * CPU clock ticks (user + system) per kind of thread, from /proc: the writing thread
     * ({@code java}, the main thread), garbage collector and JIT compiler threads, summed over each
     * kind. A thread that ends in between, such as the encoding thread, drops out.
     */
    static Map<String, Long> threadTicks() throws java.io.IOException {
        Map<String, Long> out = new java.util.TreeMap<>();
        try (var tasks = Files.list(Path.of("/proc/self/task"))) {
            for (Path t : (Iterable<Path>) tasks::iterator) {
                try {
                    String name = Files.readString(t.resolve("comm")).trim().replaceAll("[#0-9 ]+$", "").replaceAll("Thre?a?d?$", "");
                    String stat = Files.readString(t.resolve("stat"));
                    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    out.merge(name, Long.parseLong(f[11]) + Long.parseLong(f[12]), Long::sum);
                } catch (java.nio.file.NoSuchFileException gone) {
                    // the thread ended while being read
                }
            }
        }
        return out;
    }

    /** Seconds of CPU per kind of thread between two readings, largest first, 0.05 s or more. */
    static String threadShares(Map<String, Long> before, Map<String, Long> after) {
        long hz = 100; // USER_HZ, the unit of /proc's tick counts on Linux
        return after.entrySet().stream()
                .map(e -> Map.entry(e.getKey(), e.getValue() - before.getOrDefault(e.getKey(), 0L)))
                .filter(e -> e.getValue() >= 5)
                .sorted((a, b) -> Long.compare(b.getValue(), a.getValue()))
                .map(e -> String.format("%s %.2f s", e.getKey(), e.getValue() / (double) hz))
                .collect(java.util.stream.Collectors.joining(", "));
    }

    static final String[] CONTRACTS = {"Month-to-month", "One year", "Two year"};
    static final String[] PAYMENTS = {"Electronic check", "Mailed check", "Bank transfer (automatic)", "Credit card (automatic)"};
    static final String[] INTERNET = {"DSL", "Fiber optic", "No"};

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args.length > 0 ? args[0] : "benchmark-failforward.db");
        int perRun = args.length > 1 ? Integer.parseInt(args[1]) : 200_000;
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        // "gc" (the default): a full collection before each timed append, so the run's failures,
        // made just before, sit in the old generation as a long scan's would by the time it
        // stores them, and the append starts with an empty young generation (as JMH's -gc does);
        // "nogc": none, so a young collection that copies the run's failures may fall inside it.
        boolean collect = !(args.length > 3 && args[3].equals("nogc"));
        System.out.println(collect ? "before each append: a full collection (gc)" : "before each append: no collection (nogc)");
        Files.deleteIfExists(file);
        Files.deleteIfExists(Path.of(file + "-wal"));
        Files.deleteIfExists(Path.of(file + "-shm"));
        SplittableRandom random = new SplittableRandom(42);
        try (JdbcFailureLog log = JdbcFailureLog.open(file.toString())) {
            double bestRate = 0;
            double bestCpuRate = 0;
            double bestProcessRate = 0;
            long total = 0;
            for (int r = 0; r < runs; r++) {
                String id = RunIds.next();
                List<Failure> failures = failures(id, perRun, random);
                Instant now = Instant.now();
                Run run = new Run(id, "benchmark", now, now, RunStatus.COMPLETE, Task.BINARY_CLASSIFICATION, "churn",
                        List.of("No", "Yes"), "builtin:gbm", "m", null, "synthetic", "d", Map.of(), perRun, perRun,
                        Provenance.current(42, "d", "m", Map.of()));
                List<Map<String, Object>> evaluated = new ArrayList<>(perRun * 4);
                for (Failure f : failures) {
                    evaluated.add(f.input());
                }
                for (int i = 0; i < perRun * 3; i++) {
                    evaluated.add(input(random));
                }
                boolean[] failed = new boolean[evaluated.size()];
                java.util.Arrays.fill(failed, 0, perRun, true);
                long v0 = CPU.getCurrentThreadCpuTime();
                RunValues values = RunValues.of(evaluated, failed);
                double countCpu = (CPU.getCurrentThreadCpuTime() - v0) / 1e9;
                evaluated = null;
                if (collect) {
                    System.gc();
                }
                long t0 = System.nanoTime();
                long c0 = CPU.getCurrentThreadCpuTime();
                long p0 = PROCESS.getProcessCpuTime();
                long a0 = ((com.sun.management.ThreadMXBean) CPU).getCurrentThreadAllocatedBytes();
                Map<String, Long> threads0 = threadTicks();
                log.complete(run, List.of(), failures, values);
                Map<String, Long> threads1 = threadTicks();
                long allocated = ((com.sun.management.ThreadMXBean) CPU).getCurrentThreadAllocatedBytes() - a0;
                double seconds = (System.nanoTime() - t0) / 1e9;
                double cpu = (CPU.getCurrentThreadCpuTime() - c0) / 1e9;
                double process = (PROCESS.getProcessCpuTime() - p0) / 1e9;
                total += perRun;
                double rate = perRun / seconds;
                bestRate = Math.max(bestRate, rate);
                bestCpuRate = Math.max(bestCpuRate, perRun / cpu);
                bestProcessRate = Math.max(bestProcessRate, perRun / process);
                System.out.printf("append run %d: %,d failures (%d input values each) in %.2f s wall = %,.0f failures/s wall clock;"
                        + " %.2f s CPU in the writing thread = %,.0f failures/s per CPU second (%.1f µs each);"
                        + " %.2f s CPU in the whole process = %,.0f failures/s per process CPU second; log holds %,d%n",
                        r + 1, perRun, failures.get(0).input().size(), seconds, rate, cpu, perRun / cpu, cpu * 1e6 / perRun,
                        process, perRun / process, total);
                System.out.println("  process CPU by thread: " + threadShares(threads0, threads1)
                        + String.format("; the writing thread allocated %,d bytes per failure", allocated / perRun));
                System.out.printf("  counts per value of its %,d evaluated rows: %d groups, made in %.2f s CPU (before the append)%n",
                        perRun * 4, values.counts().size(), countCpu);
            }
            System.out.printf("append: best %,.0f failures/s wall clock, %,.0f failures/s per CPU second of the writing thread,"
                    + " %,.0f per process CPU second%n", bestRate, bestCpuRate, bestProcessRate);

            String where = "contract = 'Month-to-month' AND tenure < 6";
            FailureFilter filter = new FailureFilter(null, null, null, null, WhereParser.parse(where), null, null, null, 50);
            for (int i = 0; i < 3; i++) {
                long t0 = System.nanoTime();
                long c0 = CPU.getCurrentThreadCpuTime();
                int shown = log.find(filter).size();
                long count = log.count(filter);
                System.out.printf("log list --where \"%s\" (first 50 + count): %d shown of %,d in %.3f s wall, %.3f s CPU%n",
                        where, shown, count, (System.nanoTime() - t0) / 1e9, (CPU.getCurrentThreadCpuTime() - c0) / 1e9);
            }
            String one = "payment_method = 'Mailed check'";
            FailureFilter single = new FailureFilter(null, null, null, null, WhereParser.parse(one), null, null, null, 50);
            for (int i = 0; i < 3; i++) {
                long t0 = System.nanoTime();
                long c0 = CPU.getCurrentThreadCpuTime();
                int shown = log.find(single).size();
                long count = log.count(single);
                System.out.printf("log list --where \"%s\" (first 50 + count): %d shown of %,d in %.3f s wall, %.3f s CPU%n",
                        one, shown, count, (System.nanoTime() - t0) / 1e9, (CPU.getCurrentThreadCpuTime() - c0) / 1e9);
            }
            for (String column : List.of("contract", "tenure", "monthly_charges")) {
                for (int i = 0; i < 2; i++) {
                    long t0 = System.nanoTime();
                    long c0 = CPU.getCurrentThreadCpuTime();
                    ValueRates rates = log.rates(null, column);
                    System.out.printf("log stats --by %s (failure rates, %d runs pooled): %d groups, %,d failures in %,d rows,"
                            + " in %.3f s wall, %.3f s CPU%n", column, rates.rated().size(), rates.groups().size(), rates.failures(),
                            rates.rows(), (System.nanoTime() - t0) / 1e9, (CPU.getCurrentThreadCpuTime() - c0) / 1e9);
                }
            }
            for (String column : List.of("contract", "tenure", "monthly_charges")) {
                for (int i = 0; i < 2; i++) {
                    long t0 = System.nanoTime();
                    long c0 = CPU.getCurrentThreadCpuTime();
                    int groups = log.stats(null, StatDimension.FEATURE, column).size();
                    System.out.printf("log stats --by %s (failure counts, as for runs without counts per value): %d groups in %.3f s wall, %.3f s CPU%n", column, groups,
                            (System.nanoTime() - t0) / 1e9, (CPU.getCurrentThreadCpuTime() - c0) / 1e9);
                }
            }
        }
        System.out.printf("store file: %,d MB%n", Files.size(file) / 1_000_000);
        floor(Path.of(file + ".floor"), perRun);
    }

    /**
     * What SQLite alone spends on the typed input values as they are stored now, one unindexed row
     * of 8 number/text pairs per failure keyed by its number, made inside the database with no
     * Java, JDBC or JSON: the input values' share of the append.
     */
    static void floor(Path file, int perRun) throws Exception {
        Files.deleteIfExists(file);
        try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + file);
             java.sql.Statement s = c.createStatement()) {
            s.execute("PRAGMA journal_mode = WAL");
            s.execute("PRAGMA synchronous = NORMAL");
            s.execute("PRAGMA cache_size = -262144");
            StringBuilder columns = new StringBuilder();
            StringBuilder values = new StringBuilder();
            for (int k = 0; k < 8; k++) {
                columns.append(", v").append(k).append("_n DOUBLE PRECISION, v").append(k).append("_t TEXT");
                values.append(k < 3 ? ", abs(random() % 1000000) / 100.0, NULL" : ", NULL, 'value ' || abs(random() % 4)");
            }
            s.execute("CREATE TABLE failure_inputs_1 (failure INTEGER PRIMARY KEY" + columns + ")");
            long c0 = CPU.getCurrentThreadCpuTime();
            s.execute("BEGIN");
            s.execute("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < " + perRun + ") "
                    + "INSERT INTO failure_inputs_1 SELECT i" + values + " FROM n");
            s.execute("COMMIT");
            double cpu = (CPU.getCurrentThreadCpuTime() - c0) / 1e9;
            System.out.printf("floor: SQLite alone writes %,d failures' input values (8 each, one wide row per failure) in %.2f s CPU"
                    + " = %.2f µs per failure%n", perRun, cpu, cpu * 1e6 / perRun);
        }
        Files.deleteIfExists(file);
        Files.deleteIfExists(Path.of(file + "-wal"));
        Files.deleteIfExists(Path.of(file + "-shm"));
    }

    static List<Failure> failures(String runId, int n, SplittableRandom random) {
        List<Failure> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Map<String, Object> input = input(random);
            double p = 0.5 + random.nextDouble() / 2;
            String key = Integer.toString(random.nextInt(5_000_000));
            out.add(new Failure(runId + "-" + (i + 1), runId, key, "holdout", input, "No", "Yes",
                    Map.of("No", 1 - p, "Yes", p), null, p, -Math.log(1 - p), p >= 0.9 ? List.of("overconfident") : List.of(),
                    dev.failforward.failure.Fingerprints.failure(key, input, "holdout", Map.of())));
        }
        return out;
    }

    static Map<String, Object> input(SplittableRandom random) {
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("tenure", (double) random.nextInt(73));
        input.put("monthly_charges", Math.round((18 + random.nextDouble() * 101) * 100) / 100.0);
        input.put("total_charges", random.nextInt(100) == 0 ? null : Math.round(random.nextDouble() * 8700 * 100) / 100.0);
        input.put("contract", CONTRACTS[random.nextInt(3)]);
        input.put("payment_method", PAYMENTS[random.nextInt(4)]);
        input.put("internet_service", INTERNET[random.nextInt(3)]);
        input.put("senior_citizen", random.nextBoolean());
        input.put("partner", random.nextBoolean());
        return input;
    }
}
