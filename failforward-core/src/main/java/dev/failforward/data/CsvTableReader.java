package dev.failforward.data;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads delimited text: quoted fields, embedded newlines, UTF-8 with or without a byte-order
 * mark, and {@code ,} {@code ;} or tab as separator (sniffed from the header line).
 */
public final class CsvTableReader implements TableReader {

    @Override
    public String id() {
        return "csv";
    }

    @Override
    public boolean accepts(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".csv") || name.endsWith(".tsv") || name.endsWith(".txt");
    }

    @Override
    public Table read(Path file, ReadOptions options) {
        String source = file.toString();
        char separator = sniffSeparator(file);
        List<String> header = null;
        List<String[]> rows = new ArrayList<>();
        List<Long> lines = new ArrayList<>();
        CsvReader.CsvReaderBuilder builder = CsvReader.builder().fieldSeparator(separator)
                .detectBomHeader(true).skipEmptyLines(true).allowExtraFields(true).allowMissingFields(true);
        try (CsvReader<CsvRecord> reader = builder.ofCsvRecord(file, StandardCharsets.UTF_8)) {
            for (CsvRecord record : reader) {
                if (header == null) {
                    header = header(source, record);
                    continue;
                }
                if (record.getFieldCount() != header.size()) {
                    throw DataException.at(source, record.getStartingLineNumber(), null,
                            "expected " + header.size() + " fields as in the header, found " + record.getFieldCount());
                }
                rows.add(record.getFields().toArray(String[]::new));
                lines.add(record.getStartingLineNumber());
            }
        } catch (CsvParseException e) {
            throw new DataException(source + ": " + oneLine(e), e);
        } catch (UncheckedIOException e) {
            throw new DataException(source + ": cannot read: " + oneLine(e.getCause()), e);
        } catch (IOException e) {
            throw new DataException(source + ": cannot read: " + oneLine(e), e);
        }
        if (header == null) {
            throw new DataException(source + ": the file is empty; expected a header line and rows");
        }
        if (rows.isEmpty()) {
            throw new DataException(source + ": the file has a header but no rows");
        }
        RowLocator where = (row, column, message) -> DataException.at(source, lines.get(row), column, message);
        List<Column> columns = new ArrayList<>(header.size());
        for (int c = 0; c < header.size(); c++) {
            String[] raw = new String[rows.size()];
            for (int r = 0; r < raw.length; r++) {
                raw[r] = rows.get(r)[c];
            }
            String name = header.get(c);
            columns.add(ColumnParser.parse(name, raw, options.types().get(name), where));
        }
        unknownOverrides(source, header, options);
        return Table.of(source, columns);
    }

    private static List<String> header(String source, CsvRecord record) {
        List<String> names = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < record.getFieldCount(); i++) {
            String name = record.getField(i).trim();
            if (name.isEmpty()) {
                name = "column_" + (i + 1);
            }
            if (!seen.add(name)) {
                throw DataException.at(source, record.getStartingLineNumber(), name, "duplicate column name in the header");
            }
            names.add(name);
        }
        return names;
    }

    static void unknownOverrides(String source, List<String> header, ReadOptions options) {
        for (String name : options.types().keySet()) {
            if (!header.contains(name)) {
                throw new DataException(source + ": a type is given for column '" + name
                        + "', which the file does not have; columns are " + String.join(", ", header));
            }
        }
    }

    /** The separator that splits the first line into the most fields, outside quotes. */
    static char sniffSeparator(Path file) {
        String first;
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            first = in.readLine();
        } catch (CharacterCodingException e) {
            throw new DataException(file + ": not UTF-8 text (is it a CSV file?)", e);
        } catch (IOException e) {
            throw new DataException(file + ": cannot read: " + oneLine(e), e);
        }
        if (first == null) {
            throw new DataException(file + ": the file is empty; expected a header line and rows");
        }
        char best = ',';
        int bestCount = 0;
        for (char candidate : new char[] {',', ';', '\t'}) {
            int count = 0;
            boolean quoted = false;
            for (int i = 0; i < first.length(); i++) {
                char ch = first.charAt(i);
                if (ch == '"') {
                    quoted = !quoted;
                } else if (ch == candidate && !quoted) {
                    count++;
                }
            }
            if (count > bestCount) {
                best = candidate;
                bestCount = count;
            }
        }
        return best;
    }

    private static String oneLine(Throwable e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return m.replace('\n', ' ');
    }
}
