package dev.failforward.data;

import java.nio.file.Path;

/**
 * Loads a file into a {@link Table}. Implementations are registered for {@link java.util.ServiceLoader}
 * and chosen by {@link #accepts(Path)}; errors are {@link DataException}s naming file, line and column.
 */
public interface TableReader {

    /** A stable id, such as {@code csv} or {@code parquet}. */
    String id();

    /** Whether this reader handles the file, judged by its name. */
    boolean accepts(Path file);

    Table read(Path file, ReadOptions options);
}
