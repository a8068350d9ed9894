// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.datasets.tables;

import io.github.gae4j.core.error.DatasetFormatException;
import io.github.gae4j.core.io.IoErrors;
import io.github.gae4j.datasets.tables.ColumnType.Kind;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.apache.parquet.HadoopFreeReadOptions;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.convert.GroupRecordConverter;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.io.ColumnIOFactory;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.RecordReader;
import org.apache.parquet.schema.GroupType;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Type;

/**
 * A Parquet file read with parquet-java and no Hadoop class ({@link HadoopFreeReadOptions}, {@link PlainCodecs}),
 * row by row through parquet-java's example {@link Group} records. Top-level columns map to values: integers
 * (INT32/INT64, no or an integer annotation) to Long, decimals to BigDecimal, FLOAT/DOUBLE to Double, strings to
 * String, booleans to Boolean, and lists (the 3-level {@code LIST} structure Spark writes, or a legacy repeated
 * field) to a List of those.
 */
final class ParquetRows implements TableRows {

    private final Path file;
    private final ParquetFileReader reader;
    private final MessageType schema;
    private final List<String> columns;
    private final ColumnType[] types;
    private final ColumnIOFactory io = new ColumnIOFactory();
    private RecordReader<Group> records;
    private long left;
    private long row;
    private Group current;

    private ParquetRows(Path file, ParquetFileReader reader) {
        this.file = file;
        this.reader = reader;
        this.schema = reader.getFooter().getFileMetaData().getSchema();
        List<String> names = new ArrayList<>();
        types = new ColumnType[schema.getFieldCount()];
        for (int k = 0; k < types.length; k++) {
            names.add(schema.getFieldName(k));
            types[k] = typeOf(schema.getType(k));
        }
        this.columns = Collections.unmodifiableList(names);
    }

    /** Opens {@code file}, reading its footer; fails for a file that is not Parquet or uses an unreadable codec. */
    static ParquetRows open(Path file) {
        ParquetFileReader reader;
        try {
            reader = new ParquetFileReader(new LocalInputFile(file), HadoopFreeReadOptions.of(new PlainCodecs()));
        } catch (IOException | RuntimeException e) {
            throw new DatasetFormatException(
                    file,
                    0,
                    "cannot be read as Parquet (" + IoErrors.reason(e) + "); option format=csv reads CSV tables",
                    e);
        }
        for (BlockMetaData block : reader.getFooter().getBlocks()) {
            for (ColumnChunkMetaData chunk : block.getColumns()) {
                if (!PlainCodecs.supports(chunk.getCodec())) {
                    closeQuietly(reader);
                    throw new DatasetFormatException(
                            file,
                            0,
                            String.format(
                                    Locale.ROOT,
                                    "column '%s' is compressed with %s; the tables loader reads snappy (Spark's"
                                            + " default), gzip or uncompressed Parquet",
                                    chunk.getPath().toDotString(),
                                    chunk.getCodec()));
                }
            }
        }
        return new ParquetRows(file, reader);
    }

    @Override
    public Path file() {
        return file;
    }

    @Override
    public List<String> columns() {
        return columns;
    }

    @Override
    public ColumnType type(int column) {
        return types[column];
    }

    @Override
    public boolean next() {
        try {
            while (left == 0) {
                PageReadStore pages = reader.readNextRowGroup();
                if (pages == null) {
                    return false;
                }
                left = pages.getRowCount();
                records = io.getColumnIO(schema).getRecordReader(pages, new GroupRecordConverter(schema));
            }
            current = records.read();
            left--;
            row++;
            return true;
        } catch (IOException | RuntimeException e) {
            throw new DatasetFormatException(
                    file, 0, String.format(Locale.ROOT, "cannot read row %d: %s", row + 1, IoErrors.reason(e)), e);
        }
    }

