// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.core.graph;

import io.github.gae4j.core.tensor.SparseMatrix;
import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.RandomAccess;

/**
 * A graph: N nodes, a 0/1 adjacency in CSR without self-loops, optional features, optional labels,
 * and the original node ids. Validated on construction.
 *
 * <p>Undirected by default: the adjacency is symmetric (and flagged so). A graph built with
 * {@link Builder#directed(boolean) directed(true)} keeps its edges as given: A_ij = 1 for an edge
 * i → j, and the adjacency is not flagged symmetric even where every edge happens to be reciprocal.
 */
public final class Graph {

    /** Label value of a node without a label. */
    public static final int NO_LABEL = -1;

    private final String name;
    private final int nodes;
    private final SparseMatrix adjacency;
    private final Features features;
    private final int[] labels;
    private final List<String> classNames;
    private final List<String> nodeIds;
    private final boolean directed;

    private Graph(Builder b, SparseMatrix adjacency) {
        this.name = b.name;
        this.nodes = b.nodes;
        this.adjacency = adjacency;
        this.features = b.features;
        this.labels = b.labels;
        this.classNames = b.classNames;
        this.nodeIds = b.nodeIds;
        this.directed = b.directed;
    }

    public static Builder builder(int nodes) {
        return new Builder(nodes);
    }

    public String name() {
        return name;
    }

    public int nodeCount() {
        return nodes;
    }

    /** Whether edges have a direction (see {@link Builder#directed(boolean)}). */
    public boolean isDirected() {
        return directed;
    }

    /** Undirected edges, each counted once; for a directed graph, directed edges (i → j and j → i count twice). */
    public int edgeCount() {
        return directed ? adjacency.nnz() : adjacency.nnz() / 2;
    }

    /**
     * The 0/1 adjacency without self-loops: symmetric (and flagged so) for an undirected graph; for
     * a directed graph A_ij = 1 for every edge i → j, not flagged symmetric.
     */
    public SparseMatrix adjacency() {
        return adjacency;
    }

    /** Features, or empty for a featureless graph (use {@link #featuresOrIdentity()}). */
    public Optional<Features> features() {
        return Optional.ofNullable(features);
    }

    public Features featuresOrIdentity() {
        return features != null ? features : Features.identity(nodes);
    }

    public boolean hasLabels() {
        return labels != null;
    }

    /** Class index per node, {@link #NO_LABEL} where unknown. */
    public int[] labels() {
        if (labels == null) {
            throw new IllegalStateException("Graph '" + name + "' has no labels");
        }
        return labels.clone();
    }

    public List<String> classNames() {
        return classNames;
    }

    /** Original node ids (as in the input file), index = node number. */
    public List<String> nodeIds() {
        return nodeIds;
    }

    /**
     * The ids given to {@link Builder#numericNodeIds} (index = node number; not a copy, so read only), or null when
     * the ids are strings or the default indices.
     */
    long[] numericNodeIdsOrNull() {
        return nodeIds instanceof NumericIds numeric ? numeric.ids : null;
    }

    /**
     * The same nodes, features and labels with a different edge set (the training graph of a
     * split); directed if this graph is.
     */
    public Graph withEdges(EdgeList edges) {
        Builder b = toBuilder();
        b.edges(edges);
        return b.build();
    }

    /** The same nodes, edges and labels with other features (one row per node). */
    public Graph withFeatures(Features replacement) {
        Objects.requireNonNull(replacement, "replacement is null");
        if (replacement.rows() != nodes) {
            throw new IllegalArgumentException(String.format(
                    Locale.ROOT,
                    "Graph '%s' has %d nodes but the features have %d rows",
                    name,
                    nodes,
                    replacement.rows()));
        }
        Builder b = toBuilder();
        b.features = replacement;
        b.prebuilt = adjacency;
        return b.build();
    }

