// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.core.graph;

import io.github.gae4j.core.tensor.SparseMatrix;
import java.util.Arrays;

/**
 * The normalised adjacency of the GCN encoder, computed once per graph, kept sparse:
 * <ul>
 *   <li>undirected graphs (a symmetric adjacency): Â = D̃^{-1/2} (A + I) D̃^{-1/2}, D̃ the degrees of
 *   A + I (Kipf &amp; Welling);</li>
 *   <li>directed graphs: the out-degree normalisation Â = D̃_out⁻¹ (A + I), D̃_out the row sums of
 *   A + I (Salha et al. 2019, section 3.3.1, and their {@code preprocess_graph}): with A_ij = 1 for
 *   i → j, node i averages itself and the nodes it points to.</li>
 * </ul>
 */
public final class NormalizedAdjacency {

    private NormalizedAdjacency() {}

    /**
     * {@link #symmetric} for a symmetric adjacency (flagged so, as every undirected {@link Graph}'s
     * is, or found symmetric on inspection), else {@link #outDegree}. A directed graph whose every
     * edge is reciprocated thus gets the symmetric normalisation: call {@link #outDegree} directly
     * for the other.
     */
    public static SparseMatrix of(SparseMatrix adjacency) {
        return adjacency.isSymmetric() || isSymmetric(adjacency) ? symmetric(adjacency) : outDegree(adjacency);
    }

    /** Â for {@code graph}: {@link #outDegree} if it is directed, else {@link #symmetric}. */
    public static SparseMatrix of(Graph graph) {
        return graph.isDirected() ? outDegree(graph.adjacency()) : symmetric(graph.adjacency());
    }

    /** D̃^{-1/2} (A + I) D̃^{-1/2} of a symmetric A, flagged symmetric (fails if A is not symmetric). */
    public static SparseMatrix symmetric(SparseMatrix adjacency) {
        double[] invSqrt = adjacency.rowSums();
        for (int i = 0; i < invSqrt.length; i++) {
            invSqrt[i] = 1.0 / Math.sqrt(invSqrt[i] + 1.0);
        }
        return scaledWithSelfLoops(adjacency, invSqrt, invSqrt).asSymmetric();
    }

    /** D̃⁻¹ (A + I), D̃ the row sums of A + I: every row sums to 1. Not flagged symmetric. */
    public static SparseMatrix outDegree(SparseMatrix adjacency) {
        double[] inv = adjacency.rowSums();
        for (int i = 0; i < inv.length; i++) {
            inv[i] = 1.0 / (inv[i] + 1.0);
        }
        return scaledWithSelfLoops(adjacency, inv, null);
    }

    /** A + I (A must have no self-loops); flagged symmetric if A is; a pattern matrix if A is one. */
    public static SparseMatrix withSelfLoops(SparseMatrix adjacency) {
        SparseMatrix out = scaledWithSelfLoops(adjacency, null, null);
        return adjacency.isSymmetric() ? out.asSymmetric() : out;
    }

    /**
     * diag(left) (A + I) diag(right) (a null side: no scaling), built straight in CSR: each row of A copied with
     * the diagonal inserted in column order, no coordinate sort and no intermediate A + I. Unscaled, a pattern A
     * gives a pattern result.
     */
    private static SparseMatrix scaledWithSelfLoops(SparseMatrix adjacency, double[] left, double[] right) {
        int n = adjacency.rows();
        if (adjacency.cols() != n) {
            throw new IllegalArgumentException("A + I needs a square matrix, got " + adjacency.shape());
        }
        int nnz = Math.addExact(adjacency.nnz(), n);
        int[] ptr = new int[n + 1];
        int[] idx = new int[nnz];
        boolean pattern = left == null && right == null && adjacency.isPattern();
        double[] val = pattern ? null : new double[nnz];
        int out = 0;
        for (int i = 0; i < n; i++) {
            double l = left == null ? 1.0 : left[i];
            boolean diagonal = false;
            for (int p = adjacency.rowStart(i); p < adjacency.rowEnd(i); p++) {
                int j = adjacency.colAt(p);
                if (j == i) {
                    // A stored diagonal is summed with I's, as the coordinate sort used to do.
                    if (pattern) {
                        throw new IllegalArgumentException(
                                "A + I of a 0/1 pattern needs A without self-loops, but A has (" + i + ", " + i + ")");
                    }
                    idx[out] = i;
                    val[out++] = (adjacency.valueAt(p) + 1.0) * (l * (right == null ? 1.0 : right[i]));
                    diagonal = true;
                    continue;
                }
                if (!diagonal && j > i) {
                    idx[out] = i;
                    if (val != null) {
                        val[out] = l * (right == null ? 1.0 : right[i]);
                    }
                    out++;
                    diagonal = true;
                }
                idx[out] = j;
                if (val != null) {
                    // a_ij · (l_i · r_j), not (l_i · a_ij) · r_j: with left = right the scale product commutes, so
                    // (i, j) and (j, i) of a symmetric weighted A get the same bits and asSymmetric accepts them.
                    val[out] = adjacency.valueAt(p) * (l * (right == null ? 1.0 : right[j]));
                }
                out++;
            }
            if (!diagonal) {
                idx[out] = i;
                if (val != null) {
                    val[out] = l * (right == null ? 1.0 : right[i]);
                }
                out++;
            }
            ptr[i + 1] = out;
        }
        if (out < nnz) {
            idx = Arrays.copyOf(idx, out);
            val = Arrays.copyOf(val, out);
        }
        return pattern ? SparseMatrix.ofPattern(n, n, ptr, idx) : SparseMatrix.ofCsr(n, n, ptr, idx, val);
    }

    private static boolean isSymmetric(SparseMatrix a) {
        if (a.rows() != a.cols()) {
            return false;
        }
        for (int i = 0; i < a.rows(); i++) {
            for (int p = a.rowStart(i); p < a.rowEnd(i); p++) {
                int j = a.colAt(p);
                if (a.get(j, i) != a.valueAt(p)) {
                    return false;
                }
            }
        }
        return true;
    }
}
