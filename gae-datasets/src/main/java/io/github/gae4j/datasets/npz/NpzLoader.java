// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.datasets.npz;

import io.github.gae4j.core.error.DatasetFormatException;
import io.github.gae4j.core.graph.Features;
import io.github.gae4j.core.graph.Graph;
import io.github.gae4j.core.spi.DatasetLoader;
import io.github.gae4j.core.tensor.Matrix;
import io.github.gae4j.core.tensor.SparseMatrix;
import io.github.gae4j.datasets.npz.NpzReport.SkippedEntry;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a graph from a numpy {@code .npz} archive in the gnn-benchmark layout (Shchur et al.), as in
 * {@code ../shared/datasets/npz}:
 *
 * <ul>
 *   <li>Adjacency (required): CSR arrays {@code adj_data}, {@code adj_indices}, {@code adj_indptr},
 *   {@code adj_shape}, or the same as {@code adj_matrix.data} … {@code adj_matrix.shape} (cora_ml.npz), or a
 *   dense 2-D {@code adj_matrix}. The matrix may be directed, unsorted and weighted: it is symmetrised
 *   (A ∨ Aᵀ), binarised, self-loops are dropped and duplicates merged; every entry is counted in the report.</li>
 *   <li>Features (optional, see {@link FeaturePolicy}): CSR {@code attr_*} / {@code attr_matrix.*} (kept
 *   sparse; duplicate entries are summed as scipy does) or a dense 2-D {@code attr_matrix}.</li>
 *   <li>Labels (optional): {@code labels} as one integer per node ({@code -1} = no label) or a one-hot
 *   (N, classes) matrix; class names from {@code class_names}, else {@code 0..k-1}.</li>
 *   <li>Node ids (optional): {@code node_names}, else {@code 0..N-1}.</li>
 * </ul>
 *
 * <p>Pickled object arrays (descr {@code |O}) cannot be read in Java. When the graph needs one (the adjacency,
 * or features under {@link FeaturePolicy#REQUIRE}) loading fails naming the entry; otherwise a WARN names the
 * entry and loading goes on without it. Entries the layout does not use are listed in the report. One INFO line
 * reports what was read (see {@link NpzReport#summary()}). Malformed input fails with a
 * {@link DatasetFormatException} naming the archive, the entry and the problem.
 */
public final class NpzLoader implements DatasetLoader {

    private static final Logger LOG = LoggerFactory.getLogger(NpzLoader.class);

    private static final String[] CSR_PARTS = {"data", "indices", "indptr", "shape"};

    private final Path path;
    private final FeaturePolicy features;

    /** A loader using the features when present ({@link FeaturePolicy#AUTO}). */
    public NpzLoader(Path path) {
        this(path, FeaturePolicy.AUTO);
    }

    public NpzLoader(Path path, FeaturePolicy features) {
        this.path = Objects.requireNonNull(path, "path is null");
        this.features = Objects.requireNonNull(features, "features is null");
    }

    public Path path() {
        return path;
    }

    public FeaturePolicy features() {
        return features;
    }

    @Override
    public Graph load() {
        return read().graph();
    }

    /**
     * Reads the graph and reports what was read, dropped, merged and skipped; logs the report at INFO and
     * each skipped pickled entry at WARN.
     *
     * @throws DatasetFormatException for a missing or malformed archive, naming the entry where there is one
     */
    public NpzResult read() {
        try (NpzArchive archive = NpzArchive.open(path)) {
            return new Reader(archive).read();
        }
    }

    /** Shorthand for {@code new NpzLoader(path, features).read()}. */
    public static NpzResult read(Path path, FeaturePolicy features) {
        return new NpzLoader(path, features).read();
    }

    /** {@code cora} for {@code cora.npz}. */
    static String datasetName(Path file) {
        String name = file.getFileName().toString();
        return name.toLowerCase(Locale.ROOT).endsWith(".npz") && name.length() > 4
                ? name.substring(0, name.length() - 4)
                : name;
    }

    /** The four keys of one CSR matrix, e.g. {@code adj_data}… or {@code adj_matrix.data}…. */
    private record CsrKeys(String prefix, String data, String indices, String indptr, String shape) {

        List<String> all() {
            return List.of(data, indices, indptr, shape);
        }

        /** E.g. {@code adj_data/adj_indices/adj_indptr/adj_shape}. */
        String describe() {
            return String.join("/", all());
        }
    }

    /** A validated CSR matrix (column indices possibly unsorted, as stored). */
    @SuppressWarnings("ArrayRecordComponent") // carries arrays by design and is never compared or used as a key
    private record Csr(
            int rows, int cols, int[] indptr, int[] indices, double[] data, String dataEntry, String shapeEntry) {}

    /** The state of one read. */
    private final class Reader {

        private final NpzArchive archive;
        private final Path file;
        private final Set<String> handled = new HashSet<>();
        private final List<SkippedEntry> skipped = new ArrayList<>();

        Reader(NpzArchive archive) {
            this.archive = archive;
            this.file = archive.file();
        }

        NpzResult read() {
            String name = datasetName(file);

            // Adjacency (required).
            CsrKeys adjKeys = findCsr("adj");
            Csr adj;
            String adjSource;
            if (adjKeys != null) {
                adj = readCsr(adjKeys, "the adjacency");
                adjSource = adjKeys.describe();
            } else if (archive.has("adj_matrix")) {
                adj = readDense("adj_matrix", "the adjacency");
                adjSource = "adj_matrix (dense)";
            } else {
                throw new DatasetFormatException(
                        file,
                        0,
                        "no adjacency: expected the CSR entries adj_data.npy,"
                                + " adj_indices.npy, adj_indptr.npy and adj_shape.npy (or adj_matrix.data.npy … as in"
                                + " cora_ml.npz) or a dense adj_matrix.npy; the archive has " + entryList());
            }
            if (adj.rows != adj.cols) {
                throw fail(
                        adj.shapeEntry,
                        String.format(
                                Locale.ROOT,
                                "the adjacency must be square, but its shape is (%d, %d)",
                                adj.rows,
                                adj.cols));
            }
            int n = adj.rows;
            if (n == 0) {
                throw fail(adj.shapeEntry, "empty graph: the adjacency has shape (0, 0), so there are no nodes");
            }
            Edges edges = edges(adj);
            if (edges.src.length == 0) {
                throw fail(
                        adj.dataEntry,
                        String.format(
                                Locale.ROOT,
                                "empty graph: no edges among %d nodes (%d stored entries: %d self-loops, %d explicit zeros)",
                                n,
                                adj.indices.length,
                                edges.selfLoops,
                                edges.zeros));
            }

            // Features (optional unless features=require).
            FeatureResult x = readFeatures(n);

            // Labels and class names (optional).
            LabelResult y = readLabels(n);

            // Node ids (optional).
            List<String> nodeIds = null;
            String nodeIdSource = null;
            if (archive.has("node_names")) {
                if (isPickled("node_names")) {
                    skipPickled("node_names", "nodes are numbered 0..N-1 instead");
                } else {
                    String[] names = strings("node_names", "node ids");
                    if (names.length != n) {
                        throw fail(
                                entry("node_names"),
                                String.format(
                                        Locale.ROOT,
                                        "%d node names for %d nodes (the adjacency's rows)",
                                        names.length,
                                        n));
                    }
                    nodeIds = Arrays.asList(names);
                    nodeIdSource = "node_names";
                    handled.add("node_names");
                }
            }

            // Everything else is reported, not read.
            if (archive.has("attr_names") && !handled.contains("attr_names")) {
                skipOther(
                        "attr_names",
                        x.source == null
                                ? "feature names, but no features were loaded"
                                : "feature names are not kept: Graph has none");
            }
            for (String key : archive.keys()) {
                if (!handled.contains(key)) {
                    skipOther(key, "not part of the gnn-benchmark layout");
                }
            }
            for (String other : archive.otherEntries()) {
                skipped.add(new SkippedEntry(other, "-", "not a .npy array", false));
            }

            Graph.Builder builder = Graph.builder(n).name(name).edges(edges.src, edges.dst);
            if (x.features != null) {
                builder.features(x.features);
            }
            if (y.labels != null) {
                builder.labels(y.labels, y.classNames);
            }
            if (nodeIds != null) {
                builder.nodeIds(nodeIds);
            }
            Graph graph = builder.build();
            NpzReport report = new NpzReport(
                    file,
                    name,
                    features,
                    n,
                    graph.edgeCount(),
                    adjSource,
                    adj.indices.length,
                    edges.selfLoops,
                    edges.zeros,
                    edges.duplicates,
                    edges.reciprocal,
                    edges.weighted,
                    x.source,
                    x.dim,
                    x.nonZeros,
                    x.dense,
                    y.classNames.size(),
                    y.unlabelled,
                    nodeIdSource,
                    skipped);
            if (LOG.isInfoEnabled()) {
                LOG.info("{}", report.summary());
            }
            return new NpzResult(graph, report);
        }

        // ---- features ------------------------------------------------------------------------------

        private FeatureResult readFeatures(int n) {
            CsrKeys keys = findCsr("attr");
            boolean dense = archive.has("attr_matrix");
            if (features == FeaturePolicy.IGNORE) {
                if (keys != null) {
                    keys.all().forEach(k -> skipOther(k, "features=ignore"));
                }
                if (dense) {
                    skipOther("attr_matrix", "features=ignore");
                }
                return FeatureResult.NONE;
            }
            if (keys != null) {
                if (dense) {
                    skipOther("attr_matrix", "the CSR features " + keys.prefix + "* are used instead");
                }
                String pickled =
                        keys.all().stream().filter(this::isPickled).findFirst().orElse(null);
                if (pickled != null) {
                    optionalFeaturesPickled(pickled);
                    keys.all().stream()
                            .filter(k -> !k.equals(pickled))
                            .forEach(k -> skipOther(k, "part of pickled features " + keys.prefix + "*"));
                    return FeatureResult.NONE;
                }
                Csr f = readCsr(keys, "the features");
                checkRows(f.rows, n, f.shapeEntry, "feature rows");
                for (int p = 0; p < f.data.length; p++) {
                    if (!Double.isFinite(f.data[p])) {
                        throw fail(
                                f.dataEntry,
                                String.format(
                                        Locale.ROOT,
                                        "feature value %s at element %d (node %d, column %d) is not finite",
                                        f.data[p],
                                        p,
                                        rowOf(f.indptr, p),
                                        f.indices[p]));
                    }
                }
                if (f.cols == 0) {
                    return FeatureResult.NONE;
                }
                SparseMatrix m =
                        SparseMatrix.ofCoo(n, f.cols, expandRows(f.indptr, f.indices.length), f.indices, f.data);
                return new FeatureResult(Features.sparse(m), keys.describe(), f.cols, m.nnz(), false);
            }
            if (dense) {
                if (isPickled("attr_matrix")) {
                    optionalFeaturesPickled("attr_matrix");
                    return FeatureResult.NONE;
                }
                NpyArray a = readRequired("attr_matrix", "the features");
                if (a.header().ndim() != 2) {
                    throw a.error("the features must be a 2-D (nodes, features) matrix, got shape "
                            + a.header().shapeText());
                }
                int rows = (int) a.header().shape()[0];
                int cols = (int) a.header().shape()[1];
                checkRows(rows, n, entry("attr_matrix"), "feature rows");
                double[] v = a.toRowMajorDoubles();
                long nonZeros = 0;
                for (int k = 0; k < v.length; k++) {
                    if (!Double.isFinite(v[k])) {
                        throw a.error(String.format(
                                Locale.ROOT,
                                "feature value %s at node %d, column %d is not finite",
                                v[k],
                                k / cols,
                                k % cols));
                    }
                    if (v[k] != 0) {
                        nonZeros++;
                    }
                }
                if (cols == 0) {
                    return FeatureResult.NONE;
                }
                return new FeatureResult(
                        Features.dense(Matrix.wrapRowMajor(rows, cols, v)),
                        "attr_matrix (dense)",
                        cols,
                        nonZeros,
                        true);
            }
            if (features == FeaturePolicy.REQUIRE) {
                throw new DatasetFormatException(
                        file,
                        0,
                        "no features (features=require): expected attr_data.npy,"
                                + " attr_indices.npy, attr_indptr.npy and attr_shape.npy (or attr_matrix.data.npy …) or a"
                                + " dense attr_matrix.npy; the archive has " + entryList());
            }
            return FeatureResult.NONE;
        }

        private void optionalFeaturesPickled(String key) {
            if (features == FeaturePolicy.REQUIRE) {
                throw fail(entry(key), pickledProblem(key, "the features (features=require)"));
            }
            skipPickled(key, "loading without features (X = I); features=require makes this an error");
        }

        // ---- labels --------------------------------------------------------------------------------

        private LabelResult readLabels(int n) {
            CsrKeys sparse = findCsr("labels");
            if (!archive.has("labels")) {
                if (sparse != null) {
                    for (String k : sparse.all()) {
                        skipWarn(k, "sparse (multi-label) labels are not supported by Graph; loading without labels");
                    }
                }
                skipClassNames("no labels were loaded");
                return LabelResult.NONE;
            }
            if (sparse != null) {
                sparse.all().forEach(k -> skipOther(k, "labels.npy is used instead"));
            }
            if (isPickled("labels")) {
                skipPickled("labels", "loading without labels");
                skipClassNames("no labels were loaded");
                return LabelResult.NONE;
            }
            NpyArray a = readRequired("labels", "the labels");
            int[] labels = new int[n];
            int unlabelled = 0;
            int classes;
            if (a.header().ndim() == 1) {
                if (a.size() != n) {
                    throw a.error(
                            String.format(Locale.ROOT, "%d labels for %d nodes (the adjacency's rows)", a.size(), n));
                }
                if (!a.dtype().isNumeric()) {
                    throw a.error("labels must be integers, got " + a.dtype().describe());
                }
                int max = -1;
                for (int i = 0; i < n; i++) {
                    long v = a.getLong(i);
                    if (v < -1 || v > Integer.MAX_VALUE - 1) {
                        throw a.error(String.format(
                                Locale.ROOT,
                                "node %d has label %d; labels must be class numbers 0..k-1, or -1 for no label",
                                i,
                                v));
                    }
                    labels[i] = (int) v;
                    if (v < 0) {
                        labels[i] = Graph.NO_LABEL;
                        unlabelled++;
                    }
                    max = Math.max(max, labels[i]);
                }
                classes = max + 1;
            } else if (a.header().ndim() == 2) {
                int rows = (int) a.header().shape()[0];
                int cols = (int) a.header().shape()[1];
                if (rows != n) {
                    throw a.error(String.format(Locale.ROOT, "one-hot labels have %d rows for %d nodes", rows, n));
                }
                if (!a.dtype().isNumeric()) {
                    throw a.error("labels must be numeric, got " + a.dtype().describe());
                }
                double[] v = a.toRowMajorDoubles();
                for (int i = 0; i < n; i++) {
                    int label = Graph.NO_LABEL;
                    for (int c = 0; c < cols; c++) {
                        if (v[i * cols + c] != 0) {
                            if (label != Graph.NO_LABEL) {
                                skipWarn(
                                        "labels",
                                        String.format(
                                                Locale.ROOT,
                                                "node %d has several labels (columns"
                                                        + " %d and %d): multi-label data is not supported by Graph; loading without"
                                                        + " labels",
                                                i,
                                                label,
                                                c));
                                skipClassNames("no labels were loaded");
                                return LabelResult.NONE;
                            }
                            label = c;
                        }
                    }
                    labels[i] = label;
                    if (label == Graph.NO_LABEL) {
                        unlabelled++;
                    }
                }
                classes = cols;
            } else {
                throw a.error("labels must have shape (N,) or (N, classes), got "
                        + a.header().shapeText());
            }
            handled.add("labels");
            List<String> names = null;
            if (archive.has("class_names")) {
                if (isPickled("class_names")) {
                    skipPickled("class_names", "classes are named 0..k-1 instead");
                } else {
                    names = List.of(strings("class_names", "class names"));
                    handled.add("class_names");
                    if (names.size() < classes) {
                        int node = firstNodeWithLabelAtLeast(labels, names.size());
                        throw fail(
                                entry("labels"),
                                node >= 0
                                        ? String.format(
                                                Locale.ROOT,
                                                "node %d has label %d, but class_names.npy names only" + " %d classes",
                                                node,
                                                labels[node],
                                                names.size())
                                        : String.format(
                                                Locale.ROOT,
                                                "the one-hot labels have %d columns, but"
                                                        + " class_names.npy names only %d classes",
                                                classes,
                                                names.size()));
                    }
                }
            }
            if (names == null) {
                List<String> numbered = new ArrayList<>(classes);
                for (int c = 0; c < classes; c++) {
                    numbered.add(Integer.toString(c));
                }
                names = numbered;
            }
            return new LabelResult(labels, names, unlabelled);
        }

        private int firstNodeWithLabelAtLeast(int[] labels, int k) {
            for (int i = 0; i < labels.length; i++) {
                if (labels[i] >= k) {
                    return i;
                }
            }
            return -1;
        }

        private void skipClassNames(String reason) {
            if (archive.has("class_names")) {
                skipOther("class_names", reason);
            }
        }

        // ---- CSR and dense matrices ----------------------------------------------------------------

        /**
         * The CSR keys for {@code base} ({@code base_data}… or {@code base_matrix.data}…), null when none of them
         * exists, or a failure naming the missing entry when only some exist.
         */
        private CsrKeys findCsr(String base) {
            for (String prefix : List.of(base + "_", base + "_matrix.")) {
                List<String> keys =
                        Arrays.stream(CSR_PARTS).map(p -> prefix + p).toList();
                List<String> present = keys.stream().filter(archive::has).toList();
                if (present.isEmpty()) {
                    continue;
                }
                for (String k : keys) {
                    if (!archive.has(k)) {
                        throw new DatasetFormatException(
                                file,
                                0,
                                String.format(
                                        Locale.ROOT,
                                        "missing entry '%s': the CSR matrix %s* needs %s, but the archive has only %s",
                                        entry(k),
                                        prefix,
                                        String.join(
                                                ", ",
                                                keys.stream()
                                                        .map(NpzArchive::entryName)
                                                        .toList()),
                                        String.join(
                                                ", ",
                                                present.stream()
                                                        .map(NpzArchive::entryName)
                                                        .toList())));
                    }
                }
                return new CsrKeys(prefix, keys.get(0), keys.get(1), keys.get(2), keys.get(3));
            }
            return null;
        }

        private Csr readCsr(CsrKeys keys, String role) {
            NpyArray shape = vector(readRequired(keys.shape, role));
            if (shape.size() != 2 || !shape.dtype().isInteger()) {
                throw shape.error(String.format(
                        Locale.ROOT,
                        "the shape of a CSR matrix must be 2 integers (rows, columns), got %s of %s",
                        shape.header().shapeText(),
                        shape.dtype().describe()));
            }
            long r = shape.getLong(0);
            long c = shape.getLong(1);
            if (r < 0 || c < 0 || r > Integer.MAX_VALUE - 1 || c > Integer.MAX_VALUE) {
                throw shape.error(String.format(Locale.ROOT, "invalid matrix shape (%d, %d)", r, c));
            }
            int rows = (int) r;
            int cols = (int) c;
            NpyArray indptrArray = integerVector(readRequired(keys.indptr, role));
            NpyArray indicesArray = integerVector(readRequired(keys.indices, role));
            NpyArray dataArray = vector(readRequired(keys.data, role));
            if (!dataArray.dtype().isNumeric()) {
                throw dataArray.error(
                        "CSR values must be numeric, got " + dataArray.dtype().describe());
            }
            if (indptrArray.size() != rows + 1) {
                throw indptrArray.error(String.format(
                        Locale.ROOT,
                        "shape mismatch: %d row pointers, but %s gives %d rows, so there must be %d",
                        indptrArray.size(),
                        entry(keys.shape),
                        rows,
                        rows + 1));
            }
            int nnz = indicesArray.size();
            if (dataArray.size() != nnz) {
                throw dataArray.error(String.format(
                        Locale.ROOT,
                        "size mismatch: %d values, but %s has %d column indices",
                        dataArray.size(),
                        entry(keys.indices),
                        nnz));
            }
            int[] indptr = indptrArray.toIntArray();
            if (indptr[0] != 0) {
                throw indptrArray.error("the first row pointer must be 0, got " + indptr[0]);
            }
            for (int i = 0; i < rows; i++) {
                if (indptr[i + 1] < indptr[i]) {
                    throw indptrArray.error(String.format(
                            Locale.ROOT, "row pointers decrease at row %d (%d then %d)", i, indptr[i], indptr[i + 1]));
                }
            }
            if (indptr[rows] != nnz) {
                throw indptrArray.error(String.format(
                        Locale.ROOT,
                        "size mismatch: the last row pointer is %d, but %s has %d entries",
                        indptr[rows],
                        entry(keys.indices),
                        nnz));
            }
            int[] indices = indicesArray.toIntArray();
            for (int p = 0; p < nnz; p++) {
                if (indices[p] < 0 || indices[p] >= cols) {
                    throw indicesArray.error(String.format(
                            Locale.ROOT,
                            "column index %d at element %d (row %d) is out of range [0, %d) given by %s",
                            indices[p],
                            p,
                            rowOf(indptr, p),
                            cols,
                            entry(keys.shape)));
                }
            }
            double[] data = dataArray.toDoubleArray();
            handled.addAll(keys.all());
            return new Csr(rows, cols, indptr, indices, data, entry(keys.data), entry(keys.shape));
        }

        private Csr readDense(String key, String role) {
            NpyArray a = readRequired(key, role);
            if (a.header().ndim() != 2) {
                throw a.error(
                        "a dense matrix must be 2-D, got shape " + a.header().shapeText());
            }
            if (!a.dtype().isNumeric()) {
                throw a.error("a dense matrix must be numeric, got " + a.dtype().describe());
            }
            int rows = (int) a.header().shape()[0];
            int cols = (int) a.header().shape()[1];
            double[] v = a.toRowMajorDoubles();
            int[] indptr = new int[rows + 1];
            int nnz = 0;
            for (double d : v) {
                if (d != 0) {
                    nnz++;
                }
            }
            int[] indices = new int[nnz];
            double[] data = new double[nnz];
            int p = 0;
            for (int i = 0; i < rows; i++) {
                for (int j = 0; j < cols; j++) {
                    double d = v[i * cols + j];
                    if (d != 0) {
                        indices[p] = j;
                        data[p++] = d;
                    }
                }
                indptr[i + 1] = p;
            }
            handled.add(key);
            return new Csr(rows, cols, indptr, indices, data, entry(key), entry(key));
        }

        private Edges edges(Csr a) {
            long[] keys = new long[a.indices.length];
            int m = 0;
            long zeros = 0;
            long loops = 0;
            long weighted = 0;
            for (int i = 0; i < a.rows; i++) {
                for (int p = a.indptr[i]; p < a.indptr[i + 1]; p++) {
                    int j = a.indices[p];
                    double v = a.data[p];
                    if (!Double.isFinite(v)) {
                        throw fail(
                                a.dataEntry,
                                String.format(
                                        Locale.ROOT,
                                        "adjacency value %s at element %d (row %d, column %d) is not finite",
                                        v,
                                        p,
                                        i,
                                        j));
                    }
                    if (v == 0) {
                        zeros++;
                        continue;
                    }
                    if (v != 1) {
                        weighted++;
                    }
                    if (i == j) {
                        loops++;
                        continue;
                    }
                    keys[m++] = (long) i << 32 | j;
                }
            }
            Arrays.sort(keys, 0, m);
            int distinct = unique(keys, m);
            long[] undirected = new long[distinct];
            for (int k = 0; k < distinct; k++) {
                int i = (int) (keys[k] >>> 32);
                int j = (int) keys[k];
                undirected[k] = (long) Math.min(i, j) << 32 | Math.max(i, j);
            }
            Arrays.sort(undirected);
            int e = unique(undirected, distinct);
            int[] src = new int[e];
            int[] dst = new int[e];
            for (int k = 0; k < e; k++) {
                src[k] = (int) (undirected[k] >>> 32);
                dst[k] = (int) undirected[k];
            }
            return new Edges(src, dst, loops, zeros, m - distinct, distinct - e, weighted);
        }

        // ---- entries -------------------------------------------------------------------------------

        private boolean isPickled(String key) {
            return archive.header(key).dtype().isObject();
        }

        private NpyArray readRequired(String key, String role) {
            if (isPickled(key)) {
                throw fail(entry(key), pickledProblem(key, role));
            }
            return archive.read(key);
        }

        private String pickledProblem(String key, String role) {
            return String.format(
                    Locale.ROOT,
                    "a pickled Python object array (descr '%s'), which cannot be read"
                            + " in Java, and %s needs it; re-save the archive with plain arrays (for a scipy CSR matrix A:"
                            + " np.savez(f, %s_data=A.data, %s_indices=A.indices, %s_indptr=A.indptr, %s_shape=A.shape))",
                    archive.header(key).dtype().descr(),
                    role,
                    base(key),
                    base(key),
                    base(key),
                    base(key));
        }

        private String base(String key) {
            int cut = key.indexOf('_');
            return cut > 0 ? key.substring(0, cut) : key;
        }

        private String[] strings(String key, String role) {
            NpyArray a = readRequired(key, role);
            if (!a.dtype().isString() || a.header().ndim() != 1) {
                throw a.error(String.format(
                        Locale.ROOT,
                        "%s must be a 1-D string array, got %s",
                        role,
                        a.header().describe()));
            }
            return a.toStringArray();
        }

        private void skipPickled(String key, String consequence) {
            NpyHeader h = archive.header(key);
            String reason = "pickled Python object array (descr '" + h.dtype().descr()
                    + "'), which cannot be read in Java; " + consequence;
            LOG.warn("{}: entry '{}' is a {}", file, entry(key), reason);
            skipped.add(new SkippedEntry(entry(key), h.describe(), reason, true));
            handled.add(key);
        }

        private void skipWarn(String key, String reason) {
            LOG.warn("{}: entry '{}' skipped: {}", file, entry(key), reason);
            skipped.add(new SkippedEntry(entry(key), describe(key), reason, false));
            handled.add(key);
        }

        /** Skips an entry the graph does not need; pickled ones get a WARN naming them. */
        private void skipOther(String key, String reason) {
            if (handled.contains(key)) {
                return;
            }
            NpyHeader h;
            try {
                h = archive.header(key);
            } catch (DatasetFormatException e) {
                LOG.warn(
                        "{}: entry '{}' is not a readable .npy array ({}); it is not needed, so it is skipped",
                        file,
                        entry(key),
                        e.getMessage());
                skipped.add(new SkippedEntry(entry(key), "unreadable header", reason + "; " + e.getMessage(), false));
                handled.add(key);
                return;
            }
            if (h.dtype().isObject()) {
                skipPickled(key, "not needed for the graph, skipped");
                return;
            }
            skipped.add(new SkippedEntry(entry(key), h.describe(), reason, false));
            handled.add(key);
        }

        private String describe(String key) {
            try {
                return archive.header(key).describe();
            } catch (DatasetFormatException e) {
                return "unreadable header";
            }
        }

        private NpyArray vector(NpyArray a) {
            if (a.header().ndim() != 1) {
                throw a.error("expected a 1-D array, got shape " + a.header().shapeText());
            }
            return a;
        }

        private NpyArray integerVector(NpyArray a) {
            vector(a);
            if (!a.dtype().isInteger()) {
                throw a.error("expected integers, got " + a.dtype().describe());
            }
            return a;
        }

        private void checkRows(int rows, int n, String entry, String what) {
            if (rows != n) {
                throw fail(
                        entry,
                        String.format(
                                Locale.ROOT, "shape mismatch: %d %s, but the adjacency has %d nodes", rows, what, n));
            }
        }

        private String entryList() {
            List<String> names = new ArrayList<>();
            archive.keys().forEach(k -> names.add(entry(k)));
            names.addAll(archive.otherEntries());
            return names.isEmpty() ? "no entries" : String.join(", ", names);
        }

        private DatasetFormatException fail(String entry, String problem) {
            return new DatasetFormatException(file, 0, "entry '" + entry + "': " + problem);
        }
    }

    private static String entry(String key) {
        return NpzArchive.entryName(key);
    }

    private static int rowOf(int[] indptr, int p) {
        int lo = 0;
        int hi = indptr.length - 2;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (indptr[mid] <= p) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo;
    }

    private static int[] expandRows(int[] indptr, int nnz) {
        int[] rows = new int[nnz];
        for (int i = 0; i + 1 < indptr.length; i++) {
            Arrays.fill(rows, indptr[i], indptr[i + 1], i);
        }
        return rows;
    }

    /** Compacts a sorted prefix of length m to its distinct values; returns their count. */
    private static int unique(long[] a, int m) {
        int out = 0;
        for (int k = 0; k < m; k++) {
            if (out == 0 || a[out - 1] != a[k]) {
                a[out++] = a[k];
            }
        }
        return out;
    }

    @SuppressWarnings("ArrayRecordComponent") // carries arrays by design and is never compared or used as a key
    private record Edges(
            int[] src, int[] dst, long selfLoops, long zeros, long duplicates, long reciprocal, long weighted) {}

    private record FeatureResult(Features features, String source, int dim, long nonZeros, boolean dense) {
        static final FeatureResult NONE = new FeatureResult(null, null, 0, 0, false);
    }

    @SuppressWarnings("ArrayRecordComponent") // carries arrays by design and is never compared or used as a key
    private record LabelResult(int[] labels, List<String> classNames, int unlabelled) {
        static final LabelResult NONE = new LabelResult(null, List.of(), 0);
    }
}
