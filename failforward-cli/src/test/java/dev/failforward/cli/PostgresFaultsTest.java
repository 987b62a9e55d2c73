package dev.failforward.cli;

import dev.failforward.failure.FailureFilter;
import dev.failforward.run.Run;
import dev.failforward.run.RunStatus;
import dev.failforward.store.JdbcFailureLog;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The store's faults on PostgreSQL, as {@link KillAndResumeTest} and {@link EnvironmentErrorsTest}
 * show them on SQLite: a scan in a child JVM loses its server while it trains (its model,
 * {@link SlowModelProvider}, waits for the test's signal, so the fault always lands there), then
 * stores. It ends with one line naming the store, password masked, and exit code 5; the run stored
 * before is untouched, the cut run is left incomplete, and {@code scan --resume} completes it. The
 * server is one of the test's own ({@link PrivatePostgres}), since a test must not stop a server others use.
 * Every scan runs in a child JVM in the test's folder, where a database server's scans save models.
 */
class PostgresFaultsTest {

    /** The Telco rows a scan holds out for testing (30% of 7,043, stratified). */
    private static final int TEST_ROWS = 2113;

    private static PrivatePostgres pg;

    @TempDir
    Path dir;

    @BeforeAll
    static void server() throws Exception {
        pg = PrivatePostgres.start();
    }

    @AfterAll
    static void stop() throws Exception {
        if (pg != null) {
            pg.close();
        }
    }

    @Test
    void aConnectionCutMidRun() throws Exception {
        faultWhileTraining("cut", () -> assertThat(pg.terminateConnections("cut")).as("the scan's connection").isPositive());
    }

    @Test
    void aServerRestartedMidRun() throws Exception {
        faultWhileTraining("restarted", pg::restart);
    }

    private interface Fault {
        void strike() throws Exception;
    }

    private void faultWhileTraining(String database, Fault fault) throws Exception {
        String store = pg.newDatabase(database);
        String shown = store.replace(PrivatePostgres.PASSWORD, "***");
        scanToTheEnd(List.of("scan", "--data", Datasets.tabular("iris.csv").toString(), "--target", "species", "--detectors", "none",
                "--store", store, "--out", dir.resolve("before").toString()), "before.txt");
        Run kept;
        long keptFailures;
        try (JdbcFailureLog log = JdbcFailureLog.open(store)) {
            kept = log.run("latest").orElseThrow();
            keptFailures = log.count(FailureFilter.all());
        }

        List<String> scan = List.of("scan", "--data", Datasets.tabular("telco_churn.csv").toString(), "--target", "churn",
                "--model", SlowModelProvider.ID, "--detectors", "none", "--store", store, "--out", dir.resolve("out").toString());
        Path go = dir.resolve("go");
        Path output = dir.resolve("child.txt");
        Process child = child(scan, List.of("-D" + SlowModelProvider.UNTIL + "=" + go), output);
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        while (!Files.readString(output).contains("Training")) {
            assertThat(child.isAlive()).as("the child scan ended early: " + Files.readString(output)).isTrue();
            assertThat(Instant.now()).as(Files.readString(output)).isBefore(deadline);
            Thread.sleep(200);
        }
        fault.strike();
        Files.createFile(go);
        assertThat(child.waitFor(3, TimeUnit.MINUTES)).as("the scan ends after the fault").isTrue();
        String said = Files.readString(output);
        assertThat(child.exitValue()).as(said).isEqualTo(ExitCodes.ENVIRONMENT);
        List<String> errors = said.lines().filter(l -> l.startsWith("failforward:")).toList();
        assertThat(errors).as(said).hasSize(1);
        System.out.println("PostgresFaultsTest, " + database + ": " + errors.get(0));
        assertThat(errors.get(0)).contains(shown, "cannot reach the PostgreSQL server");
        assertThat(said).doesNotContain(PrivatePostgres.PASSWORD).doesNotContain("Exception").doesNotContain("\tat ");

        String cut;
        try (JdbcFailureLog log = JdbcFailureLog.open(store)) {
            List<Run> runs = log.runs();
            assertThat(runs).as("the run before and the cut run").hasSize(2);
            Run again = log.run(kept.id()).orElseThrow();
            assertThat(again.status()).isEqualTo(kept.status()).isEqualTo(RunStatus.COMPLETE);
            assertThat(again.failureCount()).isEqualTo(kept.failureCount());
            assertThat(log.predictions(kept.id())).hasSize(kept.predictionCount());
            assertThat(log.count(FailureFilter.all())).as("nothing half-stored").isEqualTo(keptFailures);
            Run interrupted = runs.stream().filter(r -> !r.id().equals(kept.id())).findFirst().orElseThrow();
            assertThat(interrupted.status()).isEqualTo(RunStatus.INCOMPLETE);
            cut = interrupted.id();
        }

        List<String> resume = new ArrayList<>(scan);
        resume.addAll(List.of("--resume", cut));
        scanToTheEnd(resume, "resumed.txt");
        try (JdbcFailureLog log = JdbcFailureLog.open(store)) {
            Run done = log.run(cut).orElseThrow();
            assertThat(done.status()).isEqualTo(RunStatus.COMPLETE);
            assertThat(log.predictions(cut)).hasSize(TEST_ROWS);
            assertThat(log.run(kept.id()).orElseThrow().failureCount()).isEqualTo(kept.failureCount());
            assertThat(log.count(FailureFilter.all())).isEqualTo(keptFailures + done.failureCount());
        }
    }

    private void scanToTheEnd(List<String> scan, String name) throws Exception {
        Path output = dir.resolve(name);
        Process p = child(scan, List.of(), output);
        assertThat(p.waitFor(5, TimeUnit.MINUTES)).as("the scan ends").isTrue();
        assertThat(p.exitValue()).as(Files.readString(output)).isZero();
    }

    /**
     * The command in its own JVM, working in the test's folder (where the scans of a database server
     * save their models); all it prints goes to {@code output}.
     */
    private Process child(List<String> args, List<String> properties, Path output) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java));
        command.addAll(properties);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(args);
        Files.createFile(output);
        return new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).redirectOutput(output.toFile()).start();
    }
}
