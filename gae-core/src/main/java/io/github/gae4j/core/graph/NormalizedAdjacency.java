// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.core.graph;

import io.github.gae4j.core.tensor.SparseMatrix;

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
        SparseMatrix withLoops = withSelfLoops(adjacency);
        double[] deg = withLoops.rowSums();
        double[] invSqrt = new double[deg.length];
        for (int i = 0; i < deg.length; i++) {
            invSqrt[i] = 1.0 / Math.sqrt(deg[i]);
        }
        int n = withLoops.rows();
        int[] ptr = new int[n + 1];
        int[] idx = new int[withLoops.nnz()];
        double[] val = new double[withLoops.nnz()];
        for (int i = 0; i < n; i++) {
            ptr[i + 1] = withLoops.rowEnd(i);
            for (int p = withLoops.rowStart(i); p < withLoops.rowEnd(i); p++) {
                int j = withLoops.colAt(p);
                idx[p] = j;
                val[p] = invSqrt[i] * withLoops.valueAt(p) * invSqrt[j];
            }
        }
        return SparseMatrix.ofCsr(n, n, ptr, idx, val).asSymmetric();
    }

    /** D̃⁻¹ (A + I), D̃ the row sums of A + I: every row sums to 1. Not flagged symmetric. */
    public static SparseMatrix outDegree(SparseMatrix adjacency) {
        SparseMatrix withLoops = withSelfLoops(adjacency);
        double[] deg = withLoops.rowSums();
        int n = withLoops.rows();
        int[] ptr = new int[n + 1];
        int[] idx = new int[withLoops.nnz()];
        double[] val = new double[withLoops.nnz()];
        for (int i = 0; i < n; i++) {
            ptr[i + 1] = withLoops.rowEnd(i);
            double inv = 1.0 / deg[i];
            for (int p = withLoops.rowStart(i); p < withLoops.rowEnd(i); p++) {
                idx[p] = withLoops.colAt(p);
                val[p] = withLoops.valueAt(p) * inv;
            }
        }
        return SparseMatrix.ofCsr(n, n, ptr, idx, val);
    }

    /** A + I (A must have no self-loops); flagged symmetric if A is. */
    public static SparseMatrix withSelfLoops(SparseMatrix adjacency) {
        int n = adjacency.rows();
        int nnz = adjacency.nnz() + n;
        int[] r = new int[nnz];
        int[] c = new int[nnz];
        double[] v = new double[nnz];
        int k = 0;
        for (int i = 0; i < n; i++) {
            for (int p = adjacency.rowStart(i); p < adjacency.rowEnd(i); p++) {
                r[k] = i;
                c[k] = adjacency.colAt(p);
                v[k] = adjacency.valueAt(p);
                k++;
            }
            r[k] = i;
            c[k] = i;
            v[k] = 1.0;
            k++;
        }
        SparseMatrix out = SparseMatrix.ofCoo(n, n, r, c, v);
        return adjacency.isSymmetric() ? out.asSymmetric() : out;
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