    /** The same graph without features (X = I), for the featureless rows of the paper. */
    public Graph withoutFeatures() {
        Builder b = toBuilder();
        b.features = null;
        b.prebuilt = adjacency;
        return b.build();
    }

    /**
     * This graph with the direction of its edges dropped (A ∪ Aᵀ): the same nodes, features and
     * labels; this graph itself if it is undirected.
     */
    public Graph asUndirected() {
        if (!directed) {
            return this;
        }
        Builder b = toBuilder();
        b.directed = false;
        b.edges(edges());
        return b.build();
    }

    /**
     * Every edge once: for an undirected graph {@link #upperTriangleEdges()}; for a directed graph
     * every edge i → j as (i, j), in row order.
     */
    public EdgeList edges() {
        if (!directed) {
            return upperTriangleEdges();
        }
        int m = adjacency.nnz();
        int[] s = new int[m];
        int[] d = new int[m];
        for (int i = 0; i < nodes; i++) {
            for (int p = adjacency.rowStart(i); p < adjacency.rowEnd(i); p++) {
                s[p] = i;
                d[p] = adjacency.colAt(p);
            }
        }
        return new EdgeList(s, d);
    }

    /**
     * Each undirected edge once, as (i, j) with i {@literal <} j, in row order. For a directed graph, the
     * edges of {@link #asUndirected()}: each pair joined in either direction, once.
     */
    public EdgeList upperTriangleEdges() {
        if (directed) {
            return asUndirected().upperTriangleEdges();
        }
        int m = edgeCount();
        int[] s = new int[m];
        int[] d = new int[m];
        int k = 0;
        for (int i = 0; i < nodes; i++) {
            for (int p = adjacency.rowStart(i); p < adjacency.rowEnd(i); p++) {
                int j = adjacency.colAt(p);
                if (j > i) {
                    s[k] = i;
                    d[k] = j;
                    k++;
                }
            }
        }
        return new EdgeList(s, d);
    }

    private Builder toBuilder() {
        Builder b = new Builder(nodes);
        b.name = name;
        b.features = features;
        b.labels = labels;
        b.classNames = classNames;
        b.nodeIds = nodeIds;
        b.directed = directed;
        return b;
    }

    @Override
    public String toString() {
        return String.format(
                Locale.ROOT,
                "Graph[%s: %d nodes, %d %sedges, %s]",
                name,
                nodes,
                edgeCount(),
                directed ? "directed " : "",
                features == null ? "no features" : features.dim() + " features");
    }

    /**
     * Builds a graph from edge arrays; duplicates merged; edges symmetrised unless
     * {@link #directed(boolean) directed}.
     */
    public static final class Builder {
        private final int nodes;
        private String name = "graph";
        private int[] src = new int[0];
        private int[] dst = new int[0];
        private SparseMatrix prebuilt;
        private Features features;
        private int[] labels;
        private List<String> classNames = List.of();
        private List<String> nodeIds;
        private boolean directed;

        private Builder(int nodes) {
            if (nodes < 0) {
                throw new IllegalArgumentException("Negative node count " + nodes);
            }
            this.nodes = nodes;
        }

        public Builder name(String name) {
            this.name = Objects.requireNonNull(name, "name is null");
            return this;
        }

        /**
         * Whether the graph is directed: {@code false} (the default) symmetrises the edges; {@code true}
         * keeps each edge src[k] → dst[k] as given (A_src,dst = 1).
         */
        public Builder directed(boolean value) {
            if (value != directed) {
                prebuilt = null;
            }
            // Set before adjacency(SparseMatrix): it checks the flag against the matrix.
            this.directed = value;
            return this;
        }

