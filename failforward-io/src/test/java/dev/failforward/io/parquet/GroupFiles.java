package dev.failforward.io.parquet;

import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;

import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * Writes small Parquet files of any schema, nested ones and types parquet-floor's writer does
 * not write (INT96, fixed-length bytes), with Parquet's example object model.
 */
final class GroupFiles {

    private GroupFiles() {
    }

    /** Writes one row per filler, each filling a fresh row of {@code schema} (Parquet schema syntax). */
    @SafeVarargs
    static Path write(Path out, String schema, Consumer<Group>... rows) throws IOException {
        MessageType type = MessageTypeParser.parseMessageType(schema);
        SimpleGroupFactory factory = new SimpleGroupFactory(type);
        try (ParquetWriter<Group> writer = ExampleParquetWriter.builder(new LocalOutputFile(out)).withType(type).build()) {
            for (Consumer<Group> row : rows) {
                Group group = factory.newGroup();
                row.accept(group);
                writer.write(group);
            }
        }
        return out;
    }
}
