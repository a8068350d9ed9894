// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.runtime.minibatch;

import io.github.gae4j.core.graph.EdgeList;
import io.github.gae4j.core.tensor.SparseMatrix;
import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Non-edges with both endpoints drawn with probability ∝ (degree + 1)^0.75 (the +1 gives isolated nodes a chance),
 * rejecting self pairs and training edges, as word2vec draws its negatives; a cumulative table and a binary search
 * per draw, O(N) memory.
 */
final class DegreeNegativeSampler {

    private static final int MAX_TRIES_PER_SAMPLE = 1000;

    private final SparseMatrix excluded;
    private final double[] cumulative;

    DegreeNegativeSampler(SparseMatrix adjacency) {
        this.excluded = adjacency;
        int n = adjacency.rows();
        if (n < 2) {
            throw new IllegalArgumentException("Negative sampling needs at least 2 nodes, got " + n);
        }
        cumulative = new double[n];
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += Math.pow(adjacency.rowNnz(i) + 1.0, 0.75);
            cumulative[i] = sum;
        }
    }

    EdgeList sample(int count, SplittableRandom rng) {
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
                            cumulative.length));
                }
                i = draw(rng);
                j = draw(rng);
            } while (i == j || excluded.contains(i, j));
            s[k] = i;
            d[k] = j;
        }
        return new EdgeList(s, d);
    }

    private int draw(SplittableRandom rng) {
        double u = rng.nextDouble() * cumulative[cumulative.length - 1];
        int at = Arrays.binarySearch(cumulative, u);
        int i = at >= 0 ? at + 1 : -at - 1;
        return Math.min(i, cumulative.length - 1);
    }
}