        /**
         * The edges src[k] – dst[k]: direction ignored for an undirected graph, src[k] → dst[k] for a
         * directed one. Self-loops are rejected: the model adds I itself.
         */
        public Builder edges(int[] src, int[] dst) {
            if (src.length != dst.length) {
                throw new IllegalArgumentException(String.format(
                        Locale.ROOT, "Edge arrays differ in length: %d sources, %d targets", src.length, dst.length));
            }
            this.src = src.clone();
            this.dst = dst.clone();
            this.prebuilt = null;
            return this;
        }

        public Builder edges(EdgeList edges) {
            // srcArray() and dstArray() are copies already: no second copy.
            this.src = edges.srcArray();
            this.dst = edges.dstArray();
            this.prebuilt = null;
            return this;
        }

        /**
         * The adjacency itself, in CSR (taken, not copied): every stored value 1, no self-loops, sorted columns;
         * flagged symmetric for an undirected graph. For graphs built in pieces (a sampled subgraph per batch, a
         * streamed edge list) that have the CSR already: no coordinate sort, no second copy.
         *
         * @throws IllegalArgumentException naming the first entry that breaks a rule
         */
        public Builder adjacency(SparseMatrix value) {
            Objects.requireNonNull(value, "adjacency is null");
            if (value.rows() != nodes || value.cols() != nodes) {
                throw new IllegalArgumentException(String.format(
                        Locale.ROOT, "Graph '%s': adjacency is %s for %d nodes", name, value.shape(), nodes));
            }
            if (!directed && !value.isSymmetric()) {
                throw new IllegalArgumentException(String.format(
                        Locale.ROOT,
                        "Graph '%s': an undirected graph needs an adjacency flagged symmetric (asSymmetric())",
                        name));
            }
            for (int i = 0; i < nodes; i++) {
                for (int p = value.rowStart(i); p < value.rowEnd(i); p++) {
                    if (value.colAt(p) == i || value.valueAt(p) != 1.0) {
                        throw new IllegalArgumentException(String.format(
                                Locale.ROOT,
                                "Graph '%s': adjacency entry (%d, %d) is %s; a 0/1 adjacency without self-loops"
                                        + " is needed",
                                name,
                                i,
                                value.colAt(p),
                                value.valueAt(p)));
                    }
                }
            }
            this.prebuilt = value;
            this.src = new int[0];
            this.dst = new int[0];
            return this;
        }

        public Builder features(Features features) {
            this.features = features;
            return this;
        }

        /** Labels per node ({@link #NO_LABEL} for none) and the class names they index. */
        public Builder labels(int[] labels, List<String> classNames) {
            this.labels = labels.clone();
            this.classNames = List.copyOf(classNames);
            return this;
        }

        public Builder nodeIds(List<String> ids) {
            this.nodeIds = List.copyOf(ids);
            return this;
        }

        /**
         * Integer node ids (node k's id is {@code ids[k]} in decimal), kept as longs and turned into strings only on
         * access: 8 bytes a node instead of a string (an edge list of 10M integer ids).
         */
        public Builder numericNodeIds(long[] ids) {
            this.nodeIds = new NumericIds(ids.clone());
            return this;
        }

        public Graph build() {
            SparseMatrix adj = prebuilt != null ? prebuilt : directed ? directedAdjacency() : symmetricAdjacency();
            if (features != null && features.rows() != nodes) {
                throw new IllegalArgumentException(String.format(
                        Locale.ROOT, "Graph '%s': features have %d rows for %d nodes", name, features.rows(), nodes));
            }
            if (labels != null) {
                if (labels.length != nodes) {
                    throw new IllegalArgumentException(String.format(
                            Locale.ROOT, "Graph '%s': %d labels for %d nodes", name, labels.length, nodes));
                }
                for (int i = 0; i < nodes; i++) {
                    if (labels[i] != NO_LABEL && (labels[i] < 0 || labels[i] >= classNames.size())) {
                        throw new IllegalArgumentException(String.format(
                                Locale.ROOT,
                                "Graph '%s': node %d has label %d but there are %d classes",
                                name,
                                i,
                                labels[i],
                                classNames.size()));
                    }
                }
            }
            if (nodeIds == null) {
                // Computed on access: a graph of 10M nodes (or a sampled subgraph per batch) holds no strings.
                nodeIds = new IndexIds(nodes);
            } else if (nodeIds.size() != nodes) {
                throw new IllegalArgumentException(String.format(
                        Locale.ROOT, "Graph '%s': %d node ids for %d nodes", name, nodeIds.size(), nodes));
            }
            return new Graph(this, adj);
        }

