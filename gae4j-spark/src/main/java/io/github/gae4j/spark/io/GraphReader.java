// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.spark.io;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import io.github.gae4j.datasets.tables.TableFormat;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.storage.StorageLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a graph's edge and node-feature tables (Parquet or CSV) into {@link GraphTables}, checking them first: every
 * problem is a {@link TableException} naming the table and column with counts and examples, and what is merged or
 * dropped by design (self-loops, duplicate edges) is counted in a log line.
 *
 * <p><b>Edges</b>: columns {@code src} and {@code dst} (integer ids: integer types, whole-valued numbers, or text
 * of whole numbers in CSV) and an optional {@code weight} (finite numbers above 0; 1.0 without the column); other columns
 * are ignored. The result is canonical: each undirected pair once with {@code src < dst}; self-loops are dropped;
 * duplicates, in either direction, are merged into one edge with the largest of their weights.
 *
 * <p><b>Node features</b>: a column {@code id} (integer ids, unique) and one of these forms, tried in this order:
 * <ol>
 *   <li>a column {@code features} holding an array of numbers (Parquet {@code array<double>}, {@code array<float>},
 *       any numeric element type), or text of numbers separated by spaces or semicolons ({@code "0.5 1 0"}, for
 *       CSV);</li>
 *   <li>sparse columns {@code indices} (array of integers, 0-based, distinct), {@code values} (array of numbers,
 *       as long as {@code indices}) and {@code size} (the vector's width, an integer column); the vectors are
 *       densified (the canonical table is dense);</li>
 *   <li>one column per feature, {@code f0}, {@code f1}, ..., {@code fk} (numbers, or text of numbers in CSV).</li>
 * </ol>
 * Spark ML {@code vector} columns are not read (gae-spark does not depend on spark-mllib): convert them with
 * {@code org.apache.spark.ml.functions.vector_to_array} first. Every row must have the same width; every node id
 * of the edges must have a feature row (the feature table is the node set).
 *
 * <p>CSV files need a header line; every field is read as text and converted here, so that bad values are
 * counted and reported instead of silently becoming nulls. A path ending in {@code .csv} (optionally compressed,
 * e.g. {@code .csv.gz}) is read as CSV, anything else as Parquet.
 *
 * <p>The tables returned are persisted ({@code MEMORY_AND_DISK}): the checks already computed them; call
 * {@code unpersist()} on them when done.
 */
public final class GraphReader {

    private static final Logger LOG = LoggerFactory.getLogger(GraphReader.class);

    /** The input formats. */
    public enum Format {
        PARQUET,
        CSV;

        /** CSV for a path ending in {@code .csv} or {@code .csv.<compression>}, Parquet otherwise. */
        public static Format of(String path) {
            // One naming rule for Spark and for gae's tables loader, which reloads these tables on one machine.
            return TableFormat.of(path) == TableFormat.CSV ? CSV : PARQUET;
        }

        /** The same format as gae-datasets' tables loader names it. */
        public TableFormat table() {
            return this == CSV ? TableFormat.CSV : TableFormat.PARQUET;
        }
    }

    private static final Pattern FEATURE_COLUMN = Pattern.compile("f(\\d+)");
    private static final String INDICES = "indices";
    private static final String VALUES = "values";
    private static final String SIZE = "size";
    private static final int EXAMPLES = 3;
    /** A row whose features hold NaN or ±Infinity (nulls are counted separately). */
    private static final Column NON_FINITE =
            expr("exists(features, x -> isnan(x) or x = double('Infinity') or x = double('-Infinity'))");

    private GraphReader() {}

    /** Reads and checks the edge table and the node-feature table at these paths (Parquet or CSV by name). */
    public static GraphTables read(SparkSession spark, String edgesPath, String featuresPath) {
        Dataset<Row> features = features(readTable(spark, featuresPath), featuresPath);
        Dataset<Row> edges = edges(readTable(spark, edgesPath), edgesPath);
        return of(edges, edgesPath, features, featuresPath);
    }

    /**
     * Checks two tables already in canonical form ({@link #edges} and {@link #features}) against each other: every
     * edge endpoint has a feature row. Returns them with the feature width.
     */
    public static GraphTables of(Dataset<Row> edges, String edgesName, Dataset<Row> features, String featuresName) {
        Dataset<Row> endpoints = edges.select(col(GraphTables.SRC).as(GraphTables.ID))
                .union(edges.select(col(GraphTables.DST).as(GraphTables.ID)))
                .distinct();
        Dataset<Row> unknown = endpoints.join(features.select(GraphTables.ID), GraphTables.ID, "left_anti");
        long missing = unknown.count();
        if (missing > 0) {
            throw new TableException(
                    edgesName,
                    GraphTables.SRC + ", " + GraphTables.DST,
                    String.format(
                            Locale.ROOT,
                            "%d node id%s %s no row in the features table '%s' (e.g. %s); every node needs features",
                            missing,
                            missing == 1 ? "" : "s",
                            missing == 1 ? "has" : "have",
                            featuresName,
                            examples(unknown.orderBy(GraphTables.ID), GraphTables.ID)));
        }
        Row first = features.select(size(col(GraphTables.FEATURES))).head();
        return new GraphTables(edges, features, first.getInt(0));
    }

    /** The table at {@code path}: Parquet, or CSV with a header (every column as text) when the name says so. */
    public static Dataset<Row> readTable(SparkSession spark, String path) {
        return readTable(spark, path, Format.of(path));
    }

    /** The table at {@code path} in the given format (CSV: header line, every column as text). */
    public static Dataset<Row> readTable(SparkSession spark, String path, Format format) {
        try {
            return format == Format.CSV
                    ? spark.read()
                            .option("header", "true")
                            .option("inferSchema", "false")
                            .option("mode", "PERMISSIVE")
                            .csv(path)
                    : spark.read().parquet(path);
        } catch (RuntimeException e) {
            if (e.getClass().getSimpleName().equals("AnalysisException")) {
                throw new TableException(path, null, "cannot be read as " + format + ": " + e.getMessage());
            }
            throw e;
        }
    }

    /**
     * The edges of {@code raw} in canonical form ({@code src < dst} long, {@code weight} double), checked: missing
     * columns, null or non-integer ids, and non-numeric, non-finite or non-positive weights fail; self-loops and
     * duplicates are counted in a log
     * line. The result is persisted.
     *
     * @param table the table's path or name, for messages
     */
    public static Dataset<Row> edges(Dataset<Row> raw, String table) {
        requireColumns(raw, table, GraphTables.SRC, GraphTables.DST);
        boolean weighted = Arrays.asList(raw.columns()).contains(GraphTables.WEIGHT);
        Column src = integerId(raw, table, GraphTables.SRC);
        Column dst = integerId(raw, table, GraphTables.DST);
        Column weight = weighted ? number(raw, table, GraphTables.WEIGHT) : lit(1.0);
        Dataset<Row> typed = raw.select(
                col(GraphTables.SRC).as("raw_src"),
                col(GraphTables.DST).as("raw_dst"),
                (weighted ? col(GraphTables.WEIGHT) : lit(1.0)).as("raw_weight"),
                src.as(GraphTables.SRC),
                dst.as(GraphTables.DST),
                weight.as(GraphTables.WEIGHT));
        Row counts = typed.agg(
                        org.apache.spark.sql.functions.count(lit(1)),
                        countIf(col("raw_src").isNull()),
                        countIf(unreadable(GraphTables.SRC)),
                        countIf(col("raw_dst").isNull()),
                        countIf(unreadable(GraphTables.DST)),
                        countIf(col("raw_weight").isNull()),
                        countIf(unreadable(GraphTables.WEIGHT)),
                        countIf(col(GraphTables.SRC).equalTo(col(GraphTables.DST))),
                        countIf(col(GraphTables.WEIGHT).leq(0)))
                .head();
        long rows = counts.getLong(0);
        checkIds(typed, table, GraphTables.SRC, rows, counts.getLong(1), counts.getLong(2));
        checkIds(typed, table, GraphTables.DST, rows, counts.getLong(3), counts.getLong(4));
        if (counts.getLong(5) > 0) {
            throw new TableException(
                    table,
                    GraphTables.WEIGHT,
                    String.format(Locale.ROOT, "%d of %d rows have a null weight", counts.getLong(5), rows));
        }
        if (counts.getLong(6) > 0) {
            throw new TableException(
                    table,
                    GraphTables.WEIGHT,
                    String.format(
                            Locale.ROOT,
                            "%d of %d rows have a weight that is not a finite number (e.g. '%s')",
                            counts.getLong(6),
                            rows,
                            examples(typed.filter(unreadable(GraphTables.WEIGHT)), "raw_weight")));
        }
        if (counts.getLong(8) > 0) {
            // An edge scales its endpoints' degrees in Â = D̃^{-1/2} (A + I) D̃^{-1/2}: a weight <= 0 is no edge (gae's
            // own graphs are 0/1; its snap loader drops such lines only when told to), and a negative one can make a
            // degree negative and Â NaN.
            throw new TableException(
                    table,
                    GraphTables.WEIGHT,
                    String.format(
                            Locale.ROOT,
                            "%d of %d rows have a weight <= 0 (e.g. %s); edge weights must be positive (drop the rows"
                                    + " of absent edges)",
                            counts.getLong(8),
                            rows,
                            examples(
                                    typed.filter(col(GraphTables.WEIGHT).leq(0))
                                            .select(expr("concat(src, '-', dst, ': ', cast(raw_weight as string))")
                                                    .as("edge")),
                                    "edge")));
        }
        long selfLoops = counts.getLong(7);
        Dataset<Row> canonical = typed.filter(col(GraphTables.SRC).notEqual(col(GraphTables.DST)))
                .select(
                        least(col(GraphTables.SRC), col(GraphTables.DST)).as(GraphTables.SRC),
                        greatest(col(GraphTables.SRC), col(GraphTables.DST)).as(GraphTables.DST),
                        col(GraphTables.WEIGHT))
                .groupBy(GraphTables.SRC, GraphTables.DST)
                .agg(max(GraphTables.WEIGHT).as(GraphTables.WEIGHT))
                .persist(StorageLevel.MEMORY_AND_DISK());
        long edges = canonical.count();
        LOG.info(
                "Edges '{}': {} rows; dropped {} self-loops, merged {} duplicate or reversed rows (largest weight"
                        + " kept){}; {} undirected edges",
                table,
                rows,
                selfLoops,
                rows - selfLoops - edges,
                weighted ? "" : ", no weight column (weight 1.0)",
                edges);
        return canonical;
    }

    /**
     * The node features of {@code raw} in canonical form ({@code id} long, {@code features} array&lt;double&gt;),
     * checked: missing columns, null, non-integer or duplicate ids, null or non-numeric values, bad sparse entries
     * and differing widths fail. The result is persisted.
     *
     * @param table the table's path or name, for messages
     */
    public static Dataset<Row> features(Dataset<Row> raw, String table) {
        requireColumns(raw, table, GraphTables.ID);
        Set<String> present = new TreeSet<>(Arrays.asList(raw.columns()));
        Dataset<Row> typed;
        String valueColumn;
        if (present.contains(GraphTables.FEATURES)) {
            typed = raw.select(
                    col(GraphTables.ID).as("raw_id"),
                    integerId(raw, table, GraphTables.ID).as(GraphTables.ID),
                    col(GraphTables.FEATURES).as("raw_features"),
                    denseArray(raw, table).as(GraphTables.FEATURES));
            valueColumn = GraphTables.FEATURES;
        } else if (present.contains(INDICES) || present.contains(VALUES)) {
            requireColumns(raw, table, INDICES, VALUES, SIZE);
            typed = sparse(raw, table);
            valueColumn = INDICES + ", " + VALUES;
        } else {
            List<String> columns = featureColumns(raw, table);
            Column[] values = new Column[columns.size()];
            for (int j = 0; j < values.length; j++) {
                values[j] = numeric(raw, table, columns.get(j));
            }
            typed = raw.select(
                    col(GraphTables.ID).as("raw_id"),
                    integerId(raw, table, GraphTables.ID).as(GraphTables.ID),
                    lit(1).as("raw_features"),
                    org.apache.spark.sql.functions.array(values).as(GraphTables.FEATURES));
            valueColumn = columns.get(0) + ".." + columns.get(columns.size() - 1);
        }
        Row counts = typed.agg(
                        org.apache.spark.sql.functions.count(lit(1)),
                        countIf(col("raw_id").isNull()),
                        countIf(unreadable(GraphTables.ID)),
                        countIf(col("raw_features").isNull()),
                        countIf(unreadable(GraphTables.FEATURES)),
                        countIf(expr("exists(features, x -> x is null)")),
                        org.apache.spark.sql.functions.min(size(col(GraphTables.FEATURES))),
                        max(size(col(GraphTables.FEATURES))),
                        org.apache.spark.sql.functions.countDistinct(col(GraphTables.ID)),
                        countIf(NON_FINITE))
                .head();
        long rows = counts.getLong(0);
        if (rows == 0) {
            throw new TableException(table, null, "has no rows: the features table lists every node of the graph");
        }
        checkIds(typed, table, GraphTables.ID, rows, counts.getLong(1), counts.getLong(2));
        if (counts.getLong(3) > 0) {
            throw new TableException(
                    table,
                    valueColumn,
                    String.format(
                            Locale.ROOT,
                            "%d of %d rows have no features (null; e.g. id %s)",
                            counts.getLong(3),
                            rows,
                            examples(typed.filter(col("raw_features").isNull()), GraphTables.ID)));
        }
        if (counts.getLong(4) > 0) {
            Row bad = typed.filter(unreadable(GraphTables.FEATURES)).head();
            throw new TableException(
                    table,
                    valueColumn,
                    String.format(
                            Locale.ROOT,
                            "%d of %d rows have features that cannot be read as numbers (e.g. id %s: '%s')",
                            counts.getLong(4),
                            rows,
                            bad.get(bad.fieldIndex(GraphTables.ID)),
                            bad.get(bad.fieldIndex("raw_features"))));
        }
        if (counts.getLong(5) > 0) {
            Row bad = typed.filter(expr("exists(features, x -> x is null)")).head();
            List<Object> values = bad.getList(bad.fieldIndex(GraphTables.FEATURES));
            int at = values.indexOf(null);
            String where = valueColumn.contains("..") ? "column f" + at : "value " + at;
            throw new TableException(
                    table,
                    valueColumn,
                    String.format(
                            Locale.ROOT,
                            "%d of %d rows have a missing or non-numeric feature value (e.g. id %s, %s)",
                            counts.getLong(5),
                            rows,
                            bad.get(bad.fieldIndex(GraphTables.ID)),
                            where));
        }
        if (counts.getLong(9) > 0) {
            // Sparse: only the values can be NaN (the zeros filled in are finite).
            checkFinite(typed, table, valueColumn.startsWith(INDICES) ? VALUES : valueColumn, rows, counts.getLong(9));
        }
        Dataset<Row> features = typed.select(GraphTables.ID, GraphTables.FEATURES);
        if (counts.getInt(6) != counts.getInt(7)) {
            checkWidths(features, table, valueColumn, rows);
        }
        if (counts.getInt(6) < 1) {
            throw new TableException(table, valueColumn, rows + " rows have no feature values (width 0)");
        }
        if (counts.getLong(8) != rows) {
            checkUnique(features, table, rows);
        }
        Dataset<Row> persisted = features.persist(StorageLevel.MEMORY_AND_DISK());
        LOG.info("Node features '{}': {} nodes", table, rows);
        return persisted;
    }

    /** Fails with the count of rows holding NaN or ±Infinity, the first ids, and where the first one has it. */
    private static void checkFinite(Dataset<Row> typed, String table, String valueColumn, long rows, long bad) {
        Dataset<Row> offending = typed.filter(NON_FINITE).orderBy(GraphTables.ID);
        Row first = offending.head();
        List<Object> values = first.getList(first.fieldIndex(GraphTables.FEATURES));
        int at = 0;
        while (Double.isFinite((Double) values.get(at))) {
            at++;
        }
        throw new TableException(
                table,
                valueColumn,
                String.format(
                        Locale.ROOT,
                        "%d of %d rows have a feature value that is NaN or infinite (e.g. ids %s; id %s has %s at %s);"
                                + " features must be finite numbers",
                        bad,
                        rows,
                        examples(offending, GraphTables.ID),
                        first.get(first.fieldIndex(GraphTables.ID)),
                        values.get(at),
                        (valueColumn.contains("..") ? "column f" : "value ") + at));
    }

    private static void checkWidths(Dataset<Row> features, String table, String valueColumn, long rows) {
        List<Row> widths = features.groupBy(size(col(GraphTables.FEATURES)).as("width"))
                .count()
                .orderBy(col("count").desc(), col("width"))
                .limit(11)
                .collectAsList();
        if (widths.size() > 1) {
            Map<Integer, Long> byWidth = new TreeMap<>();
            for (Row w : widths.subList(0, Math.min(10, widths.size()))) {
                byWidth.put(w.getInt(0), w.getLong(1));
            }
            throw new TableException(
                    table,
                    valueColumn,
                    String.format(
                            Locale.ROOT,
                            "feature rows differ in width (width=rows: %s%s); every node needs the same number"
                                    + " of features",
                            byWidth,
                            widths.size() > 10 ? " and more" : ""));
        }
    }

    private static void checkUnique(Dataset<Row> features, String table, long rows) {
        Dataset<Row> repeated = features.groupBy(GraphTables.ID)
                .count()
                .filter(col("count").gt(1))
                .persist();
        try {
            Row counts = repeated.agg(org.apache.spark.sql.functions.count(lit(1)), sum("count"))
                    .head();
            long ids = counts.getLong(0);
            if (ids > 0) {
                throw new TableException(
                        table,
                        GraphTables.ID,
                        String.format(
                                Locale.ROOT,
                                "%d id%s appear%s more than once (%d of %d rows; e.g. %s); each node needs"
                                        + " exactly one feature row",
                                ids,
                                ids == 1 ? "" : "s",
                                ids == 1 ? "s" : "",
                                counts.getLong(1),
                                rows,
                                examples(repeated.orderBy(GraphTables.ID), GraphTables.ID)));
            }
        } finally {
            repeated.unpersist();
        }
    }

    /** id, features (dense) from sparse columns indices/values/size, checked row by row. */
    private static Dataset<Row> sparse(Dataset<Row> raw, String table) {
        Column indices = typedArray(raw, table, INDICES, DataTypes.IntegerType);
        Column values = typedArray(raw, table, VALUES, DataTypes.DoubleType);
        Column width = integerId(raw, table, SIZE).cast(DataTypes.IntegerType);
        Dataset<Row> typed = raw.select(
                col(GraphTables.ID).as("raw_id"),
                integerId(raw, table, GraphTables.ID).as(GraphTables.ID),
                indices.as(INDICES),
                values.as(VALUES),
                width.as(SIZE));
        Row counts = typed.agg(
                        countIf(col(INDICES)
                                .isNull()
                                .or(col(VALUES).isNull())
                                .or(col(SIZE).isNull())),
                        countIf(size(col(INDICES)).notEqual(size(col(VALUES)))),
                        countIf(expr("exists(indices, i -> i is null or i < 0 or i >= size)")),
                        countIf(size(expr("array_distinct(indices)")).notEqual(size(col(INDICES)))),
                        countIf(col(SIZE).lt(1)),
                        countIf(expr("exists(values, v -> v is null)")))
                .head();
        String[] problems = {
            "have a null or unreadable indices, values or size",
            "have indices and values of different lengths",
            "have an index outside [0, size)",
            "repeat an index",
            "have a size below 1",
            // else densifying would read the null as 0
            "have a null or non-numeric value"
        };
        Column[] filters = {
            col(INDICES).isNull().or(col(VALUES).isNull()).or(col(SIZE).isNull()),
            size(col(INDICES)).notEqual(size(col(VALUES))),
            expr("exists(indices, i -> i is null or i < 0 or i >= size)"),
            size(expr("array_distinct(indices)")).notEqual(size(col(INDICES))),
            col(SIZE).lt(1),
            expr("exists(values, v -> v is null)")
        };
        for (int p = 0; p < problems.length; p++) {
            if (counts.getLong(p) > 0) {
                throw new TableException(
                        table,
                        INDICES + ", " + VALUES + ", " + SIZE,
                        String.format(
                                Locale.ROOT,
                                "%d rows %s (e.g. id %s)",
                                counts.getLong(p),
                                problems[p],
                                examples(typed.filter(filters[p]), "raw_id")));
            }
        }
        return typed.withColumn("raw_features", lit(1))
                .withColumn("m", expr("map_from_arrays(indices, values)"))
                .withColumn(
                        GraphTables.FEATURES,
                        expr("transform(sequence(0, size - 1), i -> coalesce(try_element_at(m, i), 0D))"))
                .select("raw_id", GraphTables.ID, "raw_features", GraphTables.FEATURES);
    }

    /** The f0..fk columns, in order; fails unless they are contiguous from f0. */
    private static List<String> featureColumns(Dataset<Row> raw, String table) {
        TreeMap<Integer, String> numbered = new TreeMap<>();
        for (String c : raw.columns()) {
            Matcher m = FEATURE_COLUMN.matcher(c);
            if (m.matches() && m.group(1).length() < 9) {
                numbered.put(Integer.parseInt(m.group(1)), c);
            }
        }
        if (numbered.isEmpty()) {
            throw new TableException(
                    table,
                    null,
                    "has no feature columns: expected 'features' (array of numbers, or numbers separated by"
                            + " spaces or semicolons), or 'indices' + 'values' + 'size', or 'f0'..'fk'; present: "
                            + Arrays.toString(raw.columns()));
        }
        List<String> ordered = new ArrayList<>(numbered.values());
        if (numbered.lastKey() != numbered.size() - 1) {
            int gap = 0;
            while (numbered.containsKey(gap)) {
                gap++;
            }
            throw new TableException(
                    table,
                    "f" + gap,
                    String.format(
                            Locale.ROOT,
                            "missing: feature columns must be f0..fk without gaps (found %d columns up to f%d)",
                            numbered.size(),
                            numbered.lastKey()));
        }
        return ordered;
    }

    /** The features column as array<double>: arrays of numbers cast, text split on spaces/semicolons. */
    private static Column denseArray(Dataset<Row> raw, String table) {
        DataType type = type(raw, GraphTables.FEATURES);
        String quoted = quote(GraphTables.FEATURES);
        if (type instanceof ArrayType array
                && (array.elementType() instanceof NumericType || array.elementType() == DataTypes.StringType)) {
            return array.elementType() == DataTypes.StringType
                    ? expr("transform(" + quoted + ", x -> try_cast(trim(x) as double))")
                    : col(GraphTables.FEATURES).cast(DataTypes.createArrayType(DataTypes.DoubleType));
        }
        if (type == DataTypes.StringType) {
            return expr("transform(split(trim(" + quoted + "), '[\\\\s;]+'), x -> try_cast(x as double))");
        }
        throw new TableException(
                table,
                GraphTables.FEATURES,
                "has type " + type.simpleString()
                        + "; expected an array of numbers or text of numbers separated by spaces or semicolons"
                        + " (convert a Spark ML vector with vector_to_array)");
    }

    /** An array column with its elements converted to {@code element} (text elements parsed), or failing. */
    private static Column typedArray(Dataset<Row> raw, String table, String name, DataType element) {
        DataType type = type(raw, name);
        String target = element == DataTypes.IntegerType ? "int" : "double";
        if (type instanceof ArrayType array && array.elementType() instanceof NumericType) {
            return element == DataTypes.IntegerType
                    ? expr("transform(" + quote(name) + ", x -> if(x = floor(x), try_cast(x as int), null))")
                    : col(name).cast(DataTypes.createArrayType(element));
        }
        if (type == DataTypes.StringType) {
            return expr("transform(split(trim(" + quote(name) + "), '[\\\\s;]+'), x -> try_cast(x as " + target + "))");
        }
        throw new TableException(
                table, name, "has type " + type.simpleString() + "; expected an array of numbers (or numbers in text)");
    }

    /** A column of integer ids as long: null where the value is not a whole number. */
    private static Column integerId(Dataset<Row> raw, String table, String name) {
        DataType type = type(raw, name);
        String q = quote(name);
        if (type == DataTypes.LongType
                || type == DataTypes.IntegerType
                || type == DataTypes.ShortType
                || type == DataTypes.ByteType) {
            return col(name).cast(DataTypes.LongType);
        }
        if (type == DataTypes.StringType) {
            return expr("try_cast(trim(" + q + ") as bigint)");
        }
        if (type == DataTypes.DoubleType || type == DataTypes.FloatType || type instanceof DecimalType) {
            return expr("if(" + q + " = floor(" + q + "), try_cast(" + q + " as bigint), null)");
        }
        throw new TableException(table, name, "has type " + type.simpleString() + "; ids must be integers (long)");
    }

    /** A column of numbers as double: null where the value is not a number; NaN and ±Infinity kept. */
    private static Column numeric(Dataset<Row> raw, String table, String name) {
        DataType type = type(raw, name);
        if (type instanceof NumericType) {
            return col(name).cast(DataTypes.DoubleType);
        }
        if (type == DataTypes.StringType) {
            return expr("try_cast(trim(" + quote(name) + ") as double)");
        }
        throw new TableException(table, name, "has type " + type.simpleString() + "; expected numbers");
    }

    /** A column of numbers as double: null where the value is not a finite number. */
    private static Column number(Dataset<Row> raw, String table, String name) {
        Column value = numeric(raw, table, name);
        return when(
                        value.isNaN()
                                .or(value.equalTo(Double.POSITIVE_INFINITY))
                                .or(value.equalTo(Double.NEGATIVE_INFINITY)),
                        lit(null).cast(DataTypes.DoubleType))
                .otherwise(value);
    }

    private static void checkIds(Dataset<Row> typed, String table, String name, long rows, long nulls, long bad) {
        if (nulls > 0) {
            throw new TableException(
                    table, name, String.format(Locale.ROOT, "%d of %d rows have a null id", nulls, rows));
        }
        if (bad > 0) {
            throw new TableException(
                    table,
                    name,
                    String.format(
                            Locale.ROOT,
                            "%d of %d rows are not integer ids (e.g. '%s'); node ids must be whole numbers (long)",
                            bad,
                            rows,
                            examples(typed.filter(unreadable(name)), "raw_" + name)));
        }
    }

    /** Fails naming the missing columns and listing the present ones. */
    static void requireColumns(Dataset<Row> table, String name, String... required) {
        List<String> present = Arrays.asList(table.columns());
        List<String> missing = new ArrayList<>();
        for (String r : required) {
            if (!present.contains(r)) {
                missing.add(r);
            }
        }
        if (!missing.isEmpty()) {
            throw new TableException(
                    name,
                    String.join(", ", missing),
                    String.format(
                            Locale.ROOT,
                            "missing (required: %s); present columns: %s",
                            String.join(", ", required),
                            present));
        }
    }

    /** Up to three values of {@code column}, comma-separated. */
    private static String examples(Dataset<Row> rows, String column) {
        List<String> values = new ArrayList<>();
        for (Row r : rows.select(column).limit(EXAMPLES).collectAsList()) {
            values.add(String.valueOf(r.get(0)));
        }
        return String.join(", ", values);
    }

    /** Rows whose raw value (column raw_NAME) is present but did not convert (column NAME is null). */
    private static Column unreadable(String name) {
        return col("raw_" + name).isNotNull().and(col(name).isNull());
    }

    private static Column countIf(Column condition) {
        return org.apache.spark.sql.functions.coalesce(sum(when(condition, 1L).otherwise(0L)), lit(0L));
    }

    private static DataType type(Dataset<Row> raw, String name) {
        for (StructField f : raw.schema().fields()) {
            if (f.name().equals(name)) {
                return f.dataType();
            }
        }
        throw new IllegalStateException("no column " + name);
    }

    private static String quote(String name) {
        return "`" + name.replace("`", "``") + "`";
    }
}
