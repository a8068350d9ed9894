// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.core.graph;

import io.github.gae4j.core.tensor.SparseMatrix;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Uniform negative pairs for training: i ≠ j and not a training edge (held-out edges may be drawn:
 * the model must not be told about them). Membership is a binary search in the sorted CSR row of
 * the training adjacency: no extra structure, and the cost per epoch is linear in the number of
 * samples (times log of the degree), never N². For a directed training graph a pair (i, j) is
 * excluded only if i → j is an edge.
 */
public final class NegativeSampler {

    private static final int MAX_TRIES_PER_SAMPLE = 1000;

    private final int nodes;
    private final SparseMatrix excluded;

    public NegativeSampler(Graph trainGraph) {
        this.nodes = trainGraph.nodeCount();
        this.excluded = trainGraph.adjacency();
        if (nodes < 2) {
            throw new IllegalArgumentException("Negative sampling needs at least 2 nodes, got " + nodes);
        }
    }

    /** {@code count} pairs drawn uniformly with replacement. */
    public EdgeList sample(int count, SplittableRandom rng) {
        int[] s = new int[count];
        int[] d = new int[count];
        for (int k = 0; k < count; k++) {
            int tries = 0;
            int i;
            int j;
            do {
                if (++tries > MAX_TRIES_PER_SAMPLE) {
                    throw new IllegalStateException(String.format(
                            Locale.ROOT,
                            "No non-edge found in %d draws: the training graph (%d nodes) is nearly complete",
                            MAX_TRIES_PER_SAMPLE,
                            nodes));
                }
                i = rng.nextInt(nodes);
                j = rng.nextInt(nodes);
            } while (i == j || excluded.contains(i, j));
            s[k] = i;
            d[k] = j;
        }
        return new EdgeList(s, d);
    }
}
