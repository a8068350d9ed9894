package io.github.gae4j.core.graph;

import io.github.gae4j.core.tensor.SparseMatrix;

/** Â = D̃^{-1/2} (A + I) D̃^{-1/2}, D̃ the degrees of A + I; computed once per graph, kept sparse. */
public final class NormalizedAdjacency {

    private NormalizedAdjacency() {
    }

    public static SparseMatrix of(SparseMatrix adjacency) {
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

    /** A + I (A must have no self-loops). */
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
}
