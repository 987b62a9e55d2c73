package dev.failforward.data;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Any bytes as a CSV file: a table, or a {@link DataException} that names the file; never another
 * exception or a hang. Regression inputs (crashes found, and seeds) are in
 * {@code src/test/resources/dev/failforward/data/CsvReaderFuzzTestInputs/}.
 */
class CsvReaderFuzzTest {

    @TempDir
    static Path dir;

    @FuzzTest(maxDuration = "5m")
    void anyBytesGiveATableOrAClearError(byte[] bytes) throws IOException {
        Path file = dir.resolve("fuzz.csv");
        Files.write(file, bytes);
        try {
            Table t = new CsvTableReader().read(file, ReadOptions.DEFAULT);
            for (Column c : t.columns()) {
                if (c.size() != t.rowCount()) {
                    throw new IllegalStateException("column " + c.name() + " has " + c.size() + " rows, the table " + t.rowCount());
                }
            }
        } catch (DataException e) {
            if (!e.getMessage().startsWith(file.toString())) {
                throw new IllegalStateException("the error does not name the file: " + e.getMessage(), e);
            }
        }
    }
}