    @Override
    public Object get(int column) {
        Type type = schema.getType(column);
        int count = current.getFieldRepetitionCount(column);
        if (type.isRepetition(Type.Repetition.REPEATED)) {
            List<Object> values = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                values.add(type.isPrimitive() ? primitive(current, column, i, type.asPrimitiveType()) : null);
            }
            return values;
        }
        if (count == 0) {
            return null;
        }
        if (type.isPrimitive()) {
            return primitive(current, column, 0, type.asPrimitiveType());
        }
        if (types[column].kind() != Kind.ARRAY) {
            return current.getValueToString(column, 0);
        }
        Group list = current.getGroup(column, 0);
        Type repeated = list.getType().getType(0);
        int n = list.getFieldRepetitionCount(0);
        List<Object> values = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            if (repeated.isPrimitive()) {
                values.add(primitive(list, 0, i, repeated.asPrimitiveType())); // 2-level legacy list
            } else {
                Group element = list.getGroup(0, i);
                values.add(
                        element.getFieldRepetitionCount(0) == 0
                                ? null
                                : primitive(
                                        element,
                                        0,
                                        0,
                                        element.getType().getType(0).asPrimitiveType()));
            }
        }
        return values;
    }

    @Override
    public long line() {
        return 0;
    }

    @Override
    public long row() {
        return row;
    }

    @Override
    public void close() {
        closeQuietly(reader);
    }

    private static Object primitive(Group g, int field, int index, PrimitiveType type) {
        LogicalTypeAnnotation a = type.getLogicalTypeAnnotation();
        switch (kindOf(type)) {
            case INTEGER:
                return type.getPrimitiveTypeName() == PrimitiveType.PrimitiveTypeName.INT32
                        ? (long) g.getInteger(field, index)
                        : g.getLong(field, index);
            case DECIMAL: {
                int scale = ((LogicalTypeAnnotation.DecimalLogicalTypeAnnotation) a).getScale();
                return switch (type.getPrimitiveTypeName()) {
                    case INT32 -> BigDecimal.valueOf(g.getInteger(field, index), scale);
                    case INT64 -> BigDecimal.valueOf(g.getLong(field, index), scale);
                    default ->
                        new BigDecimal(new BigInteger(g.getBinary(field, index).getBytes()), scale);
                };
            }
            case FLOATING:
                return type.getPrimitiveTypeName() == PrimitiveType.PrimitiveTypeName.FLOAT
                        ? (double) g.getFloat(field, index)
                        : g.getDouble(field, index);
            case TEXT:
                return g.getString(field, index);
            case BOOLEAN:
                return g.getBoolean(field, index);
            default:
                return g.getValueToString(field, index);
        }
    }

    /** A top-level column's type: a primitive, a list of primitives, or something else. */
    private static ColumnType typeOf(Type type) {
        if (type.isPrimitive()) {
            PrimitiveType p = type.asPrimitiveType();
            if (type.isRepetition(Type.Repetition.REPEATED)) {
                return new ColumnType(Kind.ARRAY, kindOf(p), "array<" + nameOf(p) + ">");
            }
            return new ColumnType(kindOf(p), null, nameOf(p));
        }
        GroupType g = type.asGroupType();
        if (g.getFieldCount() == 1 && g.getType(0).isRepetition(Type.Repetition.REPEATED)) {
            Type repeated = g.getType(0);
            PrimitiveType element = null;
            if (repeated.isPrimitive()) {
                element = repeated.asPrimitiveType();
            } else if (repeated.asGroupType().getFieldCount() == 1
                    && repeated.asGroupType().getType(0).isPrimitive()) {
                element = repeated.asGroupType().getType(0).asPrimitiveType();
            }
            if (element != null) {
                return new ColumnType(Kind.ARRAY, kindOf(element), "array<" + nameOf(element) + ">");
            }
        }
        return new ColumnType(Kind.OTHER, null, g.getLogicalTypeAnnotation() != null ? "array or map" : "struct");
    }

    private static Kind kindOf(PrimitiveType p) {
        LogicalTypeAnnotation a = p.getLogicalTypeAnnotation();
        if (a instanceof LogicalTypeAnnotation.DecimalLogicalTypeAnnotation) {
            return Kind.DECIMAL;
        }
        return switch (p.getPrimitiveTypeName()) {
            case INT32, INT64 ->
                a == null || a instanceof LogicalTypeAnnotation.IntLogicalTypeAnnotation ? Kind.INTEGER : Kind.OTHER;
            case FLOAT, DOUBLE -> Kind.FLOATING;
            case BINARY -> a instanceof LogicalTypeAnnotation.StringLogicalTypeAnnotation ? Kind.TEXT : Kind.OTHER;
            case BOOLEAN -> Kind.BOOLEAN;
            default -> Kind.OTHER;
        };
    }

    /** Spark's name of the type, for messages. */
    private static String nameOf(PrimitiveType p) {
        LogicalTypeAnnotation a = p.getLogicalTypeAnnotation();
        if (a instanceof LogicalTypeAnnotation.DecimalLogicalTypeAnnotation d) {
            return "decimal(" + d.getPrecision() + "," + d.getScale() + ")";
        }
        return switch (p.getPrimitiveTypeName()) {
            case INT32 ->
                a == null || a instanceof LogicalTypeAnnotation.IntLogicalTypeAnnotation
                        ? "int"
                        : a.toString().toLowerCase(Locale.ROOT);
            case INT64 ->
                a == null || a instanceof LogicalTypeAnnotation.IntLogicalTypeAnnotation
                        ? "bigint"
                        : a.toString().toLowerCase(Locale.ROOT);
            case FLOAT -> "float";
            case DOUBLE -> "double";
            case BINARY -> a instanceof LogicalTypeAnnotation.StringLogicalTypeAnnotation ? "string" : "binary";
            case BOOLEAN -> "boolean";
            case INT96 -> "timestamp";
            default -> p.getPrimitiveTypeName().name().toLowerCase(Locale.ROOT);
        };
    }

    private static void closeQuietly(ParquetFileReader reader) {
        try {
            reader.close();
        } catch (IOException ignored) {
            // nothing more to report
        }
    }
}
