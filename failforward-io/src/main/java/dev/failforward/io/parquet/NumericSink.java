package dev.failforward.io.parquet;

import dev.failforward.data.Column;
import dev.failforward.data.NumericColumn;
import dev.failforward.data.RowLocator;
import org.apache.parquet.column.ColumnReader;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * A Parquet number column as a {@link NumericColumn}: values go straight from the page decoder
 * into a {@code double[]}, with {@code NaN} for nulls (and for {@code NaN}s in the file, which
 * FailForward cannot tell from missing). 64-bit integers beyond 2<sup>53</sup> lose precision.
 */
final class NumericSink implements ColumnSink {

    /** How the numbers are stored in the file. */
    enum Storage {
        INT32, UINT32, INT64, UINT64, FLOAT, DOUBLE,
        /** Decimals: an unscaled integer in an INT32, INT64 or big-endian two's-complement bytes. */
        DECIMAL_INT32, DECIMAL_INT64, DECIMAL_BYTES
    }

    /** Powers of ten that are exact doubles, so that unscaled / 10^scale rounds once. */
    private static final double[] EXACT_POWERS_OF_TEN = new double[23];

    static {
        double p = 1;
        for (int i = 0; i < EXACT_POWERS_OF_TEN.length; i++) {
            EXACT_POWERS_OF_TEN[i] = p;
            p *= 10;
        }
    }

    private final String name;
    private final Storage storage;
    private final int scale;
    private final double[] values;

    /** {@code scale} is the decimal scale, and 0 for storages that are not decimals. */
    NumericSink(String name, Storage storage, int scale, int rows) {
        this.name = name;
        this.storage = storage;
        this.scale = scale;
        this.values = new double[rows];
    }

    @Override
    public void read(ColumnReader reader, int offset, int count) {
        int defined = reader.getDescriptor().getMaxDefinitionLevel();
        int end = offset + count;
        // One loop per storage keeps the type switch out of the per-row path.
        switch (storage) {
            case INT32 -> {
                for (int i = offset; i < end; i++) {
                    values[i] = reader.getCurrentDefinitionLevel() == defined ? reader.getInteger() : Double.NaN;
                    reader.consume();
                }
            }
            case UINT32 -> {
                for (int i = offset; i < end; i++) {
                    values[i] = reader.getCurrentDefinitionLevel() == defined ? Integer.toUnsignedLong(reader.getInteger()) : Double.NaN;
                    reader.consume();
                }
            }
            case INT64 -> {
                for (int i = offset; i < end; i++) {
                    values[i] = reader.getCurrentDefinitionLevel() == defined ? reader.getLong() : Double.NaN;
                    reader.consume();
                }
            }
            case UINT64 -> {
                for (int i = offset; i < end; i++) {
                    values[i] = reader.getCurrentDefinitionLevel() == defined ? unsigned(reader.getLong()) : Double.NaN;
                    reader.consume();
                }
            }
            case FLOAT -> {
                for (int i = offset; i < end; i++) {
                    values[i] = reader.getCurrentDefinitionLevel() == defined ? reader.getFloat() : Double.NaN;
                    reader.consume();
                }
            }
            case DOUBLE -> {
                for (int i = offset; i < end; i++) {
                    values[i] = reader.getCurrentDefinitionLevel() == defined ? reader.getDouble() : Double.NaN;
                    reader.consume();
                }
            }
            case DECIMAL_INT32 -> {
                for (int i = offset; i < end; i++) {
                    values[i] = reader.getCurrentDefinitionLevel() == defined ? decimal(reader.getInteger()) : Double.NaN;
                    reader.consume();
                }
            }
            case DECIMAL_INT64 -> {
                for (int i = offset; i < end; i++) {
                    values[i] = reader.getCurrentDefinitionLevel() == defined ? decimal(reader.getLong()) : Double.NaN;
                    reader.consume();
                }
            }
            case DECIMAL_BYTES -> {
                for (int i = offset; i < end; i++) {
                    values[i] = reader.getCurrentDefinitionLevel() == defined
                            ? new BigDecimal(new BigInteger(reader.getBinary().getBytes()), scale).doubleValue()
                            : Double.NaN;
                    reader.consume();
                }
            }
        }
    }

    @Override
    public Column finish(RowLocator where) {
        return new NumericColumn(name, values);
    }

    private double decimal(long unscaled) {
        if (scale < EXACT_POWERS_OF_TEN.length && Math.abs(unscaled) < (1L << 53)) {
            return unscaled / EXACT_POWERS_OF_TEN[scale];
        }
        return BigDecimal.valueOf(unscaled, scale).doubleValue();
    }

    private static double unsigned(long v) {
        return v >= 0 ? v : (v >>> 1 | (v & 1)) * 2.0;
    }
}
