package dev.failforward.io.parquet;

import dev.failforward.data.NumericColumn;
import org.apache.parquet.column.ColumnReader;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.DateLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.DecimalLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.EnumLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.IntLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.JsonLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.StringLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.TimeLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.TimeUnit;
import org.apache.parquet.schema.LogicalTypeAnnotation.TimestampLogicalTypeAnnotation;
import org.apache.parquet.schema.PrimitiveType;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.function.LongFunction;

/**
 * Chooses the {@link TextDecoder} for a Parquet column type. Dates, times and timestamps are
 * written in ISO-8601 ({@code 2001-01-01}, {@code 13:45:00}, {@code 2001-01-01T00:01:00}, with
 * a trailing {@code Z} when the file says the timestamp is in UTC), because the core has no
 * timestamp type yet and these strings sort and compare like the instants they stand for.
 * Numbers are written as {@link NumericColumn#format} writes them; decimals exactly.
 */
final class TextDecoders {

    /** Julian day number of 1970-01-01, the epoch of legacy INT96 timestamps. */
    private static final long JULIAN_EPOCH_DAY = 2_440_588;
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private TextDecoders() {
    }

    static TextDecoder forType(PrimitiveType type) {
        LogicalTypeAnnotation logical = type.getLogicalTypeAnnotation();
        return switch (type.getPrimitiveTypeName()) {
            case BOOLEAN -> reader -> reader.getBoolean() ? "true" : "false";
            case INT32 -> new LastValue(true, int32Text(logical));
            case INT64 -> new LastValue(false, int64Text(logical));
            case FLOAT -> reader -> floatText(reader.getFloat());
            case DOUBLE -> reader -> doubleText(reader.getDouble());
            case INT96 -> reader -> int96Text(reader.getBinary());
            case BINARY, FIXED_LEN_BYTE_ARRAY -> bytesText(type);
        };
    }

    private static LongFunction<String> int32Text(LogicalTypeAnnotation logical) {
        if (logical instanceof DateLogicalTypeAnnotation) {
            return days -> LocalDate.ofEpochDay(days).toString();
        }
        if (logical instanceof TimeLogicalTypeAnnotation time) {
            return v -> timeText(v, time.getUnit());
        }
        if (logical instanceof DecimalLogicalTypeAnnotation decimal) {
            return v -> BigDecimal.valueOf(v, decimal.getScale()).toPlainString();
        }
        if (logical instanceof IntLogicalTypeAnnotation i && !i.isSigned()) {
            return v -> Integer.toUnsignedString((int) v);
        }
        return Long::toString;
    }

    private static LongFunction<String> int64Text(LogicalTypeAnnotation logical) {
        if (logical instanceof TimestampLogicalTypeAnnotation ts) {
            return v -> timestampText(v, ts.getUnit(), ts.isAdjustedToUTC());
        }
        if (logical instanceof TimeLogicalTypeAnnotation time) {
            return v -> timeText(v, time.getUnit());
        }
        if (logical instanceof DecimalLogicalTypeAnnotation decimal) {
            return v -> BigDecimal.valueOf(v, decimal.getScale()).toPlainString();
        }
        if (logical instanceof IntLogicalTypeAnnotation i && !i.isSigned()) {
            return Long::toUnsignedString;
        }
        return Long::toString;
    }

    private static TextDecoder bytesText(PrimitiveType type) {
        LogicalTypeAnnotation logical = type.getLogicalTypeAnnotation();
        if (logical instanceof DecimalLogicalTypeAnnotation decimal) {
            int scale = decimal.getScale();
            return reader -> new BigDecimal(new BigInteger(reader.getBinary().getBytes()), scale).toPlainString();
        }
        boolean utf8 = logical instanceof StringLogicalTypeAnnotation || logical instanceof EnumLogicalTypeAnnotation
                || logical instanceof JsonLogicalTypeAnnotation
                // Many writers store strings as BINARY without saying so; read them as UTF-8 text.
                || logical == null && type.getPrimitiveTypeName() == PrimitiveType.PrimitiveTypeName.BINARY;
        if (utf8) {
            return reader -> reader.getBinary().toStringUsingUTF8();
        }
        // UUID, FLOAT16, INTERVAL, BSON, geometry, opaque fixed bytes: as Parquet itself prints them.
        return reader -> type.stringifier().stringify(reader.getBinary());
    }

    static String floatText(float f) {
        if (Float.isNaN(f)) {
            return null;
        }
        // Float.toString gives the shortest decimal that reads back as this float ("0.1", not "0.10000000149011612").
        return f == Math.rint(f) && Math.abs(f) < 1e15 ? Long.toString((long) f) : Float.toString(f);
    }

    static String doubleText(double d) {
        return Double.isNaN(d) ? null : NumericColumn.format(d);
    }

    static String timestampText(long value, TimeUnit unit, boolean utc) {
        long perSecond = perSecond(unit);
        long seconds = Math.floorDiv(value, perSecond);
        int nanos = (int) (Math.floorMod(value, perSecond) * (NANOS_PER_SECOND / perSecond));
        if (utc) {
            return DateTimeFormatter.ISO_INSTANT.format(Instant.ofEpochSecond(seconds, nanos));
        }
        return DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(LocalDateTime.ofEpochSecond(seconds, nanos, ZoneOffset.UTC));
    }

    static String timeText(long value, TimeUnit unit) {
        long nanos = value * (NANOS_PER_SECOND / perSecond(unit));
        return DateTimeFormatter.ISO_LOCAL_TIME.format(LocalTime.ofNanoOfDay(nanos));
    }

    /** Legacy Impala/Spark timestamps: nanoseconds of the day, then the Julian day, little-endian. */
    static String int96Text(Binary value) {
        ByteBuffer bytes = value.toByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
        long nanosOfDay = bytes.getLong();
        long julianDay = Integer.toUnsignedLong(bytes.getInt());
        LocalDateTime time = LocalDateTime.of(LocalDate.ofEpochDay(julianDay - JULIAN_EPOCH_DAY), LocalTime.ofNanoOfDay(nanosOfDay));
        return DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(time);
    }

    private static long perSecond(TimeUnit unit) {
        return switch (unit) {
            case MILLIS -> 1_000L;
            case MICROS -> 1_000_000L;
            case NANOS -> NANOS_PER_SECOND;
        };
    }

    /**
     * Formats 32- or 64-bit integers, reusing the last string while the value repeats: sorted
     * dates and timestamps then cost one string per distinct value, not one per row.
     */
    private static final class LastValue implements TextDecoder {

        private final boolean int32;
        private final LongFunction<String> format;
        private long last;
        private String lastText;

        LastValue(boolean int32, LongFunction<String> format) {
            this.int32 = int32;
            this.format = format;
        }

        @Override
        public String read(ColumnReader reader) {
            long value = int32 ? reader.getInteger() : reader.getLong();
            if (lastText == null || value != last) {
                last = value;
                lastText = format.apply(value);
            }
            return lastText;
        }
    }
}
