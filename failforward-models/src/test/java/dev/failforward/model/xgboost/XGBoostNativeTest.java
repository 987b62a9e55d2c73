package dev.failforward.model.xgboost;

import ml.dmlc.xgboost4j.java.DMatrix;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** XGBoost's library is extracted once per user into the cache, not into /tmp by every process. */
class XGBoostNativeTest {

    @TempDir
    Path dir;

    @Test
    void twoProcessesShareOneCopyAndLeaveNothingInTmp() throws Exception {
        Path cache = Files.createDirectory(dir.resolve("cache"));
        Path tmp = Files.createDirectory(dir.resolve("tmp"));
        for (int i = 0; i < 2; i++) {
            String javaCommand = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            ProcessBuilder child = new ProcessBuilder(javaCommand, "-Djava.io.tmpdir=" + tmp, "-cp",
                    System.getProperty("java.class.path"), UseXGBoost.class.getName()).redirectErrorStream(true);
            child.environment().put("XDG_CACHE_HOME", cache.toString());
            Process p = child.start();
            String said = new String(p.getInputStream().readAllBytes());
            assertThat(p.waitFor()).as(said).isZero();
            assertThat(said).contains("scored 2 rows");
        }
        assertThat(files(tmp)).as("nothing extracted to java.io.tmpdir").noneMatch(f -> f.contains("xgboost"));
        assertThat(files(cache)).as("one copy in the cache").filteredOn(f -> f.endsWith(System.mapLibraryName("xgboost4j")))
                .hasSize(1);
    }

    private static List<String> files(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(Files::isRegularFile).map(Path::toString).toList();
        }
    }

    /** Loads the library through the cache, then uses XGBoost. */
    static final class UseXGBoost {
        public static void main(String[] args) throws Exception {
            XGBoostNative.load();
            DMatrix m = new DMatrix(new float[] {1, 2, 3, 4}, 2, 2, Float.NaN);
            System.out.println("scored " + m.rowNum() + " rows");
            m.dispose();
        }
    }
}
