// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.core.graph;

import io.github.gae4j.core.tensor.SparseMatrix;
import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Uniform negative pairs for training: i ≠ j and not a training edge (held-out edges may be drawn:
 * the model must not be told about them). Membership is a binary search in the sorted CSR row of
 * the training adjacency: no extra structure, and the cost per epoch is linear in the number of
 * samples (times log of the degree), never N². For a directed training graph a pair (i, j) is
 * excluded only if i → j is an edge. {@link #degreeWeighted} draws both endpoints ∝ (degree + 1)^exponent instead,
 * with the same rejection of self pairs and training edges.
 */
public final class NegativeSampler {

    private static final int MAX_TRIES_PER_SAMPLE = 1000;

    private final int nodes;
    private final SparseMatrix excluded;
    /** Cumulative node weights for a weighted draw; null for uniform. */
    private final double[] cumulative;

    public NegativeSampler(Graph trainGraph) {
        this(trainGraph, null);
    }

    private NegativeSampler(Graph trainGraph, double[] cumulative) {
        this.nodes = trainGraph.nodeCount();
        this.excluded = trainGraph.adjacency();
        this.cumulative = cumulative;
        if (nodes < 2) {
            throw new IllegalArgumentException("Negative sampling needs at least 2 nodes, got " + nodes);
        }
    }

    /**
     * Both endpoints drawn with probability ∝ (degree + 1)^{@code exponent} (word2vec's unigram^0.75 with 0.75; the
     * +1 gives isolated nodes a chance): harder negatives among well-connected nodes. A cumulative table, O(N), and a
     * binary search per draw.
     */
    public static NegativeSampler degreeWeighted(Graph trainGraph, double exponent) {
        if (!Double.isFinite(exponent)) {
            throw new IllegalArgumentException("The degree exponent must be finite, got " + exponent);
        }
        SparseMatrix a = trainGraph.adjacency();
        double[] cumulative = new double[a.rows()];
        double sum = 0;
        for (int i = 0; i < cumulative.length; i++) {
            sum += Math.pow(a.rowNnz(i) + 1.0, exponent);
            cumulative[i] = sum;
        }
        return new NegativeSampler(trainGraph, cumulative);
    }

    private int draw(SplittableRandom rng) {
        if (cumulative == null) {
            return rng.nextInt(nodes);
        }
        double u = rng.nextDouble() * cumulative[nodes - 1];
        int at = Arrays.binarySearch(cumulative, u);
        return Math.min(at >= 0 ? at + 1 : -at - 1, nodes - 1);
    }

    /** {@code count} pairs drawn with replacement (uniformly, or as {@link #degreeWeighted} weights them). */
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
                i = draw(rng);
                j = draw(rng);
            } while (i == j || excluded.contains(i, j));
            s[k] = i;
            d[k] = j;
        }
        return new EdgeList(s, d);
    }
}
