// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.runtime.backend;

import io.github.gae4j.core.graph.EdgeList;
import io.github.gae4j.core.spi.LinkBatch;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;

/**
 * The work of one training step: the whole graph (full-batch training, one step per epoch), a set of labelled node
 * pairs (link mini-batches: positive edges and sampled non-edges), or a set of nodes (node-level terms, such as a
 * masked-feature reconstruction). A sharding backend cuts a batch with {@link Pairs#slice} or {@link Nodes#slice};
 * the parts' {@link LossAndGradients} {@linkplain LossAndGradients#sum sum} to the whole's.
 */
public sealed interface WorkBatch
        permits WorkBatch.WholeGraph, WorkBatch.Pairs, WorkBatch.Nodes, WorkBatch.Links, WorkBatch.Step {

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
        return new Links(new LinkBatch(positives, negatives, nodes, nodeScale));
    }

    /**
     * Step {@code index} of {@code epoch} of a backend that keeps the data itself (gae-spark's blocks): the driver
     * names the step, and each shard cuts its part of it from (seed, epoch, index) where its data lives, so the
     * examples never travel through the driver. {@code examples} is the step's example count over all shards.
     */
    static Step step(int epoch, int index, long examples) {
        return new Step(epoch, index, examples);
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

    /**
     * See {@link #links}: a {@link LinkBatch} in graph node ids (its checks, equality and text are the batch's); its
     * size is the number of positives.
     */
    record Links(LinkBatch inGraphIds) implements WorkBatch {

        public Links {
            Objects.requireNonNull(inGraphIds, "inGraphIds is null");
        }

        public EdgeList positives() {
            return inGraphIds.positives();
        }

        public EdgeList negatives() {
            return inGraphIds.negatives();
        }

        /** This batch's share of the nodes (a copy). */
        public int[] nodes() {
            return inGraphIds.nodeRows();
        }

        public double nodeScale() {
            return inGraphIds.nodeScale();
        }

        @Override
        public int size() {
            return inGraphIds.positives().size();
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

    /** See {@link #step}. A local objective cannot compute it (it has no shards) and says so. */
    record Step(int epoch, int index, long examples) implements WorkBatch {

        public Step {
            if (epoch < 1 || index < 0 || examples < 1) {
                throw new IllegalArgumentException(String.format(
                        Locale.ROOT,
                        "A step needs epoch >= 1, index >= 0 and examples >= 1, got %d, %d, %d",
                        epoch,
                        index,
                        examples));
            }
        }

        @Override
        public int size() {
            return (int) Math.min(Integer.MAX_VALUE, examples);
        }
    }
}
