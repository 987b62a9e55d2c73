package dev.failforward.cli;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The environment refuses: exit code 5 and one plain line naming the path and the cause, no Java
 * class names, and no empty {@code --out} folder left behind. Full disks and read-only file systems
 * are small tmpfs mounts, which need root; without it those tests are skipped with the reason.
 */
class EnvironmentErrorsTest {

    @TempDir
    Path dir;
    private final List<Path> mounts = new ArrayList<>();

    @AfterEach
    void unmount() throws Exception {
        for (Path m : mounts) {
            new ProcessBuilder("umount", m.toString()).inheritIO().start().waitFor();
        }
    }

    private Cli scan(String data, String target, String store, Path out, String... extra) {
        List<String> args = new ArrayList<>(List.of("scan", "--data", Datasets.tabular(data).toString(), "--target", target,
                "--store", store, "--out", out.toString()));
        args.addAll(List.of(extra));
        return Cli.run(args.toArray(String[]::new));
    }

    private static void refused(Cli cli, String... said) {
        assertThat(cli.exit()).as(cli.err()).isEqualTo(ExitCodes.ENVIRONMENT);
        assertThat(cli.err().lines().filter(l -> l.startsWith("failforward:")).count()).as(cli.err()).isEqualTo(1);
        assertThat(cli.err()).doesNotContain("Exception").doesNotContain("internal error").contains(said);
    }

    @Test
    void aStoreThatIsAFolderOrNotADatabase() throws IOException {
        Path folder = Files.createDirectory(dir.resolve("store.db"));
        Path out = dir.resolve("out");
        refused(scan("iris.csv", "species", folder.toString(), out), folder.toString(), "is a directory");
        byte[] junk = new byte[5000];
        new Random(1).nextBytes(junk);
        Path foreign = Files.write(dir.resolve("junk.db"), junk);
        refused(scan("iris.csv", "species", foreign.toString(), out), foreign.toString(), "not a SQLite database file");
        refused(Cli.run("log", "runs", "--store", foreign.toString()), "not a SQLite database file");
        assertThat(out).as("no empty --out folder after an early failure").doesNotExist();
    }

    @Test
    void aReadOnlyOutputFolderIsRefusedBeforeAnyWork() throws Exception {
        Path ro = mount("size=1m", true);
        Path store = dir.resolve("ff.db");
        Cli cli = scan("iris.csv", "species", store.toString(), ro.resolve("out"));
        refused(cli, "--out", ro.toString(), "read-only file system");
        assertThat(cli.err()).doesNotContain("Training");
        assertThat(store).as("nothing stored").doesNotExist();
    }

    @Test
    void aReadOnlyStore() throws Exception {
        Path fs = mount("size=4m", false);
        Path store = fs.resolve("ff.db");
        assertThat(scan("iris.csv", "species", store.toString(), dir.resolve("first")).exit()).isZero();
        remountReadOnly(fs);
        refused(scan("iris.csv", "species", store.toString(), dir.resolve("out")), store.toString());
        assertThat(dir.resolve("out")).doesNotExist();
    }

    @Test
    void aFullDiskSaysSoAndNamesTheStore() throws Exception {
        // Room for the empty store and the saved model, not for the 2,957 stored predictions and their failures.
        Path fs = mount("size=1200k", false);
        Path store = fs.resolve("ff.db");
        Cli cli = scan("lending_club.csv", "verification_status", store.toString(), dir.resolve("out"), "--detectors", "none");
        refused(cli, store.toString(), "no space left on device");
        assertThat(cli.err()).doesNotContain("no transaction is active");
        Cli runs = Cli.run("log", "runs", "--store", store.toString());
        assertThat(runs.out()).as("the run is kept as incomplete, nothing half-stored").contains("incomplete");
    }

    private Path mount(String options, boolean readOnly) throws Exception {
        Assumptions.assumeTrue("root".equals(System.getProperty("user.name")),
                () -> skip("tmpfs mounts need root; running as " + System.getProperty("user.name")));
        Path m = Files.createDirectory(dir.resolve("fs" + mounts.size()));
        Process p = new ProcessBuilder("mount", "-t", "tmpfs", "-o", options + (readOnly ? ",ro" : ""), "tmpfs", m.toString())
                .redirectErrorStream(true).start();
        String said = new String(p.getInputStream().readAllBytes());
        Assumptions.assumeTrue(p.waitFor() == 0, () -> skip("cannot mount a tmpfs here: " + said.strip()));
        mounts.add(m);
        return m;
    }

    private static void remountReadOnly(Path m) throws Exception {
        assertThat(new ProcessBuilder("mount", "-o", "remount,ro", m.toString()).inheritIO().start().waitFor()).isZero();
    }

    private static String skip(String reason) {
        System.out.println("EnvironmentErrorsTest skipped: " + reason);
        return reason;
    }
}
