package dev.failforward.report;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AtomicFilesTest {

    @TempDir
    Path dir;

    private long files() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.count();
        }
    }

    @Test
    void writesAndReplacesWithoutLeavingTemporaryFiles() throws Exception {
        Path target = dir.resolve("report.json");
        AtomicFiles.write(target, "first");
        AtomicFiles.write(target, "second, ünïcødé");
        assertThat(target).content().isEqualTo("second, ünïcødé");
        assertThat(files()).isEqualTo(1);
    }

    @Test
    void aFailedWriteLeavesTheOldFileAndNoDebris() throws Exception {
        Path target = dir.resolve("report.html");
        AtomicFiles.write(target, "complete old report");
        assertThatThrownBy(() -> AtomicFiles.write(target, out -> {
            out.write("half a new rep");
            throw new IOException("disk full");
        })).hasMessage("disk full");
        assertThat(target).content().isEqualTo("complete old report");
        assertThat(files()).isEqualTo(1);
    }

    @Test
    void aFailedFirstWriteLeavesNothing() throws Exception {
        Path target = dir.resolve("predictions.csv");
        assertThatThrownBy(() -> AtomicFiles.write(target, out -> {
            throw new IllegalStateException("renderer bug");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(target).doesNotExist();
        assertThat(files()).isZero();
    }

    @Test
    void relativePathsWork() throws Exception {
        Path target = dir.resolve("sub").resolve("x.txt");
        Files.createDirectories(target.getParent());
        AtomicFiles.write(target, "x");
        assertThat(target).content().isEqualTo("x");
    }

    @Test
    void aStoppedWriteLeavesNoTemporaryFile() throws Exception {
        Path target = dir.resolve("report.json");
        String javaCommand = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(javaCommand, "-cp", System.getProperty("java.class.path"), SlowWrite.class.getName(),
                target.toString()).redirectErrorStream(true).start();
        java.io.BufferedReader said = new java.io.BufferedReader(new java.io.InputStreamReader(child.getInputStream()));
        assertThat(said.readLine()).isEqualTo("writing");
        assertThat(files()).as("the temporary file exists while writing").isEqualTo(1);
        child.destroy(); // SIGTERM, as kill and Ctrl-C send
        assertThat(child.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        assertThat(files()).as("no temporary file after the process stopped").isZero();
    }

    @Test
    void aTemporaryFileLeftBySigkillGoesWithTheNextWriteOnceStale() throws IOException {
        Path target = dir.resolve("report.json");
        Path stale = dir.resolve(".report.json.0b9a1c52-killed.tmp");
        Path fresh = dir.resolve(".report.json.7f00aa11-writing.tmp");
        Path other = dir.resolve(".predictions.csv.7f00aa11-killed.tmp");
        for (Path p : new Path[] {stale, fresh, other}) {
            Files.createFile(p);
        }
        java.nio.file.attribute.FileTime old = java.nio.file.attribute.FileTime.from(
                java.time.Instant.now().minus(AtomicFiles.STALE).minusSeconds(60));
        Files.setLastModifiedTime(stale, old);
        Files.setLastModifiedTime(other, old);
        AtomicFiles.write(target, "x");
        assertThat(stale).doesNotExist();
        assertThat(fresh).as("maybe another process writing now").exists();
        assertThat(other).as("another target's file is left for its own next write").exists();
    }

    /** Starts writing a file and never finishes, until it is stopped. */
    static final class SlowWrite {
        public static void main(String[] args) throws IOException {
            AtomicFiles.write(Path.of(args[0]), out -> {
                out.write("{");
                out.flush();
                System.out.println("writing");
                System.out.flush();
                try {
                    Thread.sleep(600_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
        }
    }
}
