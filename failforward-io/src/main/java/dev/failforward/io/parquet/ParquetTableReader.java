package dev.failforward.io.parquet;

import blue.strategic.parquet.ParquetReader;
import dev.failforward.data.Column;
import dev.failforward.data.ColumnType;
import dev.failforward.data.DataException;
import dev.failforward.data.ReadOptions;
import dev.failforward.data.RowLocator;
import dev.failforward.data.Table;
import dev.failforward.data.TableReader;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.impl.ColumnReadStoreImpl;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.example.DummyRecordConverter;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.io.InputFile;
import org.apache.parquet.io.SeekableInputStream;
import org.apache.parquet.io.api.GroupConverter;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.Type;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads Apache Parquet files ({@code *.parquet}, {@code *.parq}) without Hadoop. Each top-level
 * column becomes one FailForward column as {@link ColumnSinks} describes: numbers as numeric,
 * {@code BOOLEAN} as boolean, strings typed the same way as in CSV, and dates and timestamps as
 * ISO-8601 strings (categorical or text, as inferred), because the core has no timestamp type
 * yet. Nulls are missing values; {@link ReadOptions#types()} forces types as for CSV.
 *
 * <p>parquet-floor supplies the file access and the stub Hadoop classes that let the Apache
 * Parquet decoder run alone; its row-by-row reader hands out a boxed object per value, so this
 * reader drives the decoder column by column instead and fills primitive arrays. Nested and
 * repeated columns are refused with the column's name. Errors are one-line
 * {@link DataException}s naming the file, and for values the row (1-based) and column, since
 * Parquet has no lines.
 */
public final class ParquetTableReader implements TableReader {

    /** The most rows a {@link Table} can hold: its columns are Java arrays. */
    static final long MAX_ROWS = Integer.MAX_VALUE - 8;

    @Override
    public String id() {
        return "parquet";
    }

    @Override
    public boolean accepts(Path file) {
        Path name = file.getFileName();
        String lower = name == null ? "" : name.toString().toLowerCase(Locale.ROOT);
        return lower.endsWith(".parquet") || lower.endsWith(".parq");
    }

    @Override
    public Table read(Path file, ReadOptions options) {
        String source = file.toString();
        ColumnSink[] sinks = decode(file, source, options);
        RowLocator where = (row, column, message) ->
                new DataException(source + ": row " + (row + 1) + ", column '" + column + "': " + message);
        List<Column> columns = new ArrayList<>(sinks.length);
        for (int c = 0; c < sinks.length; c++) {
            columns.add(sinks[c].finish(where));
            sinks[c] = null; // let a text column's strings go as soon as it is typed
        }
        return Table.of(source, columns);
    }

    /** Reads every value of the file into sinks, and closes the file before they are typed. */
    private static ColumnSink[] decode(Path file, String source, ReadOptions options) {
        try {
            String problem = ParquetSignature.problem(file);
            if (problem != null) {
                throw new DataException(source + ": " + problem);
            }
            InputFile input = ParquetReader.makeInputFile(file.toFile());
            try (SeekableInputStream stream = input.newStream();
                 ParquetFileReader reader = open(source, input, stream)) {
                return readColumns(source, reader, options);
            }
        } catch (NoSuchFileException e) {
            throw new DataException(source + ": file not found", e);
        } catch (AccessDeniedException e) {
            throw new DataException(source + ": permission denied", e);
        } catch (IOException e) {
            throw new DataException(source + ": cannot read: " + oneLine(e), e);
        }
    }

    private static ParquetFileReader open(String source, InputFile input, SeekableInputStream stream) {
        try {
            return ParquetFileReader.open(input, ParquetReadOptions.builder().build(), stream);
        } catch (IOException | RuntimeException e) {
            // The decoder's own words (Thrift internals) would not help a user; they stay in the cause.
            throw new DataException(source + ": " + ParquetSignature.notParquet("its footer cannot be decoded"), e);
        }
    }

    private static ColumnSink[] readColumns(String source, ParquetFileReader reader, ReadOptions options) {
        MessageType schema = reader.getFooter().getFileMetaData().getSchema();
        List<String> names = columnNames(source, schema);
        checkOverrides(source, names, options.types());
        int rows = rowCount(source, reader.getRecordCount());

        List<ColumnDescriptor> descriptors = new ArrayList<>(names.size());
        ColumnSink[] sinks = new ColumnSink[names.size()];
        for (int c = 0; c < sinks.length; c++) {
            ColumnDescriptor descriptor = schema.getColumnDescription(new String[] {names.get(c)});
            descriptors.add(descriptor);
            sinks[c] = ColumnSinks.forColumn(names.get(c), descriptor.getPrimitiveType(), options.types().get(names.get(c)), rows);
        }
        fill(source, reader, schema, names, descriptors, sinks, rows);
        return sinks;
    }

    /** Decodes every row group, one column at a time, into the sinks. */
    private static void fill(String source, ParquetFileReader reader, MessageType schema, List<String> names,
                             List<ColumnDescriptor> descriptors, ColumnSink[] sinks, int rows) {
        String createdBy = reader.getFooter().getFileMetaData().getCreatedBy();
        GroupConverter converter = new DummyRecordConverter(schema).getRootConverter();
        int offset = 0;
        for (int group = 1; ; group++) {
            PageReadStore pages;
            try {
                pages = reader.readNextRowGroup();
            } catch (IOException | RuntimeException e) {
                throw damaged(source, "row group " + group, e);
            }
            if (pages == null) {
                break;
            }
            int count = (int) pages.getRowCount();
            if (count > rows - offset) {
                throw new DataException(source + ": row group " + group + " has more rows than the footer counts");
            }
            ColumnReadStoreImpl store = new ColumnReadStoreImpl(pages, converter, schema, createdBy);
            for (int c = 0; c < sinks.length; c++) {
                try {
                    sinks[c].read(store.getColumnReader(descriptors.get(c)), offset, count);
                } catch (RuntimeException e) {
                    throw damaged(source, "row group " + group + ", column '" + names.get(c) + "'", e);
                }
            }
            offset += count;
        }
        if (offset != rows) {
            throw new DataException(source + ": the row groups hold " + offset + " rows, the footer counts " + rows);
        }
    }

    /** The top-level column names, refusing nested and repeated columns. */
    private static List<String> columnNames(String source, MessageType schema) {
        List<String> names = new ArrayList<>();
        for (Type field : schema.getFields()) {
            if (!field.isPrimitive()) {
                throw new DataException(source + ": column '" + field.getName() + "' is " + nestedKind(field)
                        + "; nested columns are not supported");
            }
            if (field.isRepetition(Type.Repetition.REPEATED)) {
                throw new DataException(source + ": column '" + field.getName()
                        + "' is repeated (several values per row); repeated columns are not supported");
            }
            names.add(field.getName());
        }
        if (names.isEmpty()) {
            throw new DataException(source + ": the file has no columns");
        }
        return names;
    }

    private static String nestedKind(Type field) {
        LogicalTypeAnnotation logical = field.getLogicalTypeAnnotation();
        if (logical instanceof LogicalTypeAnnotation.ListLogicalTypeAnnotation) {
            return "a list";
        }
        if (logical instanceof LogicalTypeAnnotation.MapLogicalTypeAnnotation) {
            return "a map";
        }
        return "a group of fields (a struct)";
    }

    private static void checkOverrides(String source, List<String> names, Map<String, ColumnType> types) {
        for (String name : types.keySet()) {
            if (!names.contains(name)) {
                throw new DataException(source + ": a type is given for column '" + name
                        + "', which the file does not have; columns are " + String.join(", ", names));
            }
        }
    }

    private static int rowCount(String source, long rows) {
        if (rows == 0) {
            throw new DataException(source + ": the file has columns but no rows");
        }
        if (rows > MAX_ROWS) {
            throw new DataException(source + ": the file has " + rows + " rows; at most " + MAX_ROWS + " can be loaded");
        }
        return (int) rows;
    }

    /**
     * A failure inside the data, past a footer that read fine: almost always damaged pages. The
     * decoder's message (Thrift or codec internals) stays in the cause.
     */
    private static DataException damaged(String source, String where, Exception e) {
        return new DataException(source + ": " + where + ": the data cannot be decoded; the file is damaged", e);
    }

    private static String oneLine(Throwable e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return message.replaceAll("\\s+", " ").trim();
    }
}
