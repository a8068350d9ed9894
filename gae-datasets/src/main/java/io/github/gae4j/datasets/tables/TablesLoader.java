// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.datasets.tables;

import io.github.gae4j.core.error.DatasetFormatException;
import io.github.gae4j.core.graph.Features;
import io.github.gae4j.core.graph.Graph;
import io.github.gae4j.core.spi.DatasetLoader;
import io.github.gae4j.core.tensor.Matrix;
import io.github.gae4j.datasets.io.DoubleList;
import io.github.gae4j.datasets.io.LongList;
import io.github.gae4j.datasets.tables.ColumnType.Kind;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a graph from an edge table and a node-feature table (Parquet or CSV) with the rules of gae-spark's
 * {@code GraphReader}, so that {@code gae eval}, {@code gae predict} and {@code LinkPredictor} see the graph a model
 * was trained on by {@code gae-spark train}. Plain Java: no Spark, no Hadoop.
 *
 * <p><b>Edges</b>: columns {@code src} and {@code dst} (integer ids: integer types, whole-valued numbers, or text of
 * whole numbers in CSV) and an optional {@code weight} (finite positive numbers); other columns are ignored. The graph is
 * undirected: each pair once, self-loops dropped, duplicates in either direction merged (counts logged). A gae4j
 * {@link Graph} has a 0/1 adjacency, so weights are checked but not kept; a warning says so when any is not 1.
 *
 * <p><b>Node features</b>: a column {@code id} (integer ids, unique) and, tried in this order, a column
 * {@code features} (an array of numbers, or text of numbers separated by spaces or semicolons), or sparse columns
 * {@code indices} / {@code values} / {@code size} (densified), or columns {@code f0..fk}. Every row has the same
 * width; every value is a finite number; every edge endpoint has a feature row. The feature table is the node set:
 * node {@code i} is the {@code i}-th smallest id, and the graph keeps the ids
 * ({@link Graph.Builder#numericNodeIds(long[])}), so predictions name the user's ids.
 *
 * <p>A table is a file, or a folder of part files as Spark writes it ({@link TableParts}). CSV needs a header line
 * ({@link CsvRows}); Parquet is read by {@link ParquetRows}. Every problem is a {@link DatasetFormatException} naming
 * the file, the line (CSV) or row (Parquet), the column and how many rows have it.
 */
public final class TablesLoader implements DatasetLoader {

    private static final Logger LOG = LoggerFactory.getLogger(TablesLoader.class);

    static final String SRC = "src";
    static final String DST = "dst";
    static final String WEIGHT = "weight";
    static final String ID = "id";
    static final String FEATURES = "features";
    static final String INDICES = "indices";
    static final String VALUES = "values";
    static final String SIZE = "size";
    private static final Pattern FEATURE_COLUMN = Pattern.compile("f(\\d+)");
    private static final int EXAMPLES = 3;
    private static final int PART_BITS = 40;

    private final Path edges;
    private final Path features;
    private final TableFormat format;

    /**
     * @param format the format of both tables, or null to choose each by its name ({@link TableFormat#of})
     */
    public TablesLoader(Path edges, Path features, TableFormat format) {
        this.edges = Objects.requireNonNull(edges, "edges is null");
        this.features = Objects.requireNonNull(features, "features is null");
        this.format = format;
    }

    public Path edges() {
        return edges;
    }

    public Path features() {
        return features;
    }

    /** The format given, or null where each table's name decides. */
    public TableFormat format() {
        return format;
    }

    @Override
    public Graph load() {
        Nodes nodes = readNodes();
        int n = nodes.ids.length;
        int[][] pairs = readEdges(nodes.ids);
        Graph.Builder builder = Graph.builder(n)
                .name(datasetName(edges))
                .edges(pairs[0], pairs[1])
                .features(Features.dense(Matrix.wrapRowMajor(n, nodes.width, nodes.values)))
                .numericNodeIds(nodes.ids);
        return builder.build();
    }

    private TableFormat formatOf(Path table) {
        return format != null ? format : TableFormat.of(table.toString());
    }

    private static TableRows open(Path part, TableFormat f) {
        return f == TableFormat.CSV ? CsvRows.open(part) : ParquetRows.open(part);
    }

    // ---------------------------------------------------------------- node features

    /** The nodes in ascending id order and their features, row-major. */
    private record Nodes(long[] ids, int width, double[] values) {}

    private Nodes readNodes() {
        TableFormat f = formatOf(features);
        List<Path> parts = TableParts.of(features, FEATURES);
        Problems problems = new Problems();
        FeatureForm.Checks checks = new FeatureForm.Checks(problems);
        LongList ids = new LongList(1024);
        LongList origins = new LongList(1024);
        DoubleList values = new DoubleList(1024);
        Map<Integer, Long> widths = new TreeMap<>();
        int width = -1;
        String firstWidthAt = null;
        String widthColumn = null;
        String otherWidth = null; // the first row whose width differs from the first row's
        Path widthFile = null;
        long widthLine = 0;
        long rows = 0;
        for (int part = 0; part < parts.size(); part++) {
            try (TableRows table = open(parts.get(part), f)) {
                FeatureForm form = FeatureForm.of(table);
                while (table.next()) {
                    rows++;
                    Object raw = table.get(form.id());
                    Long id = raw == null ? null : Values.integer(raw);
                    if (raw == null) {
                        problems.note(checks.nullId, table, ID, null);
                    } else if (id == null) {
                        problems.note(checks.badId, table, ID, "'" + raw + "'");
                    }
                    double[] x = form.vector(table, checks);
                    if (id == null || x == null) {
                        continue;
                    }
                    widths.merge(x.length, 1L, Long::sum);
                    if (width < 0) {
                        width = x.length;
                        firstWidthAt = table.where() + " of " + table.file();
                    } else if (x.length != width && otherWidth == null) {
                        widthColumn = form.valueColumns();
                        widthFile = table.file();
                        widthLine = table.line();
                        otherWidth = String.format(
                                Locale.ROOT,
                                "%s has %d values, %s has %d",
                                table.line() > 0 ? "this row" : table.where(),
                                x.length,
                                firstWidthAt,
                                width);
                    }
                    ids.add(id);
                    origins.add((long) part << PART_BITS | (table.line() > 0 ? table.line() : table.row()));
                    for (double v : x) {
                        values.add(v);
                    }
                }
            }
        }
        problems.throwFirst(rows);
        if (otherWidth != null) {
            throw new DatasetFormatException(
                    widthFile,
                    widthLine,
                    String.format(
                            Locale.ROOT,
                            "column '%s': feature rows differ in width (width=rows: %s); every node needs the same"
                                    + " number of features: %s",
                            widthColumn,
                            widths,
                            otherWidth));
        }
        if (rows == 0) {
            throw new DatasetFormatException(
                    features, 0, "has no rows: the features table lists every node of the graph");
        }
        if (width == 0) {
            throw new DatasetFormatException(features, 0, rows + " rows have no feature values (width 0)");
        }
        long[] sorted = ids.toArray();
        Arrays.sort(sorted);
        checkUnique(sorted, ids, origins, parts, f, rows);
        double[] x = new double[Math.multiplyExact(sorted.length, width)];
        for (int r = 0; r < ids.size(); r++) {
            int at = Arrays.binarySearch(sorted, ids.get(r));
            for (int j = 0; j < width; j++) {
                x[at * width + j] = values.get(r * width + j);
            }
        }
        LOG.info("Node features '{}': {} nodes", features, rows);
        return new Nodes(sorted, width, x);
    }

    private void checkUnique(
            long[] sorted, LongList ids, LongList origins, List<Path> parts, TableFormat f, long rows) {
        long repeatedIds = 0;
        long repeatedRows = 0;
        List<Long> examples = new ArrayList<>();
        for (int k = 1; k < sorted.length; k++) {
            if (sorted[k] == sorted[k - 1]) {
                boolean first = k == 1 || sorted[k - 2] != sorted[k];
                repeatedRows += first ? 2 : 1;
                if (first) {
                    repeatedIds++;
                    if (examples.size() < EXAMPLES) {
                        examples.add(sorted[k]);
                    }
                }
            }
        }
        if (repeatedIds == 0) {
            return;
        }
        long example = examples.get(0);
        List<String> where = new ArrayList<>();
        Path file = features;
        long line = 0;
        for (int r = 0; r < ids.size() && where.size() < 2; r++) {
            if (ids.get(r) == example) {
                long origin = origins.get(r);
                Path part = parts.get((int) (origin >>> PART_BITS));
                long at = origin & ((1L << PART_BITS) - 1);
                where.add((f == TableFormat.CSV ? "line " : "row ") + at + " of " + part.getFileName());
                file = part;
                line = f == TableFormat.CSV ? at : 0;
            }
        }
        throw new DatasetFormatException(
                file,
                line,
                String.format(
                        Locale.ROOT,
                        "column 'id': %d id%s appear%s more than once (%d of %d rows; e.g. %s); each node needs"
                                + " exactly one feature row: id %d is on %s",
                        repeatedIds,
                        repeatedIds == 1 ? "" : "s",
                        repeatedIds == 1 ? "s" : "",
                        repeatedRows,
                        rows,
                        join(examples),
                        example,
                        String.join(" and ", where)));
    }

    // ---------------------------------------------------------------- edges

    /** The canonical edges as node indices: {src, dst} with src < dst, each pair once. */
    private int[][] readEdges(long[] nodeIds) {
        TableFormat f = formatOf(edges);
        List<Path> parts = TableParts.of(edges, "edges");
        Problems problems = new Problems();
        Problems.Kind nullSrc = problems.kind("have a null id");
        Problems.Kind badSrc = problems.kind("are not integer ids; node ids must be whole numbers (long)");
        Problems.Kind nullDst = problems.kind("have a null id");
        Problems.Kind badDst = problems.kind("are not integer ids; node ids must be whole numbers (long)");
        Problems.Kind nullWeight = problems.kind("have a null weight");
        Problems.Kind badWeight = problems.kind("have a weight that is not a finite number");
        Problems.Kind nonPositiveWeight =
                problems.kind("have a weight <= 0; weights must be positive (gae-spark puts them in the degrees)");
        LongList src = new LongList(1024);
        LongList dst = new LongList(1024);
        long rows = 0;
        long otherWeights = 0;
        double minWeight = Double.POSITIVE_INFINITY;
        double maxWeight = Double.NEGATIVE_INFINITY;
        boolean weighted = false;
        for (Path part : parts) {
            try (TableRows table = open(part, f)) {
                requireColumns(table, SRC, DST);
                int s = integerColumn(table, SRC);
                int d = integerColumn(table, DST);
                int w = table.columns().indexOf(WEIGHT);
                if (w >= 0) {
                    weighted = true;
                    numberColumn(table, w);
                }
                while (table.next()) {
                    rows++;
                    Long u = id(table, s, SRC, problems, nullSrc, badSrc);
                    Long v = id(table, d, DST, problems, nullDst, badDst);
                    if (w >= 0) {
                        Object raw = table.get(w);
                        Double weight = raw == null ? null : Values.finite(raw);
                        if (raw == null) {
                            problems.note(nullWeight, table, WEIGHT, null);
                        } else if (weight == null) {
                            problems.note(badWeight, table, WEIGHT, "'" + raw + "'");
                        } else if (weight <= 0) {
                            problems.note(nonPositiveWeight, table, WEIGHT, "'" + raw + "'");
                        } else if (weight != 1.0) {
                            otherWeights++;
                            minWeight = Math.min(minWeight, weight);
                            maxWeight = Math.max(maxWeight, weight);
                        }
                    }
                    if (u != null && v != null) {
                        src.add(u);
                        dst.add(v);
                    }
                }
            }
        }
        problems.throwFirst(rows);
        int m = src.size();
        long[] keys = new long[m];
        int kept = 0;
        long selfLoops = 0;
        LongList missing = new LongList(16);
        for (int k = 0; k < m; k++) {
            int i = Arrays.binarySearch(nodeIds, src.get(k));
            int j = Arrays.binarySearch(nodeIds, dst.get(k));
            if (i < 0) {
                missing.add(src.get(k));
            }
            if (j < 0) {
                missing.add(dst.get(k));
            }
            if (i < 0 || j < 0) {
                continue;
            }
            if (i == j) {
                selfLoops++;
                continue;
            }
            keys[kept++] = (long) Math.min(i, j) << 32 | Math.max(i, j);
        }
        if (missing.size() > 0) {
            throw missingNodes(missing.toArray(), parts, f);
        }
        Arrays.sort(keys, 0, kept);
        int e = 0;
        for (int k = 0; k < kept; k++) {
            if (e == 0 || keys[e - 1] != keys[k]) {
                keys[e++] = keys[k];
            }
        }
        int[] a = new int[e];
        int[] b = new int[e];
        for (int k = 0; k < e; k++) {
            a[k] = (int) (keys[k] >>> 32);
            b[k] = (int) keys[k];
        }
        LOG.info(
                "Edges '{}': {} rows; dropped {} self-loops, merged {} duplicate or reversed rows (largest weight"
                        + " kept){}; {} undirected edges",
                edges,
                rows,
                selfLoops,
                rows - selfLoops - e,
                weighted ? "" : ", no weight column (weight 1.0)",
                e);
        if (otherWeights > 0) {
            LOG.warn(
                    "Edges '{}': {} rows have a weight other than 1 (from {} to {}); a gae4j graph has a 0/1"
                            + " adjacency, so the weights are checked but not used here (gae-spark propagates over"
                            + " them)",
                    edges,
                    otherWeights,
                    minWeight,
                    maxWeight);
        }
        return new int[][] {a, b};
    }

    /** Edge endpoints without a feature row: count, examples, and where the smallest first appears. */
    private DatasetFormatException missingNodes(long[] missing, List<Path> parts, TableFormat f) {
        Arrays.sort(missing);
        List<Long> distinct = new ArrayList<>();
        long count = 0;
        for (int k = 0; k < missing.length; k++) {
            if (k == 0 || missing[k] != missing[k - 1]) {
                count++;
                if (distinct.size() < EXAMPLES) {
                    distinct.add(missing[k]);
                }
            }
        }
        String problem = String.format(
                Locale.ROOT,
                "columns 'src, dst': %d node id%s %s no row in the features table '%s' (e.g. %s); every node needs"
                        + " features",
                count,
                count == 1 ? "" : "s",
                count == 1 ? "has" : "have",
                features,
                join(distinct));
        long first = distinct.get(0);
        for (Path part : parts) {
            try (TableRows table = open(part, f)) {
                int s = table.columns().indexOf(SRC);
                int d = table.columns().indexOf(DST);
                while (table.next()) {
                    if (Objects.equals(Values.integer(table.get(s)), first)
                            || Objects.equals(Values.integer(table.get(d)), first)) {
                        return table.error(problem + "; id " + first + " is in this row");
                    }
                }
            }
        }
        return new DatasetFormatException(edges, 0, problem);
    }

    private static Long id(
            TableRows table, int column, String name, Problems problems, Problems.Kind nulls, Problems.Kind bad) {
        Object raw = table.get(column);
        if (raw == null) {
            problems.note(nulls, table, name, null);
            return null;
        }
        Long id = Values.integer(raw);
        if (id == null) {
            problems.note(bad, table, name, "'" + raw + "'");
        }
        return id;
    }

    // ---------------------------------------------------------------- column checks, shared with FeatureForm

    /** Fails naming the file, the missing columns and the present ones. */
    static void requireColumns(TableRows table, String... required) {
        List<String> missing = new ArrayList<>();
        for (String r : required) {
            if (!table.columns().contains(r)) {
                missing.add(r);
            }
        }
        if (!missing.isEmpty()) {
            throw new DatasetFormatException(
                    table.file(),
                    0,
                    String.format(
                            Locale.ROOT,
                            "column%s %s missing (required: %s); present columns: %s",
                            missing.size() == 1 ? "" : "s",
                            String.join(", ", missing),
                            String.join(", ", required),
                            table.columns()));
        }
    }

    /** The index of an id column, failing unless its type can hold integer ids. */
    static int integerColumn(TableRows table, String name) {
        int k = table.columns().indexOf(name);
        Kind kind = table.type(k).kind();
        if (!kind.isNumberOrText()) {
            throw typeError(table, k, "ids must be integers (long)");
        }
        return k;
    }

    /** Fails unless column {@code k} holds numbers (or text of them). */
    static void numberColumn(TableRows table, int k) {
        if (!table.type(k).kind().isNumberOrText()) {
            throw typeError(table, k, "expected numbers");
        }
    }

    static DatasetFormatException typeError(TableRows table, int k, String expected) {
        return new DatasetFormatException(
                table.file(),
                0,
                String.format(
                        Locale.ROOT,
                        "column '%s' has type %s; %s",
                        table.columns().get(k),
                        table.type(k).name(),
                        expected));
    }

    /** The f0..fk columns in order, or null when there are none; fails for a gap. */
    static int[] featureColumns(TableRows table) {
        TreeMap<Integer, Integer> numbered = new TreeMap<>();
        for (int k = 0; k < table.columns().size(); k++) {
            Matcher m = FEATURE_COLUMN.matcher(table.columns().get(k));
            if (m.matches() && m.group(1).length() < 9) {
                numbered.put(Integer.parseInt(m.group(1)), k);
            }
        }
        if (numbered.isEmpty()) {
            return null;
        }
        if (numbered.lastKey() != numbered.size() - 1) {
            int gap = 0;
            while (numbered.containsKey(gap)) {
                gap++;
            }
            throw new DatasetFormatException(
                    table.file(),
                    0,
                    String.format(
                            Locale.ROOT,
                            "column 'f%d' missing: feature columns must be f0..fk without gaps (found %d columns up"
                                    + " to f%d)",
                            gap,
                            numbered.size(),
                            numbered.lastKey()));
        }
        int[] columns = new int[numbered.size()];
        int j = 0;
        for (int k : numbered.values()) {
            columns[j++] = k;
        }
        return columns;
    }

    private static String join(List<Long> values) {
        List<String> s = new ArrayList<>();
        for (Long v : values) {
            s.add(String.valueOf(v));
        }
        return String.join(", ", s);
    }

    /** {@code edges} for {@code edges.parquet}, {@code edges.csv.gz} or a folder {@code edges.csv}. */
    static String datasetName(Path table) {
        Path name = table.toAbsolutePath().normalize().getFileName();
        String s = name == null ? "graph" : name.toString();
        String lower = s.toLowerCase(Locale.ROOT);
        for (String suffix : new String[] {".parquet", ".csv"}) {
            int at = lower.lastIndexOf(suffix);
            if (at > 0) {
                return s.substring(0, at);
            }
        }
        return s;
    }
}
