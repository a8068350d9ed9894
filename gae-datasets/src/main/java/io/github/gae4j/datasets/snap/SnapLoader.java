// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.datasets.snap;

import io.github.gae4j.core.error.DatasetFormatException;
import io.github.gae4j.core.graph.Graph;
import io.github.gae4j.core.spi.DatasetLoader;
import io.github.gae4j.datasets.io.IntList;
import io.github.gae4j.datasets.io.LineReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a SNAP-style edge list: one edge per line, {@code <from> <to>} or {@code <from> <to> <weight>},
 * possibly gzipped (by name or by the gzip magic).
 *
 * <ul>
 *   <li>Lines starting with the comment prefix ({@code #} by default, after optional whitespace) and blank lines
 *   are skipped; with {@code header}, so is the first other line. Line numbers in errors count every physical
 *   line, from 1.</li>
 *   <li>Fields are separated by whitespace, TAB or comma ({@link Separator}); CRLF line ends and trailing
 *   whitespace are accepted. Every edge line must have the column count of the first one: 2, or 3 with a weight.</li>
 *   <li>Node ids ({@link IdMode}): integer ids are numbered in ascending numeric order (SNAP ids are large and
 *   not contiguous); string ids in order of first appearance. Either way the graph keeps the ids.</li>
 *   <li>The graph is undirected: edges are symmetrised, self-loops dropped, duplicates and reversed lines merged,
 *   each counted. With {@code directed} the input is read as directed and the report counts reciprocal pairs,
 *   but the graph is still stored undirected, as GAE needs.</li>
 *   <li>A third column must be a finite number; it is ignored (a {@link Graph} has no edge weights) and the
 *   report says so, or used to drop lines with weight ≤ 0 ({@link WeightPolicy#POSITIVE}).</li>
 * </ul>
 *
 * <p>One INFO line reports what was read (see {@link SnapReport#summary()}). Malformed input fails with a
 * {@link DatasetFormatException} naming the file, the line and the problem.
 */
public final class SnapLoader implements DatasetLoader {

    private static final Logger LOG = LoggerFactory.getLogger(SnapLoader.class);

    private final Path path;
    private final SnapOptions options;

    /** A loader with the {@linkplain SnapOptions#DEFAULTS defaults}. */
    public SnapLoader(Path path) {
        this(path, SnapOptions.DEFAULTS);
    }

    public SnapLoader(Path path, SnapOptions options) {
        this.path = Objects.requireNonNull(path, "path is null");
        this.options = Objects.requireNonNull(options, "options is null");
    }

    public Path path() {
        return path;
    }

    public SnapOptions options() {
        return options;
    }

    @Override
    public Graph load() {
        return read().graph();
    }

    /** Shorthand for {@code new SnapLoader(path, options).read()}. */
    public static SnapResult read(Path path, SnapOptions options) {
        return new SnapLoader(path, options).read();
    }

    /**
     * Reads the graph and reports what was read, dropped and merged; logs the report at INFO.
     *
     * @throws DatasetFormatException for a missing file or malformed input
     */
    public SnapResult read() {
        if (!Files.exists(path)) {
            throw new DatasetFormatException(
                    path, 0, "no such file; option 'path' of dataset loader 'snap' must name an edge-list file");
        }
        if (Files.isDirectory(path)) {
            throw new DatasetFormatException(
                    path, 0, "is a directory; option 'path' of dataset loader 'snap' must name an edge-list file");
        }
        Separator separator = options.separator().resolve(path.getFileName().toString());
        // Integer ids stream as bytes (no String per line or id); anything else, or a line the stream is not sure
        // of, is read again by the general parser, which names the problem's line.
        Parsed streamed = new Parsed();
        Parsed p = options.ids() != IdMode.STRING && IntEdgeStream.read(path, options, separator, streamed)
                ? streamed
                : parse(separator);
        p.integerIds += p.values != null ? p.values.length : 0;
        if (p.edgeLines == 0) {
            throw new DatasetFormatException(
                    path,
                    0,
                    String.format(
                            Locale.ROOT,
                            "empty graph: no edge lines (the file has %d comment lines%s and otherwise only blank lines)",
                            p.commentLines,
                            p.headerLine == null ? "" : " and 1 header line"));
        }

        // Number the nodes: numeric order for integer ids, first appearance for strings.
        boolean intIds = options.ids() == IdMode.INT || (options.ids() == IdMode.AUTO && p.firstNonInteger == null);
        int[] remap;
        List<String> nodeIds = null;
        long[] sortedIds = null;
        if (intIds) {
            long[] values = p.values;
            if (values == null) {
                values = new long[p.names.size()];
                for (int k = 0; k < values.length; k++) {
                    values[k] = Long.parseLong(p.names.get(k));
                }
            }
            // Distinct values in ascending order; a raw id's node is its rank (no boxing, no strings).
            long[] sorted = values.clone();
            Arrays.sort(sorted);
            int distinctIds = 0;
            for (int k = 0; k < sorted.length; k++) {
                if (k == 0 || sorted[k] != sorted[k - 1]) {
                    sorted[distinctIds++] = sorted[k];
                }
            }
            remap = new int[values.length];
            for (int k = 0; k < values.length; k++) {
                remap[k] = Arrays.binarySearch(sorted, 0, distinctIds, values[k]);
            }
            sortedIds = Arrays.copyOf(sorted, distinctIds);
        } else {
            remap = null;
            nodeIds = p.names;
        }
        int n = sortedIds != null ? sortedIds.length : nodeIds.size();

        // Count and merge.
        int lines = p.src.size();
        IntList rawSrc = p.src;
        IntList rawDst = p.dst;
        p.src = null; // the raw lists go once the keys hold the edges
        p.dst = null;
        long[] keys = new long[lines];
        int m = 0;
        long loops = 0;
        for (int k = 0; k < lines; k++) {
            int u = remap == null ? rawSrc.get(k) : remap[rawSrc.get(k)];
            int v = remap == null ? rawDst.get(k) : remap[rawDst.get(k)];
            if (u == v) {
                loops++;
                continue;
            }
            keys[m++] = (long) u << 32 | v;
        }
        Arrays.sort(keys, 0, m);
        int distinct = unique(keys, m);
        long[] undirected = new long[distinct];
        for (int k = 0; k < distinct; k++) {
            int u = (int) (keys[k] >>> 32);
            int v = (int) keys[k];
            undirected[k] = (long) Math.min(u, v) << 32 | Math.max(u, v);
        }
        Arrays.sort(undirected);
        int e = unique(undirected, distinct);
        if (e == 0) {
            throw new DatasetFormatException(
                    path,
                    0,
                    String.format(
                            Locale.ROOT,
                            "empty graph: no edges left of %d edge lines (%d self-loops%s)",
                            p.edgeLines,
                            loops,
                            p.nonPositive > 0
                                    ? String.format(Locale.ROOT, ", %d lines with weight <= 0 dropped", p.nonPositive)
                                    : ""));
        }
        int[] src = new int[e];
        int[] dst = new int[e];
        for (int k = 0; k < e; k++) {
            src[k] = (int) (undirected[k] >>> 32);
            dst[k] = (int) undirected[k];
        }
        String name = datasetName(path);
        Graph.Builder builder = Graph.builder(n).name(name).edges(src, dst);
        Graph graph = (sortedIds != null ? builder.numericNodeIds(sortedIds) : builder.nodeIds(nodeIds)).build();
        SnapReport report = new SnapReport(
                path,
                name,
                options.directed(),
                intIds ? IdMode.INT : IdMode.STRING,
                separator,
                n,
                graph.edgeCount(),
                p.edgeLines,
                p.commentLines,
                p.headerLine,
                loops,
                m - distinct,
                distinct - e,
                p.columns == 3,
                p.weighted ? p.minWeight : Double.NaN,
                p.weighted ? p.maxWeight : Double.NaN,
                options.weights(),
                p.nonPositive,
                intIds ? null : p.firstNonInteger);
        if (!intIds
                && options.ids() == IdMode.AUTO
                && !options.header()
                && p.firstNonInteger != null
                && !p.nonIntegerAfterFirstLine) {
            LOG.warn(
                    "{}:{}: only the first edge line has ids that are not integers ('{}'), so all ids are read as"
                            + " strings; if that line is a header, set option header=true",
                    path,
                    p.firstDataLine,
                    p.firstNonInteger);
        } else if (!intIds && options.ids() == IdMode.AUTO && p.integerIds > 0) {
            // One stray token must not silently turn a file of integer ids into string ids.
            LOG.warn(
                    "{}: mixed node ids: {} are integers and {} are not (first on line{} {}), so all are read as"
                            + " strings; option ids=int makes the non-integer ones errors, ids=string silences this",
                    path,
                    p.integerIds,
                    p.nonIntegerIds,
                    p.nonIntegerLines.size() > 1 ? "s" : "",
                    describe(p.nonIntegerLines, p.nonIntegerTokens));
        }
        if (intIds && p.negativeIds > 0) {
            LOG.warn(
                    "{}: {} node id{} negative (first on line{} {}); they are read as ordinary ids; option ids=int"
                            + " makes them errors",
                    path,
                    p.negativeIds,
                    p.negativeIds == 1 ? " is" : "s are",
                    p.negativeLines.size() > 1 ? "s" : "",
                    describe(p.negativeLines, p.negativeTokens));
        }
        if (LOG.isInfoEnabled()) {
            LOG.info("{}", report.summary());
        }
        return new SnapResult(graph, report);
    }

    private Parsed parse(Separator separator) {
        Parsed p = new Parsed();
        String comment = options.comment();
        try (LineReader in = switch (separator) {
            case TAB -> LineReader.open(path, '\t');
            case COMMA -> LineReader.open(path, ',');
            default -> LineReader.open(path);
        }) {
            while (in.nextNonBlank()) {
                if (!comment.isEmpty() && in.line().stripLeading().startsWith(comment)) {
                    p.commentLines++;
                    continue;
                }
                if (options.header() && p.headerLine == null) {
                    p.headerLine = in.line().strip();
                    continue;
                }
                int fields = in.fieldCount();
                if (fields < 2 || fields > 3) {
                    throw in.error(String.format(
                            Locale.ROOT,
                            "expected 2 fields (<from> <to>) or 3 (<from> <to> <weight>), found %d%s",
                            fields,
                            separator == Separator.WHITESPACE ? "" : " (separator=" + separator + ")"));
                }
                if (fields == 3 && options.weights() == WeightPolicy.NONE) {
                    throw in.error("expected 2 fields (<from> <to>), found 3; weights=none forbids a weight column"
                            + " (weights=ignore accepts and ignores it)");
                }
                if (p.columns < 0) {
                    p.columns = fields;
                    p.firstDataLine = in.lineNumber();
                } else if (fields != p.columns) {
                    throw in.error(String.format(
                            Locale.ROOT,
                            "expected %d fields like line %d (the first edge line), found %d",
                            p.columns,
                            p.firstDataLine,
                            fields));
                }
                for (int k = 0; k < fields; k++) {
                    if (in.fieldLength(k) == 0) {
                        throw in.error(String.format(Locale.ROOT, "field %d is empty", k + 1));
                    }
                }
                p.edgeLines++;
                int u = intern(p, in, 0);
                int v = intern(p, in, 1);
                if (fields == 3) {
                    double w = in.number(2);
                    if (Double.isNaN(w)) {
                        throw in.error(String.format(
                                Locale.ROOT, "weight (field 3) is not a finite number: '%s'", in.field(2)));
                    }
                    p.noteWeight(w);
                    if (options.weights() == WeightPolicy.POSITIVE && w <= 0) {
                        p.nonPositive++;
                        continue;
                    }
                }
                p.src.add(u);
                p.dst.add(v);
            }
        }
        return p;
    }

    /** The node number (in order of first appearance) of field k; checks integer ids as they first appear. */
    private int intern(Parsed p, LineReader in, int k) {
        String id = in.field(k);
        Integer known = p.index.get(id);
        if (known != null) {
            return known;
        }
        int next = p.names.size();
        p.index.put(id, next);
        p.names.add(id);
        if (options.ids() == IdMode.STRING) {
            return next;
        }
        if (!isLong(id)) {
            if (options.ids() == IdMode.INT) {
                throw in.error(String.format(
                        Locale.ROOT,
                        "node id '%s' (field %d) is not an integer; ids=int needs non-negative 64-bit integer ids"
                                + " (ids=string or ids=auto reads any id)",
                        id,
                        k + 1));
            }
            p.nonIntegerIds++;
            note(p.nonIntegerLines, p.nonIntegerTokens, in.lineNumber(), id);
            if (p.firstNonInteger == null) {
                p.firstNonInteger = id;
            }
            if (in.lineNumber() != p.firstDataLine) {
                p.nonIntegerAfterFirstLine = true;
            }
        } else {
            p.integerIds++;
            if (id.charAt(0) == '-' && !id.chars().skip(1).allMatch(c -> c == '0')) {
                if (options.ids() == IdMode.INT) {
                    throw in.error(String.format(
                            Locale.ROOT,
                            "node id '%s' (field %d) is negative; ids=int needs non-negative 64-bit integer ids"
                                    + " (ids=auto reads it with a warning)",
                            id,
                            k + 1));
                }
                p.negativeIds++;
                note(p.negativeLines, p.negativeTokens, in.lineNumber(), id);
            }
        }
        return next;
    }

    /** How many offending lines a warning lists. */
    private static final int FIRST_OFFENDERS = 5;

    private static void note(List<Long> lines, List<String> tokens, long line, String id) {
        if (lines.size() < FIRST_OFFENDERS) {
            lines.add(line);
            tokens.add(id);
        }
    }

    /** {@code 1501 ('x'), 1620 ('y')}: the first offending lines and their ids. */
    private static String describe(List<Long> lines, List<String> tokens) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < lines.size(); i++) {
            b.append(i == 0 ? "" : ", ")
                    .append(lines.get(i))
                    .append(" ('")
                    .append(tokens.get(i))
                    .append("')");
        }
        return b.toString();
    }

    private static boolean isLong(String s) {
        int n = s.length();
        if (n == 0 || n > 20) {
            return false;
        }
        int start = s.charAt(0) == '-' || s.charAt(0) == '+' ? 1 : 0;
        if (start == n) {
            return false;
        }
        for (int i = start; i < n; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        try {
            Long.parseLong(s);
            return true;
        } catch (NumberFormatException e) {
            return false; // out of range
        }
    }

    /** {@code CA-CondMat} for {@code CA-CondMat.txt.gz}. */
    static String datasetName(Path file) {
        String name = file.getFileName().toString();
        if (name.toLowerCase(Locale.ROOT).endsWith(LineReader.GZ)) {
            name = name.substring(0, name.length() - LineReader.GZ.length());
        }
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    private static int unique(long[] a, int m) {
        int out = 0;
        for (int k = 0; k < m; k++) {
            if (out == 0 || a[out - 1] != a[k]) {
                a[out++] = a[k];
            }
        }
        return out;
    }

    /** What one pass over the file found. */
    private static final class Parsed extends IntEdgeStream.Result {
        final Map<String, Integer> index = new HashMap<>();
        final List<String> names = new ArrayList<>();
        String firstNonInteger;
        boolean nonIntegerAfterFirstLine;
        // Distinct ids by kind, and the first lines where a non-integer or negative id appears.
        long integerIds;
        long nonIntegerIds;
        long negativeIds;
        final List<Long> nonIntegerLines = new ArrayList<>();
        final List<String> nonIntegerTokens = new ArrayList<>();
        final List<Long> negativeLines = new ArrayList<>();
        final List<String> negativeTokens = new ArrayList<>();
    }
}
