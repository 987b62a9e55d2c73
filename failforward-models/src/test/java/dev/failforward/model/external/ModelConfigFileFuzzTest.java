package dev.failforward.model.external;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Any bytes as {@code --model-config}: a configuration, or an {@link IllegalArgumentException} naming the file. */
class ModelConfigFileFuzzTest {

    @TempDir
    static Path dir;

    @FuzzTest(maxDuration = "5m")
    void anyBytesGiveAConfigurationOrAClearError(byte[] bytes) throws IOException {
        Path file = dir.resolve("model-config.json");
        Files.write(file, bytes);
        try {
            ModelConfigFile.read(file);
        } catch (IllegalArgumentException expected) {
            if (!String.valueOf(expected.getMessage()).contains(file.toString())) {
                throw new IllegalStateException("the error does not name the file: " + expected.getMessage(), expected);
            }
        }
    }
}
