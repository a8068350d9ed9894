// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.encoders.corruption;

import io.github.gae4j.core.graph.EdgeList;
import io.github.gae4j.core.spi.CorruptedInput;
import io.github.gae4j.core.spi.Corruption;
import io.github.gae4j.core.spi.GraphInput;
import io.github.gae4j.core.tensor.SparseMatrix;
import java.util.Locale;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * {@code path-mask}: MaskGAE's path masking. Every edge, in each direction (i → j, in CSR order),
 * starts a random walk at i with probability {@code rate}; a walk takes {@code walkLength} steps,
 * each to a uniformly drawn neighbour in the input graph, and every edge it crosses is removed from
 * the encoder's graph (Â rebuilt) and reported as removed. Masked edges thus come in connected paths
 * rather than independently, which hides longer-range structure than {@code edge-dropout} at the same
 * share of removed edges.
 *
 * <p>Draws: one {@code nextDouble()} per directed edge, then one {@code nextInt(degree)} per step of
 * each walk, walks in the order of their start edges. On a directed graph (an adjacency not flagged
 * symmetric) walks follow out-edges and remove each crossed i → j only. MaskGAE masks directed edges and keeps an edge
 * visible while one direction is unmasked; here crossing an edge in either direction removes it, so
 * the same {@code rate} removes more. A rate of 0 draws nothing and returns its input.
 */
public final class PathMask implements Corruption {

    private final double rate;
    private final int walkLength;

    public PathMask(double rate, int walkLength) {
        this.rate = CorruptionRates.requireProbability("rate", rate);
        if (walkLength < 1) {
            throw new IllegalArgumentException(
                    String.format(Locale.ROOT, "walkLength must be >= 1, got %d", walkLength));
        }
        this.walkLength = walkLength;
    }

    @Override
    public CorruptedInput corrupt(CorruptedInput in, RandomGenerator random) {
        Objects.requireNonNull(in, "in is null");
        Objects.requireNonNull(random, "random is null");
        if (rate == 0) {
            return in;
        }
        GraphInput input = in.input();
        SparseMatrix a = input.graph().adjacency();
        int n = a.rows();
        boolean[] crossed = new boolean[a.nnz()]; // by CSR position of the edge as EdgeDropout.edges lists it
        int removed = 0;
        for (int i = 0; i < n; i++) {
            for (int p = a.rowStart(i); p < a.rowEnd(i); p++) {
                if (random.nextDouble() < rate) {
                    removed += walk(a, i, random, crossed);
                }
            }
        }
        if (removed == 0) {
            return in;
        }
        EdgeList edges = EdgeDropout.edges(a);
        boolean[] drop = new boolean[edges.size()];
        boolean symmetric = a.isSymmetric();
        int k = 0;
        for (int i = 0; i < n; i++) {
            for (int p = a.rowStart(i); p < a.rowEnd(i); p++) {
                if (!symmetric || a.colAt(p) > i) {
                    drop[k++] = crossed[p];
                }
            }
        }
        return in.then(EdgeDropout.withoutEdges(input, edges, drop), new int[0], EdgeDropout.select(edges, drop, true));
    }

    /**
     * One walk from {@code start} along stored edges; marks each crossed edge at its CSR position (the
     * upper-triangle one, i &lt; j, for a symmetric adjacency), returns how many are new.
     */
    private int walk(SparseMatrix a, int start, RandomGenerator random, boolean[] crossed) {
        int fresh = 0;
        int current = start;
        boolean symmetric = a.isSymmetric();
        for (int step = 0; step < walkLength; step++) {
            int degree = a.rowNnz(current);
            if (degree == 0) {
                break;
            }
            int q = a.rowStart(current) + random.nextInt(degree);
            int next = a.colAt(q);
            int p = !symmetric || next > current ? q : position(a, next, current);
            if (!crossed[p]) {
                crossed[p] = true;
                fresh++;
            }
            current = next;
        }
        return fresh;
    }

    /** CSR position of the stored entry (row, col). */
    private static int position(SparseMatrix a, int row, int col) {
        int lo = a.rowStart(row);
        int hi = a.rowEnd(row) - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int c = a.colAt(mid);
            if (c < col) {
                lo = mid + 1;
            } else if (c > col) {
                hi = mid - 1;
            } else {
                return mid;
            }
        }
        throw new IllegalStateException("(" + row + ", " + col + ") is not an edge");
    }

    @Override
    public String toString() {
        return "PathMask[rate=" + rate + ", walkLength=" + walkLength + "]";
    }
}
