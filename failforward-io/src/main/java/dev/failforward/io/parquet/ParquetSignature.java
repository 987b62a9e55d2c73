package dev.failforward.io.parquet;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Checks the markers every Parquet file has ({@code PAR1} at both ends, a footer length just
 * before the end) before the Parquet library sees the file. A CSV file renamed
 * {@code .parquet}, an empty file or a truncated download then gets one line saying so,
 * rather than whatever exception the decoder happens to throw.
 */
final class ParquetSignature {

    private static final int MAGIC_LENGTH = 4;
    /** Leading marker, footer length and trailing marker: the smallest possible file. */
    private static final int MIN_LENGTH = 3 * MAGIC_LENGTH;

    private ParquetSignature() {
    }

    /**
     * What is wrong with the file, as the rest of a one-line message after the file name, or
     * {@code null} when the markers look right.
     */
    static String problem(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            if (size == 0) {
                return notParquet("the file is empty");
            }
            if (size < MIN_LENGTH) {
                return notParquet("only " + size + " bytes long");
            }
            String head = marker(channel, 0);
            String tail = marker(channel, size - MAGIC_LENGTH);
            if (head.equals("PARE") || tail.equals("PARE")) {
                return "encrypted Parquet files are not supported";
            }
            if (!head.equals("PAR1")) {
                return notParquet(looksLikeText(channel) ? "it starts with text, not the marker PAR1; is it CSV or JSON?"
                        : "it does not start with the marker PAR1");
            }
            if (!tail.equals("PAR1")) {
                return notParquet("no PAR1 marker at the end; the file is truncated or was not completely written");
            }
            long footer = footerLength(channel, size);
            if (footer <= 0 || footer > size - MIN_LENGTH) {
                return notParquet("the footer length " + footer + " does not fit a file of " + size + " bytes; is it truncated?");
            }
            return null;
        }
    }

    /** The message for a file that is not (or no longer) Parquet. */
    static String notParquet(String reason) {
        return "not a Parquet file (" + reason + ")";
    }

    private static String marker(FileChannel channel, long position) throws IOException {
        ByteBuffer buffer = read(channel, position, MAGIC_LENGTH);
        StringBuilder sb = new StringBuilder(MAGIC_LENGTH);
        while (buffer.hasRemaining()) {
            sb.append((char) (buffer.get() & 0xff));
        }
        return sb.toString();
    }

    private static long footerLength(FileChannel channel, long size) throws IOException {
        return Integer.toUnsignedLong(read(channel, size - 2 * MAGIC_LENGTH, 4).order(ByteOrder.LITTLE_ENDIAN).getInt());
    }

    /** Whether the first bytes are printable ASCII, as in a header line of a text file. */
    private static boolean looksLikeText(FileChannel channel) throws IOException {
        ByteBuffer start = read(channel, 0, (int) Math.min(64, channel.size()));
        while (start.hasRemaining()) {
            int b = start.get() & 0xff;
            boolean printable = b >= 0x20 && b < 0x7f || b == '\t' || b == '\n' || b == '\r' || b >= 0x80;
            if (!printable) {
                return false;
            }
        }
        return true;
    }

    private static ByteBuffer read(FileChannel channel, long position, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length);
        while (buffer.hasRemaining()) {
            if (channel.read(buffer, position + buffer.position()) < 0) {
                break;
            }
        }
        return buffer.flip();
    }
}
