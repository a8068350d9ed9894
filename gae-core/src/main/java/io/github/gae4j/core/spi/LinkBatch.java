// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.core.spi;

import io.github.gae4j.core.graph.EdgeList;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;

/**
 * What a loss term sees of a link mini-batch: the pass ran the encoder on a sampled subgraph, so Z has one row per
 * node of that subgraph (not per node of the graph), and the term must read only these rows:
 * <ul>
 *   <li>{@code positives}: the batch's training edges, as pairs of subgraph rows;</li>
 *   <li>{@code negatives}: its sampled non-edges, as pairs of subgraph rows;</li>
 *   <li>{@code nodeRows}: the subgraph rows of the nodes a node-level term (the VGAE KL term) averages over this
 *       batch, each node of the graph in exactly one batch of an epoch;</li>
 *   <li>{@code nodeScale}: the factor that makes {@code nodeScale · mean over nodeRows} an estimate of the mean
 *       over all N nodes whose average over an epoch's batches is exact ({@code nodeRows.length · batches / N}).</li>
 * </ul>
 * The same record carries a batch in graph node ids before its subgraph is sampled (the runtime's
 * {@code WorkBatch.Links}), where {@code nodeRows} are node ids. A term that can be computed from these declares {@link Loss#supportsMiniBatch()}; a term that needs the whole
 * graph (the full-graph weighted BCE over all N² pairs) does not, and mini-batch training refuses it by name.
 *
 * @param positives pairs of subgraph rows with label 1
 * @param negatives pairs of subgraph rows with label 0
 * @param nodeRows  subgraph rows of this batch's share of the nodes, for node-level terms
 * @param nodeScale the factor of a node-level mean over {@code nodeRows}, > 0
 */
@SuppressWarnings("ArrayRecordComponent") // nodeRows is copied in and out
public record LinkBatch(EdgeList positives, EdgeList negatives, int[] nodeRows, double nodeScale) {

    public LinkBatch {
        Objects.requireNonNull(positives, "positives is null");
        Objects.requireNonNull(negatives, "negatives is null");
        nodeRows = Objects.requireNonNull(nodeRows, "nodeRows is null").clone();
        if (!(nodeScale > 0) || !Double.isFinite(nodeScale)) {
            throw new IllegalArgumentException(
                    String.format(Locale.ROOT, "nodeScale must be positive and finite, got %s", nodeScale));
        }
        if (positives.size() == 0) {
            throw new IllegalArgumentException("A link batch needs at least one positive pair");
        }
    }

    @Override
    public int[] nodeRows() {
        return nodeRows.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LinkBatch b
                && b.positives.equals(positives)
                && b.negatives.equals(negatives)
                && Arrays.equals(b.nodeRows, nodeRows)
                && Double.compare(b.nodeScale, nodeScale) == 0;
    }

    @Override
    public int hashCode() {
        return Objects.hash(positives, negatives, Arrays.hashCode(nodeRows), nodeScale);
    }

    @Override
    public String toString() {
        return String.format(
                Locale.ROOT,
                "LinkBatch[%d positives, %d negatives, %d nodes, scale %s]",
                positives.size(),
                negatives.size(),
                nodeRows.length,
                nodeScale);
    }
}
