// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.runtime.minibatch;

import io.github.gae4j.core.graph.EdgeList;
import io.github.gae4j.core.spi.GraphInput;
import java.util.Locale;
import java.util.Objects;

/**
 * The subgraph a batch's encoder runs on: node {@code k} of {@link #input()} is node {@code nodes()[k]} of the
 * graph; the batch's own nodes (the seeds) come first, in the order given, then each hop's new nodes.
 */
public final class SampledSubgraph {

    private final GraphInput input;
    private final IntIndex index;
    private final int seeds;
    private final int[] hopEnds;

    SampledSubgraph(GraphInput input, IntIndex index, int seeds, int[] hopEnds) {
        this.input = Objects.requireNonNull(input, "input is null");
        this.index = index;
        this.seeds = seeds;
        this.hopEnds = hopEnds.clone();
    }

    /** The encoder's input: sampled adjacency, its normalisation, the nodes' features. */
    public GraphInput input() {
        return input;
    }

    /** Graph node ids, by subgraph row. */
    public int[] nodes() {
        return index.keys();
    }

    public int nodeCount() {
        return index.size();
    }

    /** The number of seed nodes (rows 0 .. seeds − 1). */
    public int seedCount() {
        return seeds;
    }

    /** Rows of the nodes first reached at hop {@code h} (0 = the seeds) end before {@code hopEnd(h)}. */
    public int hopEnd(int hop) {
        return hopEnds[hop];
    }

    /** The subgraph row of graph node {@code node}. */
    public int row(int node) {
        int r = index.indexOf(node);
        if (r < 0) {
            throw new IllegalArgumentException(
                    String.format(Locale.ROOT, "Node %d is not in the sampled subgraph", node));
        }
        return r;
    }

    /** The rows of graph nodes {@code nodes}. */
    public int[] rows(int[] nodes) {
        int[] out = new int[nodes.length];
        for (int k = 0; k < nodes.length; k++) {
            out[k] = row(nodes[k]);
        }
        return out;
    }

    /** {@code pairs} of graph nodes as pairs of subgraph rows. */
    public EdgeList rows(EdgeList pairs) {
        return new EdgeList(rows(pairs.srcArray()), rows(pairs.dstArray()));
    }

    @Override
    public String toString() {
        return String.format(
                Locale.ROOT,
                "SampledSubgraph[%d seeds, %d nodes, %d edges]",
                seeds,
                nodeCount(),
                input.graph().adjacency().nnz());
    }
}
