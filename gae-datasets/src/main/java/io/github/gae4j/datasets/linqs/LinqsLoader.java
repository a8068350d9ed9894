// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.datasets.linqs;

import io.github.gae4j.core.error.DatasetFormatException;
import io.github.gae4j.core.graph.Features;
import io.github.gae4j.core.graph.Graph;
import io.github.gae4j.core.spi.DatasetLoader;
import io.github.gae4j.core.tensor.SparseMatrix;
import io.github.gae4j.datasets.io.DoubleList;
import io.github.gae4j.datasets.io.IntList;
import io.github.gae4j.datasets.io.LineReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a LINQS dataset: {@code <name>.content} (one node per line: {@code <id> <f_1> … <f_d> <label>})
 * and {@code <name>.cites} (one citation per line: {@code <cited> <citing>}), either possibly gzipped.
 *
 * <ul>
 *   <li>Fields are separated by runs of whitespace; blank lines are ignored; line numbers in errors
 *   count every physical line, from 1.</li>
 *   <li>Node ids are strings (never parsed); node order is {@code .content} order. Under
 *   {@link DanglingPolicy#ADD}, ids only {@code .cites} names are appended in order of first appearance.</li>
 *   <li>Features are any finite decimal numbers (0/1 in practice), kept as sparse CSR; with no feature
 *   columns the graph has no features (X = I).</li>
 *   <li>The last field is the label; classes are numbered in order of first appearance; {@code -}
 *   means no label ({@link Graph#NO_LABEL}).</li>
 *   <li>Citations are symmetrised; self-loops are dropped, duplicate and reciprocal lines merged.
 *   A line naming an unknown id is dangling and handled by the {@link DanglingPolicy} before the
 *   self-loop check.</li>
 *   <li>{@linkplain #withDirected(boolean) Directed}: each citation is kept as the edge
 *   citing → cited (the direction Salha et al. 2019 use; {@code <cited> <citing>} lines are read
 *   reversed), a reciprocal line being an edge of its own; self-loops and duplicate lines are still
 *   dropped. The graph is {@linkplain Graph#isDirected() directed}.</li>
 * </ul>
 *
 * <p>One INFO line reports what was read and every skipped or merged line with its reason (see
 * {@link LinqsReport#summary()}). Malformed input fails with a {@link DatasetFormatException} naming
 * the file, the line and the problem.
 */
public final class LinqsLoader implements DatasetLoader {

    private static final Logger LOG = LoggerFactory.getLogger(LinqsLoader.class);

    /** The label that means "no label" (Planetoid's padding nodes). */
    public static final String NO_LABEL_MARK = "-";

    private final Path path;
    private final DanglingPolicy dangling;
    private final Path cites;
    private final boolean directed;

    /**
     * @param path     a directory with exactly one {@code <name>.content(.gz)} and its {@code <name>.cites(.gz)},
     *                 or the {@code .content(.gz)} file itself
     * @param dangling what to do with citations of ids missing from {@code .content}
     */
    public LinqsLoader(Path path, DanglingPolicy dangling) {
        this(path, dangling, null, false);
    }

    private LinqsLoader(Path path, DanglingPolicy dangling, Path cites, boolean directed) {
        this.path = Objects.requireNonNull(path, "path is null");
        this.dangling = Objects.requireNonNull(dangling, "dangling is null");
        this.cites = cites;
        this.directed = directed;
    }

    /** A loader that drops dangling citations (the LINQS view). */
    public LinqsLoader(Path path) {
        this(path, DanglingPolicy.DROP);
    }

    public Path path() {
        return path;
    }

    public DanglingPolicy dangling() {
        return dangling;
    }

    /** The explicit citations file, if one was set with {@link #withCites(Path)}. */
    public Optional<Path> cites() {
        return Optional.ofNullable(cites);
    }

    /**
     * The same loader reading citations from {@code citesFile} instead of the {@code <name>.cites}
     * next to the {@code .content} file (e.g. Planetoid's {@code pubmed_nofeatures.content} with
     * {@code pubmed.cites}).
     */
    public LinqsLoader withCites(Path citesFile) {
        return new LinqsLoader(path, dangling, Objects.requireNonNull(citesFile, "citesFile is null"), directed);
    }

    /**
     * The same loader reading a directed graph (each citation an edge citing → cited) when
     * {@code value} is true, the undirected one (the default) when false.
     */
    public LinqsLoader withDirected(boolean value) {
        return new LinqsLoader(path, dangling, cites, value);
    }

    /** Whether this loader reads a directed graph (see {@link #withDirected(boolean)}). */
    public boolean directed() {
        return directed;
    }

    /** Reads the graph (see {@link #read()} for the counts as well). */
    @Override
    public Graph load() {
        return read().graph();
    }

    /**
     * Reads the graph and reports what was read, dropped and merged; logs the report at INFO.
     *
     * @throws DatasetFormatException for missing files or malformed input
     */
    public LinqsResult read() {
        LinqsFiles files = LinqsFiles.resolve(path, cites);
        Content content = readContent(files.content());
        Cites citations = readCites(files.cites(), content);
        int n = content.ids.size();
        Graph.Builder builder = Graph.builder(n)
                .name(files.name())
                .directed(directed)
                .edges(citations.src.toArray(), citations.dst.toArray())
                .labels(content.labels.toArray(), List.copyOf(content.classes.keySet()))
                .nodeIds(content.ids);
        if (content.dim > 0) {
            SparseMatrix x = SparseMatrix.ofCsr(
                    n, content.dim, content.rowPtr.toArray(), content.cols.toArray(), content.values.toArray());
            builder.features(Features.sparse(x));
        }
        Graph graph = builder.build();
        LinqsReport report = new LinqsReport(
                files.name(),
                files.content(),
                files.cites(),
                dangling,
                n,
                graph.edgeCount(),
                content.dim,
                content.values.size(),
                content.classes.size(),
                content.unlabelled,
                citations.lines,
                citations.selfLoops,
                citations.duplicates,
                citations.reciprocal,
                citations.danglingLines,
                new ArrayList<>(citations.danglingIds),
                directed);
        if (LOG.isInfoEnabled()) {
            LOG.info("{}", report.summary());
        }
        return new LinqsResult(graph, report);
    }

    /** Reads with the given policy; shorthand for {@code new LinqsLoader(path, dangling).read()}. */
    public static LinqsResult read(Path path, DanglingPolicy dangling) {
        return new LinqsLoader(path, dangling).read();
    }

    private static Content readContent(Path file) {
        Content c = new Content();
        try (LineReader in = LineReader.open(file)) {
            while (in.nextNonBlank()) {
                int fields = in.fieldCount();
                if (c.fields < 0) {
                    if (fields < 2) {
                        throw in.error(String.format(
                                Locale.ROOT,
                                "expected at least 2 fields (<id> <feature>... <label>), found %d",
                                fields));
                    }
                    c.fields = fields;
                    c.dim = fields - 2;
                } else if (fields != c.fields) {
                    throw in.error(String.format(
                            Locale.ROOT,
                            "expected %d fields, found %d (line %d has <id>, %d features, <label>)",
                            c.fields,
                            fields,
                            c.firstLine.get(0),
                            c.dim));
                }
                String id = in.field(0);
                Integer previous = c.index.putIfAbsent(id, c.ids.size());
                if (previous != null) {
                    throw in.error(String.format(
                            Locale.ROOT, "duplicate node id '%s' (first on line %d)", id, c.firstLine.get(previous)));
                }
                c.ids.add(id);
                c.firstLine.add(lineInt(in.lineNumber()));
                for (int k = 1; k <= c.dim; k++) {
                    double v = in.number(k);
                    if (Double.isNaN(v)) {
                        throw in.error(String.format(
                                Locale.ROOT,
                                "feature %d (field %d) of node '%s' is not a finite number: '%s'",
                                k,
                                k + 1,
                                id,
                                in.field(k)));
                    }
                    if (v != 0.0) {
                        c.cols.add(k - 1);
                        c.values.add(v);
                    }
                }
                c.rowPtr.add(c.values.size());
                if (in.fieldIs(fields - 1, NO_LABEL_MARK.charAt(0))) {
                    c.labels.add(Graph.NO_LABEL);
                    c.unlabelled++;
                } else {
                    String label = in.field(fields - 1);
                    Integer cls = c.classes.putIfAbsent(label, c.classes.size());
                    c.labels.add(cls == null ? c.classes.size() - 1 : cls);
                }
            }
        }
        if (c.ids.isEmpty()) {
            throw new DatasetFormatException(file, 0, "no nodes: the file is empty or blank");
        }
        return c;
    }

    private Cites readCites(Path file, Content c) {
        Cites e = new Cites(c.ids.size());
        int contentNodes = c.ids.size();
        try (LineReader in = LineReader.open(file)) {
            while (in.nextNonBlank()) {
                if (in.fieldCount() != 2) {
                    throw in.error(String.format(
                            Locale.ROOT, "expected 2 fields (<cited> <citing>), found %d", in.fieldCount()));
                }
                e.lines++;
                String cited = in.field(0);
                String citing = in.field(1);
                Integer a = c.index.get(cited);
                Integer b = c.index.get(citing);
                boolean citedKnown = a != null && a < contentNodes;
                boolean citingKnown = b != null && b < contentNodes;
                if (!citedKnown || !citingKnown) {
                    e.danglingLines++;
                    if (!citedKnown) {
                        e.danglingIds.add(cited);
                    }
                    if (!citingKnown) {
                        e.danglingIds.add(citing);
                    }
                    if (dangling == DanglingPolicy.DROP) {
                        continue;
                    }
                    a = a != null ? a : c.addFeaturelessNode(cited);
                    b = c.index.get(citing);
                    b = b != null ? b : c.addFeaturelessNode(citing);
                }
                int i = a;
                int j = b;
                if (i == j) {
                    e.selfLoops++;
                    continue;
                }
                if (!e.directed.add(pair(i, j))) {
                    e.duplicates++;
                    continue;
                }
                if (directed) {
                    // <cited> <citing>: the edge is citing → cited.
                    e.src.add(j);
                    e.dst.add(i);
                    continue;
                }
                if (e.directed.contains(pair(j, i))) {
                    e.reciprocal++;
                    continue;
                }
                e.src.add(i);
                e.dst.add(j);
            }
        }
        return e;
    }

    private static long pair(int i, int j) {
        return ((long) i << 32) | (j & 0xffffffffL);
    }

    private static int lineInt(long line) {
        return line > Integer.MAX_VALUE ? Integer.MAX_VALUE : (int) line;
    }

    /** The parsed .content (growable CSR features, labels, ids). */
    private static final class Content {
        final List<String> ids = new ArrayList<>();
        final Map<String, Integer> index = new HashMap<>();
        final IntList firstLine = new IntList(1024);
        final IntList labels = new IntList(1024);
        final Map<String, Integer> classes = new LinkedHashMap<>();
        final IntList rowPtr = new IntList(1024);
        final IntList cols = new IntList(1 << 14);
        final DoubleList values = new DoubleList(1 << 14);
        int fields = -1;
        int dim;
        int unlabelled;

        Content() {
            rowPtr.add(0);
        }

        /** Appends a dangling id as a node with no features and no label; returns its index. */
        int addFeaturelessNode(String id) {
            int k = ids.size();
            ids.add(id);
            index.put(id, k);
            firstLine.add(0);
            labels.add(Graph.NO_LABEL);
            rowPtr.add(values.size());
            unlabelled++;
            return k;
        }
    }

    /** The parsed .cites: unique edges (undirected, or citing → cited) and the counts of what was skipped. */
    private static final class Cites {
        final IntList src;
        final IntList dst;
        final Set<Long> directed = new HashSet<>();
        final Set<String> danglingIds = new LinkedHashSet<>();
        long lines;
        int selfLoops;
        int duplicates;
        int reciprocal;
        int danglingLines;

        Cites(int nodes) {
            src = new IntList(2 * nodes);
            dst = new IntList(2 * nodes);
        }
    }
}