        private SparseMatrix symmetricAdjacency() {
            for (int k = 0; k < src.length; k++) {
                checkEdge(k, src[k], dst[k]);
            }
            return pattern(true).asSymmetric();
        }

        private SparseMatrix directedAdjacency() {
            for (int k = 0; k < src.length; k++) {
                checkEdge(k, src[k], dst[k]);
            }
            return pattern(false);
        }

        private void checkEdge(int k, int i, int j) {
            if (i < 0 || i >= nodes || j < 0 || j >= nodes) {
                throw new IllegalArgumentException(String.format(
                        Locale.ROOT,
                        "Graph '%s': edge %d (%d, %d) has a node id outside [0, %d)",
                        name,
                        k,
                        i,
                        j,
                        nodes));
            }
            if (i == j) {
                throw new IllegalArgumentException(String.format(
                        Locale.ROOT,
                        "Graph '%s': edge %d is a self-loop on node %d; drop self-loops before building"
                                + " (the model adds I itself)",
                        name,
                        k,
                        i));
            }
        }

        /**
         * The 0/1 pattern of the edges (both directions if {@code both}), duplicates merged, straight into CSR: a
         * count per row, a fill, each row sorted and its repeats dropped. Holds no values (see
         * {@link SparseMatrix#ofPattern}) and no coordinate arrays: 4 bytes per stored entry.
         */
        private SparseMatrix pattern(boolean both) {
            int m = src.length;
            int[] ptr = new int[nodes + 1];
            for (int k = 0; k < m; k++) {
                ptr[src[k] + 1]++;
                if (both) {
                    ptr[dst[k] + 1]++;
                }
            }
            for (int i = 0; i < nodes; i++) {
                ptr[i + 1] += ptr[i];
            }
            int[] fill = Arrays.copyOf(ptr, nodes);
            int[] idx = new int[ptr[nodes]];
            for (int k = 0; k < m; k++) {
                idx[fill[src[k]]++] = dst[k];
                if (both) {
                    idx[fill[dst[k]]++] = src[k];
                }
            }
            int out = 0;
            for (int i = 0; i < nodes; i++) {
                int from = ptr[i];
                int to = ptr[i + 1];
                Arrays.sort(idx, from, to);
                ptr[i] = out;
                for (int p = from; p < to; p++) {
                    if (p == from || idx[p] != idx[p - 1]) {
                        idx[out++] = idx[p];
                    }
                }
            }
            ptr[nodes] = out;
            return SparseMatrix.ofPattern(nodes, nodes, ptr, out == idx.length ? idx : Arrays.copyOf(idx, out));
        }
    }

    /** Decimal strings of long ids, computed on access. */
    private static final class NumericIds extends AbstractList<String> implements RandomAccess {
        private final long[] ids;

        NumericIds(long[] ids) {
            this.ids = ids;
        }

        @Override
        public String get(int index) {
            return Long.toString(ids[Objects.checkIndex(index, ids.length)]);
        }

        @Override
        public int size() {
            return ids.length;
        }
    }

    /** "0", "1", …, "N-1", computed on access. */
    private static final class IndexIds extends AbstractList<String> implements RandomAccess {
        private final int size;

        IndexIds(int size) {
            this.size = size;
        }

        @Override
        public String get(int index) {
            return Integer.toString(Objects.checkIndex(index, size));
        }

        @Override
        public int size() {
            return size;
        }
    }
}
