package dev.failforward.cli;

import dev.failforward.run.Run;
import dev.failforward.run.RunIds;
import dev.failforward.run.RunStatus;
import dev.failforward.store.JdbcFailureLog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code scan --resume}: the same options or a refusal naming the one that differs, before any data is read. */
class ResumeCheckTest {

    @TempDir
    Path dir;

    private Cli scan(String data, String... extra) {
        List<String> args = new ArrayList<>(List.of("scan", "--data", data, "--target", "species", "--store",
                dir.resolve("ff.db").toString(), "--out", dir.resolve("out").toString(), "--detectors", "none"));
        args.addAll(List.of(extra));
        return Cli.run(args.toArray(String[]::new));
    }

    @Test
    void differentOptionsAreRefusedNamingTheOption() {
        String iris = Datasets.tabular("iris.csv").toString();
        assertThat(scan(iris).exit()).isZero();
        String incomplete;
        try (JdbcFailureLog log = JdbcFailureLog.open(dir.resolve("ff.db").toString())) {
            Run done = log.run("latest").orElseThrow();
            incomplete = RunIds.next();
            log.begin(new Run(incomplete, done.kind(), done.startedAt(), null, RunStatus.INCOMPLETE, done.task(), done.target(),
                    done.classes(), done.modelId(), done.modelFingerprint(), done.modelPath(), done.data(),
                    done.dataFingerprint(), done.metrics(), 0, 0, done.provenance()));
        }
        Cli otherSeed = scan(iris, "--resume", incomplete, "--seed", "8");
        assertThat(otherSeed.exit()).as(otherSeed.err()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(otherSeed.err()).contains("--seed '42', not '8'").contains("same options");
        Cli otherModel = scan(iris, "--resume", incomplete, "--model", "builtin:logistic");
        assertThat(otherModel.err()).contains("--model 'builtin:gbm', not 'builtin:logistic'");

        Cli same = scan(iris, "--resume", incomplete, "--fail-on", "critical");
        assertThat(same.exit()).as(same.err()).isZero();
        assertThat(same.out()).contains("Run " + incomplete);
    }

    @Test
    void aCompleteRunIsRefusedBeforeTheDataIsRead() {
        assertThat(scan(Datasets.tabular("iris.csv").toString()).exit()).isZero();
        String id;
        try (JdbcFailureLog log = JdbcFailureLog.open(dir.resolve("ff.db").toString())) {
            id = log.run("latest").orElseThrow().id();
        }
        // The data file does not exist: reading it would fail first.
        Cli again = scan(dir.resolve("gone.csv").toString(), "--resume", id);
        assertThat(again.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(again.err()).contains("already complete").doesNotContain("gone.csv");
    }
}
