package dev.failforward.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.ServiceLoader;

/** Finds the registered {@link TableReader} for a file and reads it. */
public final class TableReaders {

    private TableReaders() {
    }

    public static List<TableReader> all() {
        return ServiceLoader.load(TableReader.class).stream().map(ServiceLoader.Provider::get).toList();
    }

    public static Table read(Path file, ReadOptions options) {
        if (!Files.exists(file)) {
            throw new DataException(file + ": file not found");
        }
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new DataException(file + ": not a readable file");
        }
        List<TableReader> readers = all();
        return readers.stream().filter(r -> r.accepts(file)).findFirst()
                .orElseThrow(() -> new DataException(file + ": no reader for this file type; known readers: "
                        + String.join(", ", readers.stream().map(TableReader::id).toList())))
                .read(file, options);
    }
}
