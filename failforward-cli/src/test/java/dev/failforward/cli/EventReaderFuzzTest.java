package dev.failforward.cli;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.failforward.data.DataException;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Any bytes as a production-event file ({@code log ingest}): events, or a {@link DataException} naming the file. */
class EventReaderFuzzTest {

    @TempDir
    static Path dir;

    @FuzzTest(maxDuration = "5m")
    void anyBytesGiveEventsOrAClearError(byte[] bytes) throws IOException {
        Path file = dir.resolve("events.jsonl");
        Files.write(file, bytes);
        try {
            EventReader.read(file);
        } catch (DataException expected) {
            if (!String.valueOf(expected.getMessage()).contains(file.toString())) {
                throw new IllegalStateException("the error does not name the file: " + expected.getMessage(), expected);
            }
        }
    }
}
