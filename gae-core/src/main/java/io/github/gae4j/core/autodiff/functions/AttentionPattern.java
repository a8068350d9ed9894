// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.core.autodiff.functions;

import io.github.gae4j.core.parallel.Parallelism;
import io.github.gae4j.core.tensor.SparseMatrix;
import java.util.Locale;
import java.util.Objects;

/**
 * The edges a graph-attention layer attends over: the stored pattern of a square sparse matrix (values
 * ignored) with every missing diagonal entry added, so that each node attends at least to itself (Ã = A + I).
 * Edge p is (i ← j) for the p-th stored entry (i, j) in CSR order: node i (the row) aggregates from node j
 * (the column), as Â · H does. The edge-valued matrices of {@link EdgeAttentionLogits}, {@link SegmentSoftmax}
 * and {@link AttentionAggregate} are E × heads with row p for edge p.
 *
 * <p>Also holds the column-major order of the edges (for every column j, the edges into j's neighbours, by
 * increasing row), so that the backward passes can sum over the edges leaving a node row by row, without a
 * shared accumulator: every output row is written by one thread, and results do not depend on the thread
 * count. Immutable; build it once per graph ({@code O(E)}) and reuse it every pass.
 */
public final class AttentionPattern {

    /** Multiply-adds per parallel chunk (as the sparse products). */
    private static final long CHUNK_WORK = 1L << 17;

    private final int n;
    private final int[] rowPtr;
    private final int[] colIdx;
    private final int[] colPtr;
    private final int[] colEdge;
    private final int[] colRow;
    private final SparseMatrix source;

    private AttentionPattern(SparseMatrix source, int n, int[] rowPtr, int[] colIdx) {
        this.source = source;
        this.n = n;
        this.rowPtr = rowPtr;
        this.colIdx = colIdx;
        int e = colIdx.length;
        colPtr = new int[n + 1];
        for (int c : colIdx) {
            colPtr[c + 1]++;
        }
        for (int j = 0; j < n; j++) {
            colPtr[j + 1] += colPtr[j];
        }
        int[] fill = java.util.Arrays.copyOf(colPtr, n);
        colEdge = new int[e];
        colRow = new int[e];
        for (int i = 0; i < n; i++) {
            for (int p = rowPtr[i]; p < rowPtr[i + 1]; p++) {
                int q = fill[colIdx[p]]++;
                colEdge[q] = p;
                colRow[q] = i;
            }
        }
    }

    /**
     * The pattern with self-loops of the last matrix asked for, rebuilt only when the matrix changes: attention
     * layers see the same Â every epoch (a new one only under an edge corruption). Safe to share across threads.
     */
    public static final class Cache {

        private volatile AttentionPattern last;

        /** {@link #withSelfLoops(SparseMatrix)} of {@code matrix}, reused while the same matrix comes back. */
        public AttentionPattern withSelfLoops(SparseMatrix matrix) {
            AttentionPattern p = last;
            if (p == null || p.source() != matrix) {
                p = AttentionPattern.withSelfLoops(matrix);
                last = p;
            }
            return p;
        }
    }

    /**
     * The pattern of the square {@code matrix} (e.g. the normalised adjacency Â, whose pattern is A + I, or the
     * adjacency A) plus the diagonal entries it lacks.
     */
    public static AttentionPattern withSelfLoops(SparseMatrix matrix) {
        Objects.requireNonNull(matrix, "matrix is null");
        if (matrix.rows() != matrix.cols()) {
            throw new IllegalArgumentException("An attention pattern needs a square matrix, got " + matrix.shape());
        }
        int n = matrix.rows();
        int missing = 0;
        for (int i = 0; i < n; i++) {
            missing += matrix.contains(i, i) ? 0 : 1;
        }
        int[] ptr = new int[n + 1];
        int[] idx = new int[matrix.nnz() + missing];
        int out = 0;
        for (int i = 0; i < n; i++) {
            boolean loop = false;
            for (int p = matrix.rowStart(i); p < matrix.rowEnd(i); p++) {
                int j = matrix.colAt(p);
                if (!loop && j >= i) {
                    if (j > i) {
                        idx[out++] = i;
                    }
                    loop = true;
                }
                idx[out++] = j;
            }
            if (!loop) {
                idx[out++] = i;
            }
            ptr[i + 1] = out;
        }
        return new AttentionPattern(matrix, n, ptr, idx);
    }

    /** The matrix this pattern was built from (to reuse a cached pattern for the same matrix). */
    public SparseMatrix source() {
        return source;
    }

    /** Number of nodes N. */
    public int nodes() {
        return n;
    }

    /** Number of edges E, self-loops included. */
    public int edges() {
        return colIdx.length;
    }

    public int rowStart(int row) {
        return rowPtr[row];
    }

    public int rowEnd(int row) {
        return rowPtr[row + 1];
    }

    /** The source node j of edge p = (i ← j). */
    public int colAt(int p) {
        return colIdx[p];
    }

    /** Start, in column order, of the edges whose source is node {@code col}. */
    int colStart(int col) {
        return colPtr[col];
    }

    int colEnd(int col) {
        return colPtr[col + 1];
    }

    /** The edge (CSR position) of the q-th entry in column order. */
    int colEdge(int q) {
        return colEdge[q];
    }

    /** The target node (row) of the q-th entry in column order. */
    int colRow(int q) {
        return colRow[q];
    }

    /**
     * Runs {@code body} over node ranges of about {@link #CHUNK_WORK} work each, {@code width} multiply-adds per
     * edge and per node. Each node must be written by the chunk that owns it only.
     */
    void forEachNodeChunk(Parallelism parallelism, int width, Parallelism.ChunkBody body) {
        parallelism.forEachChunk(n, nodeChunkSize(width), body);
    }

    /** Nodes per chunk for {@code width} multiply-adds per edge and node; depends only on the shapes. */
    int nodeChunkSize(int width) {
        long perNode = Math.max(1L, ((long) edges() + n) * Math.max(width, 1) / Math.max(n, 1));
        return (int) Math.max(1, Math.min(Math.max(n, 1), CHUNK_WORK / perNode));
    }

    /** Fails unless {@code rows} is the node count; {@code what} names the operand. */
    void requireNodes(int rows, String what) {
        if (rows != n) {
            throw new IllegalArgumentException(
                    String.format(Locale.ROOT, "%s has %d rows but the attention pattern has %d nodes", what, rows, n));
        }
    }

    /** Fails unless {@code rows} is the edge count; {@code what} names the operand. */
    void requireEdges(int rows, String what) {
        if (rows != edges()) {
            throw new IllegalArgumentException(String.format(
                    Locale.ROOT, "%s has %d rows but the attention pattern has %d edges", what, rows, edges()));
        }
    }

    @Override
    public String toString() {
        return "AttentionPattern[nodes=" + n + ", edges=" + edges() + "]";
    }
}
