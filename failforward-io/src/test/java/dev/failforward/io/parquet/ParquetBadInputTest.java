package dev.failforward.io.parquet;

import dev.failforward.data.ColumnType;
import dev.failforward.data.CsvTableReader;
import dev.failforward.data.DataException;
import dev.failforward.data.ReadOptions;
import dev.failforward.data.Table;
import dev.failforward.data.TableReaders;
import dev.failforward.io.support.SharedData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Files that are not (or no longer) Parquet, and Parquet files FailForward cannot use, fail
 * with one line that names the file and says what is wrong, whatever the Parquet library
 * would have thrown.
 */
class ParquetBadInputTest {

    @TempDir
    static Path dir;
    /** A valid Parquet file of the Titanic passenger list, to damage. */
    private static Path titanic;

    @BeforeAll
    static void writeFixture() throws IOException {
        Table csv = new CsvTableReader().read(SharedData.tabular("titanic.csv"),
                new ReadOptions(Map.of("survived", ColumnType.BOOLEAN)));
        titanic = TableParquetWriter.write(csv, ParquetTableReaderTest.titanicTypes(), dir.resolve("titanic.parquet"));
    }

    @Test
    void aCsvFileRenamedToParquet() throws IOException {
        Path file = Files.copy(SharedData.tabular("titanic.csv"), dir.resolve("renamed.parquet"));

        assertThat(error(file)).isEqualTo(file + ": not a Parquet file (it starts with text, not the marker PAR1; is it CSV or JSON?)");
    }

    @Test
    void anEmptyFile() throws IOException {
        Path file = Files.createFile(dir.resolve("empty.parquet"));

        assertThat(error(file)).isEqualTo(file + ": not a Parquet file (the file is empty)");
    }

    @Test
    void aTruncatedFile() throws IOException {
        byte[] whole = Files.readAllBytes(titanic);
        Path file = Files.write(dir.resolve("truncated.parquet"), Arrays.copyOf(whole, whole.length / 2));

        assertThat(error(file)).isEqualTo(file
                + ": not a Parquet file (no PAR1 marker at the end; the file is truncated or was not completely written)");
    }

    @Test
    void aFileTooShortToBeParquet() throws IOException {
        Path file = Files.write(dir.resolve("short.parquet"), "PAR1PAR1".getBytes(StandardCharsets.US_ASCII));

        assertThat(error(file)).isEqualTo(file + ": not a Parquet file (only 8 bytes long)");
    }

    @Test
    void binaryDataThatIsNotParquet() throws IOException {
        byte[] bytes = new byte[100];
        bytes[0] = (byte) 0x89;
        Path file = Files.write(dir.resolve("image.parquet"), bytes);

        assertThat(error(file)).isEqualTo(file + ": not a Parquet file (it does not start with the marker PAR1)");
    }

    @Test
    void markersAroundAFooterThatIsNotOne() throws IOException {
        byte[] junk = "this is no thrift footer".getBytes(StandardCharsets.US_ASCII);
        Path file = Files.write(dir.resolve("footer.parquet"), parquetShape(junk, junk.length));

        assertThat(error(file)).isEqualTo(file + ": not a Parquet file (its footer cannot be decoded)");
    }

    @Test
    void aFooterLengthLongerThanTheFile() throws IOException {
        Path file = Files.write(dir.resolve("length.parquet"), parquetShape(new byte[4], 1000));

        assertThat(error(file)).isEqualTo(file + ": not a Parquet file (the footer length 1000 does not fit a file of 16 bytes; is it truncated?)");
    }

    @Test
    void damagedDataPages() throws IOException {
        byte[] bytes = Files.readAllBytes(titanic);
        // Zero the column data between the leading marker and the footer; the footer stays valid.
        int footer = ByteBuffer.wrap(bytes, bytes.length - 8, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
        Arrays.fill(bytes, 4, bytes.length - 8 - footer, (byte) 0);
        Path file = Files.write(dir.resolve("damaged.parquet"), bytes);

        assertThat(error(file)).isEqualTo(file + ": row group 1: the data cannot be decoded; the file is damaged");
    }

    @Test
    void anEncryptedFile() throws IOException {
        byte[] bytes = parquetShape(new byte[8], 8);
        byte[] marker = "PARE".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(marker, 0, bytes, 0, 4);
        System.arraycopy(marker, 0, bytes, bytes.length - 4, 4);
        Path file = Files.write(dir.resolve("secret.parquet"), bytes);

        assertThat(error(file)).isEqualTo(file + ": encrypted Parquet files are not supported");
    }

    @Test
    void aGroupColumn() throws IOException {
        Path file = GroupFiles.write(dir.resolve("struct.parquet"),
                "message m { required int32 id; optional group airport { required binary code (STRING); required double lat; } }",
                row -> row.append("id", 1).addGroup("airport").append("code", "LAS").append("lat", 36.08));

        assertThat(error(file)).isEqualTo(file + ": column 'airport' is a group of fields (a struct); nested columns are not supported");
    }

    @Test
    void aListColumn() throws IOException {
        Path file = GroupFiles.write(dir.resolve("list.parquet"),
                "message m { optional group stops (LIST) { repeated group list { optional binary element (STRING); } } }",
                row -> row.addGroup("stops").addGroup("list").append("element", "DEN"));

        assertThat(error(file)).isEqualTo(file + ": column 'stops' is a list; nested columns are not supported");
    }

    @Test
    void aRepeatedColumn() throws IOException {
        Path file = GroupFiles.write(dir.resolve("repeated.parquet"),
                "message m { required binary origin (STRING); repeated int32 delays; }",
                row -> row.append("origin", "LAS").append("delays", 33).append("delays", 19));

        assertThat(error(file)).isEqualTo(file + ": column 'delays' is repeated (several values per row); repeated columns are not supported");
    }

    @Test
    void aFileWithColumnsButNoRows() throws IOException {
        Path file = GroupFiles.write(dir.resolve("norows.parquet"), "message m { optional double delay; }");

        assertThat(error(file)).isEqualTo(file + ": the file has columns but no rows");
    }

    @Test
    void aMissingFileReadDirectly() {
        Path file = dir.resolve("absent.parquet");
        DataException e = catchThrowableOfType(DataException.class, () -> new ParquetTableReader().read(file, ReadOptions.DEFAULT));

        assertThat(e).hasMessage(file + ": file not found");
    }

    /** The message of the {@link DataException} reading {@code file} throws, checked to be one line. */
    private static String error(Path file) {
        DataException e = catchThrowableOfType(DataException.class, () -> TableReaders.read(file, ReadOptions.DEFAULT));
        assertThat(e).as("reading " + file + " must fail with a DataException").isNotNull();
        assertThat(e.getMessage()).doesNotContain("\n").startsWith(file.toString());
        return e.getMessage();
    }

    /** PAR1, a body, a little-endian footer length, PAR1: the outline of a Parquet file. */
    private static byte[] parquetShape(byte[] body, int footerLength) {
        ByteBuffer out = ByteBuffer.allocate(12 + body.length).order(ByteOrder.LITTLE_ENDIAN);
        byte[] marker = "PAR1".getBytes(StandardCharsets.US_ASCII);
        return out.put(marker).put(body).putInt(footerLength).put(marker).array();
    }

}
