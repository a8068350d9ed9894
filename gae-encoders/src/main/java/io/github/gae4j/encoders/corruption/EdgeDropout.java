// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.encoders.corruption;

import io.github.gae4j.core.graph.EdgeList;
import io.github.gae4j.core.spi.CorruptedInput;
import io.github.gae4j.core.spi.Corruption;
import io.github.gae4j.core.spi.GraphInput;
import io.github.gae4j.core.tensor.SparseMatrix;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * {@code edge-dropout}: drops each undirected edge of the encoder's graph with probability
 * {@code rate}, one {@code nextDouble()} per edge in row order (i &lt; j; every stored i → j if the
 * adjacency is not symmetric, i.e. a directed graph), and rebuilds Â from the kept edges; the
 * features are left as they are. The dropped edges are reported as removed, so a
 * masked-edge loss can reconstruct exactly them (MaskGAE's edge masking). A rate of 0 draws nothing
 * and returns its input.
 */
public final class EdgeDropout implements Corruption {

    private final double rate;

    public EdgeDropout(double rate) {
        this.rate = CorruptionRates.requireProbability("rate", rate);
    }

    public double rate() {
        return rate;
    }

    @Override
    public CorruptedInput corrupt(CorruptedInput in, RandomGenerator random) {
        Objects.requireNonNull(in, "in is null");
        Objects.requireNonNull(random, "random is null");
        if (rate == 0) {
            return in;
        }
        GraphInput input = in.input();
        EdgeList edges = edges(input.graph().adjacency());
        int m = edges.size();
        boolean[] drop = new boolean[m];
        int dropped = 0;
        for (int k = 0; k < m; k++) {
            drop[k] = random.nextDouble() < rate;
            dropped += drop[k] ? 1 : 0;
        }
        if (dropped == 0) {
            return in;
        }
        return in.then(withoutEdges(input, edges, drop), new int[0], select(edges, drop, true));
    }

    /** Each edge once, in row order: (i, j) with i &lt; j if {@code a} is symmetric, every stored (i, j) otherwise. */
    static EdgeList edges(SparseMatrix a) {
        boolean symmetric = a.isSymmetric();
        int count = 0;
        for (int i = 0; i < a.rows(); i++) {
            for (int p = a.rowStart(i); p < a.rowEnd(i); p++) {
                count += !symmetric || a.colAt(p) > i ? 1 : 0;
            }
        }
        int[] s = new int[count];
        int[] d = new int[count];
        int k = 0;
        for (int i = 0; i < a.rows(); i++) {
            for (int p = a.rowStart(i); p < a.rowEnd(i); p++) {
                if (!symmetric || a.colAt(p) > i) {
                    s[k] = i;
                    d[k] = a.colAt(p);
                    k++;
                }
            }
        }
        return new EdgeList(s, d);
    }

    /** The input with the flagged edges removed from its graph and Â rebuilt; features (and any token) unchanged. */
    static GraphInput withoutEdges(GraphInput input, EdgeList edges, boolean[] drop) {
        return input.withGraph(input.graph().withEdges(select(edges, drop, false)));
    }

    /** The edges whose flag equals {@code flagged}, in order. */
    static EdgeList select(EdgeList edges, boolean[] flags, boolean flagged) {
        int count = 0;
        for (boolean f : flags) {
            count += f == flagged ? 1 : 0;
        }
        int[] s = new int[count];
        int[] d = new int[count];
        int out = 0;
        for (int k = 0; k < flags.length; k++) {
            if (flags[k] == flagged) {
                s[out] = edges.src(k);
                d[out] = edges.dst(k);
                out++;
            }
        }
        return new EdgeList(s, d);
    }

    @Override
    public String toString() {
        return "EdgeDropout[rate=" + rate + "]";
    }
}
