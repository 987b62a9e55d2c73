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
}
