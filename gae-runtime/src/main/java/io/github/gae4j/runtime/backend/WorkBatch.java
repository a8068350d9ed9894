// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.runtime.backend;

import io.github.gae4j.core.graph.EdgeList;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;

/**
 * The work of one training step: the whole graph (full-batch training, one step per epoch), a set of labelled node
 * pairs (link mini-batches: positive edges and sampled non-edges), or a set of nodes (node-level terms, such as a
 * masked-feature reconstruction). A sharding backend cuts a batch with {@link Pairs#slice} or {@link Nodes#slice};
 * the parts' {@link LossAndGradients} {@linkplain LossAndGradients#sum sum} to the whole's.
 */
public sealed interface WorkBatch permits WorkBatch.WholeGraph, WorkBatch.Pairs, WorkBatch.Nodes, WorkBatch.Links {

    /** The whole training graph: the model's full objective, as trained before batches existed. */
    static WholeGraph wholeGraph() {
        return WholeGraph.INSTANCE;
    }

    /** Pairs {@code (pairs.src(k), pairs.dst(k))} with target {@code labels[k]} (1 an edge, 0 a non-edge). */
    static Pairs pairs(EdgeList pairs, double[] labels) {
        return new Pairs(pairs, labels);
    }

    static Nodes nodes(int[] nodes) {
        return new Nodes(nodes);
    }

    /**
     * A link mini-batch in graph node ids: training edges, sampled non-edges, and this batch's share of the nodes
     * for node-level terms with the factor that scales their mean to the whole graph (see
     * {@code io.github.gae4j.core.spi.LinkBatch}). The objective samples the subgraph around them.
     */
    static Links links(EdgeList positives, EdgeList negatives, int[] nodes, double nodeScale) {
        return new Links(positives, negatives, nodes, nodeScale);
    }

    /** The number of examples (pairs or nodes; 1 for the whole graph). */
    int size();

    /** See {@link #wholeGraph()}. */
    record WholeGraph() implements WorkBatch {
        private static final WholeGraph INSTANCE = new WholeGraph();

        @Override
        public int size() {
            return 1;
        }
    }

    /** See {@link #pairs}. */
    @SuppressWarnings("ArrayRecordComponent") // equals/hashCode are overridden to compare the arrays' contents
    record Pairs(EdgeList pairs, double[] labels) implements WorkBatch {

        public Pairs {
            Objects.requireNonNull(pairs, "pairs is null");
            Objects.requireNonNull(labels, "labels is null");
            if (pairs.size() != labels.length) {
                throw new IllegalArgumentException(
                        String.format(Locale.ROOT, "%d pairs but %d labels", pairs.size(), labels.length));
            }
            labels = labels.clone();
        }

        @Override
        public double[] labels() {
            return labels.clone();
        }

        @Override
        public int size() {
            return labels.length;
        }

        /** Pairs {@code from} (inclusive) to {@code to} (exclusive), in order. */
        public Pairs slice(int from, int to) {
            Objects.checkFromToIndex(from, to, labels.length);
            int[] src = Arrays.copyOfRange(pairs.srcArray(), from, to);
            int[] dst = Arrays.copyOfRange(pairs.dstArray(), from, to);
            return new Pairs(new EdgeList(src, dst), Arrays.copyOfRange(labels, from, to));
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Pairs p && p.pairs.equals(pairs) && Arrays.equals(p.labels, labels);
        }

        @Override
        public int hashCode() {
            return 31 * pairs.hashCode() + Arrays.hashCode(labels);
        }

        @Override
        public String toString() {
            return "Pairs[" + labels.length + "]";
        }
    }

    /** See {@link #links}; its size is the number of positives. */
    @SuppressWarnings("ArrayRecordComponent") // equals/hashCode are overridden to compare the arrays' contents
    record Links(EdgeList positives, EdgeList negatives, int[] nodes, double nodeScale) implements WorkBatch {

        public Links {
            Objects.requireNonNull(positives, "positives is null");
            Objects.requireNonNull(negatives, "negatives is null");
            nodes = Objects.requireNonNull(nodes, "nodes is null").clone();
            if (positives.size() == 0) {
                throw new IllegalArgumentException("A link batch needs at least one positive pair");
            }
            if (!(nodeScale > 0) || !Double.isFinite(nodeScale)) {
                throw new IllegalArgumentException(
                        String.format(Locale.ROOT, "nodeScale must be positive and finite, got %s", nodeScale));
            }
        }

        @Override
        public int[] nodes() {
            return nodes.clone();
        }

        @Override
        public int size() {
            return positives.size();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Links l
                    && l.positives.equals(positives)
                    && l.negatives.equals(negatives)
                    && Arrays.equals(l.nodes, nodes)
                    && Double.compare(l.nodeScale, nodeScale) == 0;
        }

        @Override
        public int hashCode() {
            return Objects.hash(positives, negatives, Arrays.hashCode(nodes), nodeScale);
        }

        @Override
        public String toString() {
            return String.format(
                    Locale.ROOT,
                    "Links[%d positives, %d negatives, %d nodes]",
                    positives.size(),
                    negatives.size(),
                    nodes.length);
        }
    }

    /** See {@link #nodes}. */
    @SuppressWarnings("ArrayRecordComponent") // equals/hashCode are overridden to compare the arrays' contents
    record Nodes(int[] nodes) implements WorkBatch {

        public Nodes {
            nodes = Objects.requireNonNull(nodes, "nodes is null").clone();
        }

        @Override
        public int[] nodes() {
            return nodes.clone();
        }

        @Override
        public int size() {
            return nodes.length;
        }

        /** Nodes {@code from} (inclusive) to {@code to} (exclusive), in order. */
        public Nodes slice(int from, int to) {
            Objects.checkFromToIndex(from, to, nodes.length);
            return new Nodes(Arrays.copyOfRange(nodes, from, to));
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Nodes n && Arrays.equals(n.nodes, nodes);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(nodes);
        }

        @Override
        public String toString() {
            return "Nodes[" + nodes.length + "]";
        }
    }
}
