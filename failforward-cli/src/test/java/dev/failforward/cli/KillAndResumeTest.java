package dev.failforward.cli;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A scan of the Telco data in a child JVM, killed with SIGKILL while it trains (its model,
 * {@link SlowModelProvider}, pauses before training, so the kill always lands there): the log
 * shows the run incomplete and stays readable, and {@code scan --resume} completes that same run
 * without duplicates.
 */
@Tag("slow")
class KillAndResumeTest {

    /** The Telco rows a scan holds out for testing (30% of 7,043, stratified). */
    private static final int TEST_ROWS = 2113;
    private static final Pattern INCOMPLETE = Pattern.compile("(\\w{26}) .* incomplete");

    @TempDir
    Path dir;

    @Test
    void aKilledScanIsIncompleteAndResumeCompletesIt() throws Exception {
        Path telco = Datasets.tabular("telco_churn.csv");
        String store = dir.resolve("ff.db").toString();
        List<String> scan = List.of("scan", "--data", telco.toString(), "--target", "churn", "--model", SlowModelProvider.ID,
                "--detectors", "none", "--store", store, "--out", dir.resolve("out").toString());
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new java.util.ArrayList<>(List.of(java, "-D" + SlowModelProvider.PROPERTY + "=600000", "-cp",
                System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(scan);
        Path err = dir.resolve("child.err");
        Process child = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(err.toFile()).start();
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        while (!(Files.exists(err) && Files.readString(err).contains("Training"))) {
            assertThat(child.isAlive()).as("the child scan ended early: " + (Files.exists(err) ? Files.readString(err) : "")).isTrue();
            assertThat(Instant.now()).isBefore(deadline);
            Thread.sleep(200);
        }
        Thread.sleep(1500);
        child.destroyForcibly(); // SIGKILL on Linux: no shutdown hooks, no chance to tidy up
        assertThat(child.waitFor()).isEqualTo(137);

        Cli runs = Cli.run("log", "runs", "--store", store);
        assertThat(runs.exit()).as(runs.err()).isZero();
        Matcher m = INCOMPLETE.matcher(runs.out());
        assertThat(m.find()).as(runs.out()).isTrue();
        String id = m.group(1);
        assertThat(runs.out().lines().count()).isEqualTo(2);
        Cli list = Cli.run("log", "list", "--format", "jsonl", "--store", store);
        assertThat(list.exit()).as(list.err()).isZero();
        assertThat(list.out()).isEmpty();

        List<String> resume = new java.util.ArrayList<>(scan);
        resume.addAll(List.of("--resume", id));
        Cli resumed = Cli.run(resume.toArray(String[]::new));
        assertThat(resumed.exit()).as(resumed.err()).isZero();
        assertThat(resumed.out()).contains("Run " + id);
        Cli after = Cli.run("log", "runs", "--store", store);
        assertThat(after.out().lines().count()).isEqualTo(2);
        assertThat(after.out()).contains(id).contains("complete").doesNotContain("incomplete").contains(" " + TEST_ROWS + " ");
        try (var log = dev.failforward.store.JdbcFailureLog.open(store)) {
            var run = log.run(id).orElseThrow();
            assertThat(log.predictions(id)).hasSize(TEST_ROWS);
            assertThat(log.count(dev.failforward.failure.FailureFilter.all())).isEqualTo(run.failureCount());
            assertThat(run.failureCount()).isPositive();
        }
        Cli again = Cli.run(resume.toArray(String[]::new));
        assertThat(again.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(again.err()).contains("already complete");
        assertThat(new File(store + "-wal").exists() || new File(store).exists()).isTrue();
    }
}
