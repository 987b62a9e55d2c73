package dev.failforward.io.parquet;

import dev.failforward.data.ColumnType;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.DecimalLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.IntLogicalTypeAnnotation;
import org.apache.parquet.schema.PrimitiveType;

/**
 * The mapping from Parquet column types to FailForward columns, in one place:
 * <table>
 * <caption>Parquet type to column</caption>
 * <tr><th>Parquet</th><th>FailForward</th></tr>
 * <tr><td>INT32, INT64 (signed or unsigned INT), FLOAT, DOUBLE, DECIMAL</td><td>numeric</td></tr>
 * <tr><td>BOOLEAN</td><td>boolean (levels false, true)</td></tr>
 * <tr><td>strings (BINARY, STRING, ENUM, JSON)</td><td>inferred from the strings, as for CSV</td></tr>
 * <tr><td>DATE, TIME, TIMESTAMP, INT96</td><td>ISO-8601 strings, inferred as for CSV: categorical
 *     when values repeat, text when they are mostly distinct</td></tr>
 * <tr><td>other (UUID, FLOAT16, INTERVAL, …)</td><td>Parquet's own text for them, inferred as for CSV</td></tr>
 * </table>
 * A forced type that the Parquet type gives directly (numeric for numbers, boolean for BOOLEAN)
 * is read directly; any other forced type goes through the value's text and
 * {@link dev.failforward.data.ColumnParser}, so it converts, and fails, as it would for CSV.
 */
final class ColumnSinks {

    private ColumnSinks() {
    }

    /** A sink for column {@code name} of {@code rows} rows; {@code forced} is null to infer. */
    static ColumnSink forColumn(String name, PrimitiveType type, ColumnType forced, int rows) {
        LogicalTypeAnnotation logical = type.getLogicalTypeAnnotation();
        NumericSink.Storage numeric = numericStorage(type);
        if (numeric != null && (forced == null || forced == ColumnType.NUMERIC)) {
            int scale = logical instanceof DecimalLogicalTypeAnnotation decimal ? decimal.getScale() : 0;
            return new NumericSink(name, numeric, scale, rows);
        }
        if (type.getPrimitiveTypeName() == PrimitiveType.PrimitiveTypeName.BOOLEAN
                && (forced == null || forced == ColumnType.BOOLEAN)) {
            return new BooleanSink(name, rows);
        }
        return new TextSink(name, TextDecoders.forType(type), forced, rows);
    }

    /** How numbers of this type are stored, or {@code null} when the type is not a number. */
    static NumericSink.Storage numericStorage(PrimitiveType type) {
        LogicalTypeAnnotation logical = type.getLogicalTypeAnnotation();
        boolean decimal = logical instanceof DecimalLogicalTypeAnnotation;
        boolean unsigned = logical instanceof IntLogicalTypeAnnotation i && !i.isSigned();
        if (logical != null && !decimal && !(logical instanceof IntLogicalTypeAnnotation)) {
            return null;
        }
        return switch (type.getPrimitiveTypeName()) {
            case INT32 -> decimal ? NumericSink.Storage.DECIMAL_INT32 : unsigned ? NumericSink.Storage.UINT32 : NumericSink.Storage.INT32;
            case INT64 -> decimal ? NumericSink.Storage.DECIMAL_INT64 : unsigned ? NumericSink.Storage.UINT64 : NumericSink.Storage.INT64;
            case FLOAT -> NumericSink.Storage.FLOAT;
            case DOUBLE -> NumericSink.Storage.DOUBLE;
            case BINARY, FIXED_LEN_BYTE_ARRAY -> decimal ? NumericSink.Storage.DECIMAL_BYTES : null;
            case BOOLEAN, INT96 -> null;
        };
    }
}
