package dev.failforward.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/** The real browser the HTML tests open pages in: headless Chromium with a fresh profile. */
final class Chromium {

    private static final Path BINARY = Path.of(System.getenv().getOrDefault("FAILFORWARD_CHROMIUM", "/usr/bin/chromium"));

    private Chromium() {
    }

    /** Runs Chromium with {@code args}, its profile and output files in {@code scratch}; returns what it printed. */
    static String run(Path scratch, String... args) throws IOException, InterruptedException {
        if (!Files.isExecutable(BINARY)) {
            fail("Chromium is not installed at " + BINARY + "; run scripts/test, which installs it");
        }
        Path profile = Files.createTempDirectory(scratch, "chromium-profile");
        List<String> command = new ArrayList<>(List.of(BINARY.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + profile));
        command.addAll(List.of(args));
        Path out = Files.createTempFile(scratch, "chromium", ".out");
        Path err = Files.createTempFile(scratch, "chromium", ".err");
        Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            fail("Chromium did not finish within 120 s");
        }
        assertThat(p.exitValue()).as(Files.readString(err)).isZero();
        return Files.readString(out);
    }
}
