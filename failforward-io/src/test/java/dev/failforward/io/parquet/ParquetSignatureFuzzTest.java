package dev.failforward.io.parquet;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Any bytes as a {@code .parquet} file: the signature check says what is wrong or lets the file on; it never throws. */
class ParquetSignatureFuzzTest {

    @TempDir
    static Path dir;

    @FuzzTest(maxDuration = "5m")
    void anyBytesGetAnAnswer(byte[] bytes) throws IOException {
        Path file = dir.resolve("fuzz.parquet");
        Files.write(file, bytes);
        String problem = ParquetSignature.problem(file);
        if (problem != null && problem.isBlank()) {
            throw new IllegalStateException("a blank problem");
        }
    }
}
