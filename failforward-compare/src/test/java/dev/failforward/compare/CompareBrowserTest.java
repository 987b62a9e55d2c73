package dev.failforward.compare;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Opens {@code compare.html} in headless Chromium: hostile values from data show as text and run
 * nothing, and the page renders (the screenshot stays in {@code target/} for a person to look at).
 */
@Tag("slow")
class CompareBrowserTest {

    private static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("FAILFORWARD_CHROMIUM", "/usr/bin/chromium"));
    private static final long TIMEOUT_SECONDS = 120;

    @TempDir
    Path temp;

    @Test
    void hostileValuesShowAsTextAndThePageRenders() throws Exception {
        Comparison c = RenderersTest.comparison();
        Path target = Path.of(System.getProperty("basedir", ".")).resolve("target");
        Path html = CompareWriter.writeAll(c, RenderersTest.verdict(c), "run1", target.resolve("compare-hostile")).html();

        String dom = chromium("--dump-dom", html.toUri().toString());
        assertThat(dom).contains("<h1>Compare: builtin:gbm (candidate) vs builtin:gbm (baseline)</h1>");
        assertThat(dom).contains("&lt;script&gt;alert('x')&lt;/script&gt;").doesNotContainIgnoringCase("<script");
        assertThat(dom).contains("Blocked");

        Path png = target.resolve("compare-screenshot.png");
        Files.deleteIfExists(png);
        chromium("--screenshot=" + png.toAbsolutePath(), "--window-size=1200,1800", html.toUri().toString());
        byte[] bytes = Files.readAllBytes(png);
        assertThat(bytes.length).isGreaterThan(20_000);
        assertThat(new String(bytes, 1, 3, StandardCharsets.US_ASCII)).isEqualTo("PNG");
    }

    private String chromium(String... args) throws IOException, InterruptedException {
        if (!Files.isExecutable(CHROMIUM)) {
            fail("Chromium is not installed at " + CHROMIUM + "; run scripts/test, which installs it (or: apt-get install chromium).");
        }
        Path profile = Files.createTempDirectory(temp, "chromium-profile");
        List<String> command = new ArrayList<>(List.of(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + profile));
        command.addAll(List.of(args));
        Path out = Files.createTempFile(temp, "chromium", ".out");
        Path err = Files.createTempFile(temp, "chromium", ".err");
        Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            fail("Chromium did not finish within " + TIMEOUT_SECONDS + " s: " + command);
        }
        if (p.exitValue() != 0) {
            fail("Chromium exited with " + p.exitValue() + ": " + Files.readString(err));
        }
        return Files.readString(out);
    }
}
