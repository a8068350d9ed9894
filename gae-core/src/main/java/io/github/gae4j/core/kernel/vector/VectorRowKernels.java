// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.core.kernel.vector;

import io.github.gae4j.core.kernel.RowKernels;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link RowKernels} on the Vector API ({@code DoubleVector.SPECIES_PREFERRED}, L lanes).
 *
 * <p>Output columns are processed in register blocks of 4L, 2L and L columns (16 and 32 columns,
 * the usual hidden and latent widths, are one block of 2 or 4 vectors with L = 8); the columns
 * past the last whole vector take a scalar tail loop with {@code Math.fma} (masked vector loads
 * and stores measured 3–14× slower than that tail on JDK 17). The multiply kernels keep a block
 * of an output row in registers across the row's stored entries (one broadcast and a few FMAs per
 * entry); the dense one also interleaves 2 or 4 rows to hide FMA latency. The sparse transpose
 * kernel scatters a row of the right-hand side, held in registers, into the small accumulator;
 * the dense one holds a block of 4 or 8 accumulator rows in registers across the chunk's rows.
 * Every output element is summed in the order the {@link RowKernels} contract fixes, one FMA per
 * term.
 *
 * <p>Load this class only when {@code jdk.incubator.vector} is in the boot layer
 * ({@code core.kernel.dispatch.RowKernelDispatch.best()} checks).
 */
public final class VectorRowKernels implements RowKernels {

    public static final VectorRowKernels INSTANCE = new VectorRowKernels();

    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
    private static final int L = S.length();
    /** Inner indices per pass of the 4L-column kernel: a 256 × 32 block of b (64 KB) stays in L2 (measured best of 32-256). */
    private static final int K_BLOCK = 256;

    private VectorRowKernels() {}

    @Override
    public String describe() {
        return "Vector API (double × " + L + ")";
    }

    @Override
    public String toString() {
        return "VectorRowKernels[" + L + "]";
    }

    // ---------------------------------------------------------------- S · b

    @Override
    public void sparseMultiplyRows(
            int[] rowPtr, int[] colIdx, double[] values, double[] b, int k, double[] o, int from, int to) {
        int j = 0;
        for (; j + 4 * L <= k; j += 4 * L) {
            gather4(rowPtr, colIdx, values, b, k, o, from, to, j);
        }
        if (j + 2 * L <= k) {
            gather2(rowPtr, colIdx, values, b, k, o, from, to, j);
            j += 2 * L;
        }
        if (j + L <= k) {
            gather1(rowPtr, colIdx, values, b, k, o, from, to, j);
            j += L;
        }
        if (j < k) {
            gatherTail(rowPtr, colIdx, values, b, k, o, from, to, j);
        }
    }

    private static void gather4(
            int[] rowPtr, int[] colIdx, double[] values, double[] b, int k, double[] o, int from, int to, int j) {
        for (int i = from; i < to; i++) {
            DoubleVector c0 = DoubleVector.zero(S);
            DoubleVector c1 = c0;
            DoubleVector c2 = c0;
            DoubleVector c3 = c0;
            int end = rowPtr[i + 1];
            for (int p = rowPtr[i]; p < end; p++) {
                DoubleVector v = DoubleVector.broadcast(S, values[p]);
                int in = colIdx[p] * k + j;
                c0 = DoubleVector.fromArray(S, b, in).fma(v, c0);
                c1 = DoubleVector.fromArray(S, b, in + L).fma(v, c1);
                c2 = DoubleVector.fromArray(S, b, in + 2 * L).fma(v, c2);
                c3 = DoubleVector.fromArray(S, b, in + 3 * L).fma(v, c3);
            }
            int out = i * k + j;
            c0.intoArray(o, out);
            c1.intoArray(o, out + L);
            c2.intoArray(o, out + 2 * L);
            c3.intoArray(o, out + 3 * L);
        }
    }

    private static void gather2(
            int[] rowPtr, int[] colIdx, double[] values, double[] b, int k, double[] o, int from, int to, int j) {
        for (int i = from; i < to; i++) {
            DoubleVector c0 = DoubleVector.zero(S);
            DoubleVector c1 = c0;
            int end = rowPtr[i + 1];
            for (int p = rowPtr[i]; p < end; p++) {
                DoubleVector v = DoubleVector.broadcast(S, values[p]);
                int in = colIdx[p] * k + j;
                c0 = DoubleVector.fromArray(S, b, in).fma(v, c0);
                c1 = DoubleVector.fromArray(S, b, in + L).fma(v, c1);
            }
            int out = i * k + j;
            c0.intoArray(o, out);
            c1.intoArray(o, out + L);
        }
    }

    private static void gather1(
            int[] rowPtr, int[] colIdx, double[] values, double[] b, int k, double[] o, int from, int to, int j) {
        for (int i = from; i < to; i++) {
            DoubleVector c0 = DoubleVector.zero(S);
            int end = rowPtr[i + 1];
            for (int p = rowPtr[i]; p < end; p++) {
                c0 = DoubleVector.fromArray(S, b, colIdx[p] * k + j).fma(DoubleVector.broadcast(S, values[p]), c0);
            }
            c0.intoArray(o, i * k + j);
        }
    }

    /** Columns [j, k), fewer than L: one scalar sum per element, in stored-entry order. */
    private static void gatherTail(
            int[] rowPtr, int[] colIdx, double[] values, double[] b, int k, double[] o, int from, int to, int j) {
        for (int i = from; i < to; i++) {
            int start = rowPtr[i];
            int end = rowPtr[i + 1];
            for (int c = j; c < k; c++) {
                double s = 0;
                for (int p = start; p < end; p++) {
                    s = Math.fma(values[p], b[colIdx[p] * k + c], s);
                }
                o[i * k + c] = s;
            }
        }
    }

    // ---------------------------------------------------------------- Sᵀ · g (scatter)

    @Override
    public void sparseTransposeMultiplyRows(
            int[] rowPtr, int[] colIdx, double[] values, double[] g, int k, double[] acc, int from, int to) {
        int j = 0;
        for (; j + 4 * L <= k; j += 4 * L) {
            scatter4(rowPtr, colIdx, values, g, k, acc, from, to, j);
        }
        if (j + 2 * L <= k) {
            scatter2(rowPtr, colIdx, values, g, k, acc, from, to, j);
            j += 2 * L;
        }
        if (j + L <= k) {
            scatter1(rowPtr, colIdx, values, g, k, acc, from, to, j);
            j += L;
        }
        if (j < k) {
            scatterTail(rowPtr, colIdx, values, g, k, acc, from, to, j);
        }
    }

    private static void scatter4(
            int[] rowPtr, int[] colIdx, double[] values, double[] g, int k, double[] acc, int from, int to, int j) {
        for (int i = from; i < to; i++) {
            int in = i * k + j;
            DoubleVector g0 = DoubleVector.fromArray(S, g, in);
            DoubleVector g1 = DoubleVector.fromArray(S, g, in + L);
            DoubleVector g2 = DoubleVector.fromArray(S, g, in + 2 * L);
            DoubleVector g3 = DoubleVector.fromArray(S, g, in + 3 * L);
            int end = rowPtr[i + 1];
            for (int p = rowPtr[i]; p < end; p++) {
                DoubleVector v = DoubleVector.broadcast(S, values[p]);
                int out = colIdx[p] * k + j;
                g0.fma(v, DoubleVector.fromArray(S, acc, out)).intoArray(acc, out);
                g1.fma(v, DoubleVector.fromArray(S, acc, out + L)).intoArray(acc, out + L);
                g2.fma(v, DoubleVector.fromArray(S, acc, out + 2 * L)).intoArray(acc, out + 2 * L);
                g3.fma(v, DoubleVector.fromArray(S, acc, out + 3 * L)).intoArray(acc, out + 3 * L);
            }
        }
    }

    private static void scatter2(
            int[] rowPtr, int[] colIdx, double[] values, double[] g, int k, double[] acc, int from, int to, int j) {
        for (int i = from; i < to; i++) {
            int in = i * k + j;
            DoubleVector g0 = DoubleVector.fromArray(S, g, in);
            DoubleVector g1 = DoubleVector.fromArray(S, g, in + L);
            int end = rowPtr[i + 1];
            for (int p = rowPtr[i]; p < end; p++) {
                DoubleVector v = DoubleVector.broadcast(S, values[p]);
                int out = colIdx[p] * k + j;
                g0.fma(v, DoubleVector.fromArray(S, acc, out)).intoArray(acc, out);
                g1.fma(v, DoubleVector.fromArray(S, acc, out + L)).intoArray(acc, out + L);
            }
        }
    }

    private static void scatter1(
            int[] rowPtr, int[] colIdx, double[] values, double[] g, int k, double[] acc, int from, int to, int j) {
        for (int i = from; i < to; i++) {
            DoubleVector g0 = DoubleVector.fromArray(S, g, i * k + j);
            int end = rowPtr[i + 1];
            for (int p = rowPtr[i]; p < end; p++) {
                int out = colIdx[p] * k + j;
                g0.fma(DoubleVector.broadcast(S, values[p]), DoubleVector.fromArray(S, acc, out))
                        .intoArray(acc, out);
            }
        }
    }

    private static void scatterTail(
            int[] rowPtr, int[] colIdx, double[] values, double[] g, int k, double[] acc, int from, int to, int j) {
        for (int i = from; i < to; i++) {
            int in = i * k;
            int end = rowPtr[i + 1];
            for (int p = rowPtr[i]; p < end; p++) {
                double v = values[p];
                int out = colIdx[p] * k;
                for (int c = j; c < k; c++) {
                    acc[out + c] = Math.fma(v, g[in + c], acc[out + c]);
                }
            }
        }
    }

    // ---------------------------------------------------------------- a · b (dense)

    @Override
    public void multiplyRows(double[] a, int k, double[] b, int m, double[] o, int from, int to) {
        int j = 0;
        for (; j + 4 * L <= m; j += 4 * L) {
            dense4(a, k, b, m, o, from, to, j);
        }
        if (j + 2 * L <= m) {
            dense2(a, k, b, m, o, from, to, j);
            j += 2 * L;
        }
        if (j + L <= m) {
            dense1(a, k, b, m, o, from, to, j);
            j += L;
        }
        if (j < m) {
            denseTail(a, k, b, m, o, from, to, j);
        }
    }

    /**
     * Columns [j, j + 4L), four rows at a time so that each load of b feeds 16 fmas (two rows left the loop
     * bound by loads: 25 against 40 GFLOP/s on Cora's 512-wide layers), in blocks of {@value #K_BLOCK} inner
     * indices so that the block of b stays cached while every row passes over it. Between blocks the
     * accumulators go through o, which is exact: each element is still one fma chain in t order, bit for bit
     * the result of the unblocked kernel.
     */
    private static void dense4(double[] a, int k, double[] b, int m, double[] o, int from, int to, int j) {
        int t0 = 0;
        do {
            int t1 = Math.min(k, t0 + K_BLOCK);
            boolean first = t0 == 0;
            int i = from;
            for (; i + 4 <= to; i += 4) {
                dense4x4(a, k, b, m, o, i, j, t0, t1, first);
            }
            for (; i < to; i++) {
                dense4x1(a, k, b, m, o, i, j, t0, t1, first);
            }
            t0 = t1;
        } while (t0 < k);
    }

    private static void dense4x4(
            double[] a, int k, double[] b, int m, double[] o, int i, int j, int t0, int t1, boolean first) {
        int out = i * m + j;
        DoubleVector c00;
        DoubleVector c01;
        DoubleVector c02;
        DoubleVector c03;
        DoubleVector c10;
        DoubleVector c11;
        DoubleVector c12;
        DoubleVector c13;
        DoubleVector c20;
        DoubleVector c21;
        DoubleVector c22;
        DoubleVector c23;
        DoubleVector c30;
        DoubleVector c31;
        DoubleVector c32;
        DoubleVector c33;
        if (first) {
            c00 = DoubleVector.zero(S);
            c01 = c00;
            c02 = c00;
            c03 = c00;
            c10 = c00;
            c11 = c00;
            c12 = c00;
            c13 = c00;
            c20 = c00;
            c21 = c00;
            c22 = c00;
            c23 = c00;
            c30 = c00;
            c31 = c00;
            c32 = c00;
            c33 = c00;
        } else {
            c00 = DoubleVector.fromArray(S, o, out);
            c01 = DoubleVector.fromArray(S, o, out + L);
            c02 = DoubleVector.fromArray(S, o, out + 2 * L);
            c03 = DoubleVector.fromArray(S, o, out + 3 * L);
            c10 = DoubleVector.fromArray(S, o, out + m);
            c11 = DoubleVector.fromArray(S, o, out + m + L);
            c12 = DoubleVector.fromArray(S, o, out + m + 2 * L);
            c13 = DoubleVector.fromArray(S, o, out + m + 3 * L);
            c20 = DoubleVector.fromArray(S, o, out + 2 * m);
            c21 = DoubleVector.fromArray(S, o, out + 2 * m + L);
            c22 = DoubleVector.fromArray(S, o, out + 2 * m + 2 * L);
            c23 = DoubleVector.fromArray(S, o, out + 2 * m + 3 * L);
            c30 = DoubleVector.fromArray(S, o, out + 3 * m);
            c31 = DoubleVector.fromArray(S, o, out + 3 * m + L);
            c32 = DoubleVector.fromArray(S, o, out + 3 * m + 2 * L);
            c33 = DoubleVector.fromArray(S, o, out + 3 * m + 3 * L);
        }
        int a0 = i * k;
        int a1 = a0 + k;
        int a2 = a1 + k;
        int a3 = a2 + k;
        for (int t = t0; t < t1; t++) {
            int in = t * m + j;
            DoubleVector b0 = DoubleVector.fromArray(S, b, in);
            DoubleVector b1 = DoubleVector.fromArray(S, b, in + L);
            DoubleVector b2 = DoubleVector.fromArray(S, b, in + 2 * L);
            DoubleVector b3 = DoubleVector.fromArray(S, b, in + 3 * L);
            DoubleVector x = DoubleVector.broadcast(S, a[a0 + t]);
            c00 = b0.fma(x, c00);
            c01 = b1.fma(x, c01);
            c02 = b2.fma(x, c02);
            c03 = b3.fma(x, c03);
            x = DoubleVector.broadcast(S, a[a1 + t]);
            c10 = b0.fma(x, c10);
            c11 = b1.fma(x, c11);
            c12 = b2.fma(x, c12);
            c13 = b3.fma(x, c13);
            x = DoubleVector.broadcast(S, a[a2 + t]);
            c20 = b0.fma(x, c20);
            c21 = b1.fma(x, c21);
            c22 = b2.fma(x, c22);
            c23 = b3.fma(x, c23);
            x = DoubleVector.broadcast(S, a[a3 + t]);
            c30 = b0.fma(x, c30);
            c31 = b1.fma(x, c31);
            c32 = b2.fma(x, c32);
            c33 = b3.fma(x, c33);
        }
        c00.intoArray(o, out);
        c01.intoArray(o, out + L);
        c02.intoArray(o, out + 2 * L);
        c03.intoArray(o, out + 3 * L);
        c10.intoArray(o, out + m);
        c11.intoArray(o, out + m + L);
        c12.intoArray(o, out + m + 2 * L);
        c13.intoArray(o, out + m + 3 * L);
        c20.intoArray(o, out + 2 * m);
        c21.intoArray(o, out + 2 * m + L);
        c22.intoArray(o, out + 2 * m + 2 * L);
        c23.intoArray(o, out + 2 * m + 3 * L);
        c30.intoArray(o, out + 3 * m);
        c31.intoArray(o, out + 3 * m + L);
        c32.intoArray(o, out + 3 * m + 2 * L);
        c33.intoArray(o, out + 3 * m + 3 * L);
    }

    private static void dense4x1(
            double[] a, int k, double[] b, int m, double[] o, int i, int j, int t0, int t1, boolean first) {
        int out = i * m + j;
        DoubleVector c0;
        DoubleVector c1;
        DoubleVector c2;
        DoubleVector c3;
        if (first) {
            c0 = DoubleVector.zero(S);
            c1 = c0;
            c2 = c0;
            c3 = c0;
        } else {
            c0 = DoubleVector.fromArray(S, o, out);
            c1 = DoubleVector.fromArray(S, o, out + L);
            c2 = DoubleVector.fromArray(S, o, out + 2 * L);
            c3 = DoubleVector.fromArray(S, o, out + 3 * L);
        }
        int a0 = i * k;
        for (int t = t0; t < t1; t++) {
            int in = t * m + j;
            DoubleVector x = DoubleVector.broadcast(S, a[a0 + t]);
            c0 = DoubleVector.fromArray(S, b, in).fma(x, c0);
            c1 = DoubleVector.fromArray(S, b, in + L).fma(x, c1);
            c2 = DoubleVector.fromArray(S, b, in + 2 * L).fma(x, c2);
            c3 = DoubleVector.fromArray(S, b, in + 3 * L).fma(x, c3);
        }
        c0.intoArray(o, out);
        c1.intoArray(o, out + L);
        c2.intoArray(o, out + 2 * L);
        c3.intoArray(o, out + 3 * L);
    }

    /** Columns [j, j + 2L), four rows at a time. */
    private static void dense2(double[] a, int k, double[] b, int m, double[] o, int from, int to, int j) {
        int i = from;
        for (; i + 4 <= to; i += 4) {
            DoubleVector c00 = DoubleVector.zero(S);
            DoubleVector c01 = c00;
            DoubleVector c10 = c00;
            DoubleVector c11 = c00;
            DoubleVector c20 = c00;
            DoubleVector c21 = c00;
            DoubleVector c30 = c00;
            DoubleVector c31 = c00;
            int a0 = i * k;
            for (int t = 0; t < k; t++) {
                int in = t * m + j;
                DoubleVector b0 = DoubleVector.fromArray(S, b, in);
                DoubleVector b1 = DoubleVector.fromArray(S, b, in + L);
                DoubleVector x0 = DoubleVector.broadcast(S, a[a0 + t]);
                DoubleVector x1 = DoubleVector.broadcast(S, a[a0 + k + t]);
                DoubleVector x2 = DoubleVector.broadcast(S, a[a0 + 2 * k + t]);
                DoubleVector x3 = DoubleVector.broadcast(S, a[a0 + 3 * k + t]);
                c00 = b0.fma(x0, c00);
                c01 = b1.fma(x0, c01);
                c10 = b0.fma(x1, c10);
                c11 = b1.fma(x1, c11);
                c20 = b0.fma(x2, c20);
                c21 = b1.fma(x2, c21);
                c30 = b0.fma(x3, c30);
                c31 = b1.fma(x3, c31);
            }
            int out = i * m + j;
            c00.intoArray(o, out);
            c01.intoArray(o, out + L);
            c10.intoArray(o, out + m);
            c11.intoArray(o, out + m + L);
            c20.intoArray(o, out + 2 * m);
            c21.intoArray(o, out + 2 * m + L);
            c30.intoArray(o, out + 3 * m);
            c31.intoArray(o, out + 3 * m + L);
        }
        for (; i < to; i++) {
            DoubleVector c0 = DoubleVector.zero(S);
            DoubleVector c1 = c0;
            int a0 = i * k;
            for (int t = 0; t < k; t++) {
                int in = t * m + j;
                DoubleVector x = DoubleVector.broadcast(S, a[a0 + t]);
                c0 = DoubleVector.fromArray(S, b, in).fma(x, c0);
                c1 = DoubleVector.fromArray(S, b, in + L).fma(x, c1);
            }
            int out = i * m + j;
            c0.intoArray(o, out);
            c1.intoArray(o, out + L);
        }
    }

    /** Columns [j, j + L), four rows at a time. */
    private static void dense1(double[] a, int k, double[] b, int m, double[] o, int from, int to, int j) {
        int i = from;
        for (; i + 4 <= to; i += 4) {
            DoubleVector c0 = DoubleVector.zero(S);
            DoubleVector c1 = c0;
            DoubleVector c2 = c0;
            DoubleVector c3 = c0;
            int a0 = i * k;
            for (int t = 0; t < k; t++) {
                DoubleVector b0 = DoubleVector.fromArray(S, b, t * m + j);
                c0 = b0.fma(DoubleVector.broadcast(S, a[a0 + t]), c0);
                c1 = b0.fma(DoubleVector.broadcast(S, a[a0 + k + t]), c1);
                c2 = b0.fma(DoubleVector.broadcast(S, a[a0 + 2 * k + t]), c2);
                c3 = b0.fma(DoubleVector.broadcast(S, a[a0 + 3 * k + t]), c3);
            }
            int out = i * m + j;
            c0.intoArray(o, out);
            c1.intoArray(o, out + m);
            c2.intoArray(o, out + 2 * m);
            c3.intoArray(o, out + 3 * m);
        }
        for (; i < to; i++) {
            DoubleVector c0 = DoubleVector.zero(S);
            int a0 = i * k;
            for (int t = 0; t < k; t++) {
                c0 = DoubleVector.fromArray(S, b, t * m + j).fma(DoubleVector.broadcast(S, a[a0 + t]), c0);
            }
            c0.intoArray(o, i * m + j);
        }
    }

    private static void denseTail(double[] a, int k, double[] b, int m, double[] o, int from, int to, int j) {
        for (int i = from; i < to; i++) {
            int a0 = i * k;
            for (int c = j; c < m; c++) {
                double s = 0;
                for (int t = 0; t < k; t++) {
                    s = Math.fma(a[a0 + t], b[t * m + c], s);
                }
                o[i * m + c] = s;
            }
        }
    }

    // ---------------------------------------------------------------- aᵀ · b (dense scatter)

    @Override
    public void transposeMultiplyRows(double[] a, int k, double[] b, int m, double[] acc, int from, int to) {
        int j = 0;
        for (; j + 4 * L <= m; j += 4 * L) {
            int t = 0;
            for (; t + 4 <= k; t += 4) {
                outer4x4(a, k, b, m, acc, from, to, j, t);
            }
            if (t < k) {
                denseScatter4(a, k, b, m, acc, from, to, j, t);
            }
        }
        if (j + 2 * L <= m) {
            int t = 0;
            for (; t + 8 <= k; t += 8) {
                outer2x8(a, k, b, m, acc, from, to, j, t);
            }
            if (t < k) {
                denseScatter2(a, k, b, m, acc, from, to, j, t);
            }
            j += 2 * L;
        }
        if (j + L <= m) {
            int t = 0;
            for (; t + 8 <= k; t += 8) {
                outer1x8(a, k, b, m, acc, from, to, j, t);
            }
            if (t < k) {
                denseScatter1(a, k, b, m, acc, from, to, j, t);
            }
            j += L;
        }
        if (j < m) {
            denseScatterTail(a, k, b, m, acc, from, to, j);
        }
    }

    /** acc rows [t, t + 4), columns [j, j + 4L), held in 16 registers across rows [from, to). */
    private static void outer4x4(double[] a, int k, double[] b, int m, double[] acc, int from, int to, int j, int t) {
        int r0 = t * m + j;
        int r1 = r0 + m;
        int r2 = r1 + m;
        int r3 = r2 + m;
        DoubleVector c00 = DoubleVector.fromArray(S, acc, r0);
        DoubleVector c01 = DoubleVector.fromArray(S, acc, r0 + L);
        DoubleVector c02 = DoubleVector.fromArray(S, acc, r0 + 2 * L);
        DoubleVector c03 = DoubleVector.fromArray(S, acc, r0 + 3 * L);
        DoubleVector c10 = DoubleVector.fromArray(S, acc, r1);
        DoubleVector c11 = DoubleVector.fromArray(S, acc, r1 + L);
        DoubleVector c12 = DoubleVector.fromArray(S, acc, r1 + 2 * L);
        DoubleVector c13 = DoubleVector.fromArray(S, acc, r1 + 3 * L);
        DoubleVector c20 = DoubleVector.fromArray(S, acc, r2);
        DoubleVector c21 = DoubleVector.fromArray(S, acc, r2 + L);
        DoubleVector c22 = DoubleVector.fromArray(S, acc, r2 + 2 * L);
        DoubleVector c23 = DoubleVector.fromArray(S, acc, r2 + 3 * L);
        DoubleVector c30 = DoubleVector.fromArray(S, acc, r3);
        DoubleVector c31 = DoubleVector.fromArray(S, acc, r3 + L);
        DoubleVector c32 = DoubleVector.fromArray(S, acc, r3 + 2 * L);
        DoubleVector c33 = DoubleVector.fromArray(S, acc, r3 + 3 * L);
        for (int i = from; i < to; i++) {
            int in = i * m + j;
            DoubleVector b0 = DoubleVector.fromArray(S, b, in);
            DoubleVector b1 = DoubleVector.fromArray(S, b, in + L);
            DoubleVector b2 = DoubleVector.fromArray(S, b, in + 2 * L);
            DoubleVector b3 = DoubleVector.fromArray(S, b, in + 3 * L);
            int ai = i * k + t;
            DoubleVector x = DoubleVector.broadcast(S, a[ai]);
            c00 = b0.fma(x, c00);
            c01 = b1.fma(x, c01);
            c02 = b2.fma(x, c02);
            c03 = b3.fma(x, c03);
            x = DoubleVector.broadcast(S, a[ai + 1]);
            c10 = b0.fma(x, c10);
            c11 = b1.fma(x, c11);
            c12 = b2.fma(x, c12);
            c13 = b3.fma(x, c13);
            x = DoubleVector.broadcast(S, a[ai + 2]);
            c20 = b0.fma(x, c20);
            c21 = b1.fma(x, c21);
            c22 = b2.fma(x, c22);
            c23 = b3.fma(x, c23);
            x = DoubleVector.broadcast(S, a[ai + 3]);
            c30 = b0.fma(x, c30);
            c31 = b1.fma(x, c31);
            c32 = b2.fma(x, c32);
            c33 = b3.fma(x, c33);
        }
        c00.intoArray(acc, r0);
        c01.intoArray(acc, r0 + L);
        c02.intoArray(acc, r0 + 2 * L);
        c03.intoArray(acc, r0 + 3 * L);
        c10.intoArray(acc, r1);
        c11.intoArray(acc, r1 + L);
        c12.intoArray(acc, r1 + 2 * L);
        c13.intoArray(acc, r1 + 3 * L);
        c20.intoArray(acc, r2);
        c21.intoArray(acc, r2 + L);
        c22.intoArray(acc, r2 + 2 * L);
        c23.intoArray(acc, r2 + 3 * L);
        c30.intoArray(acc, r3);
        c31.intoArray(acc, r3 + L);
        c32.intoArray(acc, r3 + 2 * L);
        c33.intoArray(acc, r3 + 3 * L);
    }

    /** acc rows [t, t + 8), columns [j, j + 2L), held in 16 registers across rows [from, to). */
    private static void outer2x8(double[] a, int k, double[] b, int m, double[] acc, int from, int to, int j, int t) {
        int r = t * m + j;
        DoubleVector c00 = DoubleVector.fromArray(S, acc, r);
        DoubleVector c01 = DoubleVector.fromArray(S, acc, r + L);
        DoubleVector c10 = DoubleVector.fromArray(S, acc, r + m);
        DoubleVector c11 = DoubleVector.fromArray(S, acc, r + m + L);
        DoubleVector c20 = DoubleVector.fromArray(S, acc, r + 2 * m);
        DoubleVector c21 = DoubleVector.fromArray(S, acc, r + 2 * m + L);
        DoubleVector c30 = DoubleVector.fromArray(S, acc, r + 3 * m);
        DoubleVector c31 = DoubleVector.fromArray(S, acc, r + 3 * m + L);
        DoubleVector c40 = DoubleVector.fromArray(S, acc, r + 4 * m);
        DoubleVector c41 = DoubleVector.fromArray(S, acc, r + 4 * m + L);
        DoubleVector c50 = DoubleVector.fromArray(S, acc, r + 5 * m);
        DoubleVector c51 = DoubleVector.fromArray(S, acc, r + 5 * m + L);
        DoubleVector c60 = DoubleVector.fromArray(S, acc, r + 6 * m);
        DoubleVector c61 = DoubleVector.fromArray(S, acc, r + 6 * m + L);
        DoubleVector c70 = DoubleVector.fromArray(S, acc, r + 7 * m);
        DoubleVector c71 = DoubleVector.fromArray(S, acc, r + 7 * m + L);
        for (int i = from; i < to; i++) {
            int in = i * m + j;
            DoubleVector b0 = DoubleVector.fromArray(S, b, in);
            DoubleVector b1 = DoubleVector.fromArray(S, b, in + L);
            int ai = i * k + t;
            DoubleVector x = DoubleVector.broadcast(S, a[ai]);
            c00 = b0.fma(x, c00);
            c01 = b1.fma(x, c01);
            x = DoubleVector.broadcast(S, a[ai + 1]);
            c10 = b0.fma(x, c10);
            c11 = b1.fma(x, c11);
            x = DoubleVector.broadcast(S, a[ai + 2]);
            c20 = b0.fma(x, c20);
            c21 = b1.fma(x, c21);
            x = DoubleVector.broadcast(S, a[ai + 3]);
            c30 = b0.fma(x, c30);
            c31 = b1.fma(x, c31);
            x = DoubleVector.broadcast(S, a[ai + 4]);
            c40 = b0.fma(x, c40);
            c41 = b1.fma(x, c41);
            x = DoubleVector.broadcast(S, a[ai + 5]);
            c50 = b0.fma(x, c50);
            c51 = b1.fma(x, c51);
            x = DoubleVector.broadcast(S, a[ai + 6]);
            c60 = b0.fma(x, c60);
            c61 = b1.fma(x, c61);
            x = DoubleVector.broadcast(S, a[ai + 7]);
            c70 = b0.fma(x, c70);
            c71 = b1.fma(x, c71);
        }
        c00.intoArray(acc, r);
        c01.intoArray(acc, r + L);
        c10.intoArray(acc, r + m);
        c11.intoArray(acc, r + m + L);
        c20.intoArray(acc, r + 2 * m);
        c21.intoArray(acc, r + 2 * m + L);
        c30.intoArray(acc, r + 3 * m);
        c31.intoArray(acc, r + 3 * m + L);
        c40.intoArray(acc, r + 4 * m);
        c41.intoArray(acc, r + 4 * m + L);
        c50.intoArray(acc, r + 5 * m);
        c51.intoArray(acc, r + 5 * m + L);
        c60.intoArray(acc, r + 6 * m);
        c61.intoArray(acc, r + 6 * m + L);
        c70.intoArray(acc, r + 7 * m);
        c71.intoArray(acc, r + 7 * m + L);
    }

    /** acc rows [t, t + 8), columns [j, j + L), held in 8 registers across rows [from, to). */
    private static void outer1x8(double[] a, int k, double[] b, int m, double[] acc, int from, int to, int j, int t) {
        int r = t * m + j;
        DoubleVector c0 = DoubleVector.fromArray(S, acc, r);
        DoubleVector c1 = DoubleVector.fromArray(S, acc, r + m);
        DoubleVector c2 = DoubleVector.fromArray(S, acc, r + 2 * m);
        DoubleVector c3 = DoubleVector.fromArray(S, acc, r + 3 * m);
        DoubleVector c4 = DoubleVector.fromArray(S, acc, r + 4 * m);
        DoubleVector c5 = DoubleVector.fromArray(S, acc, r + 5 * m);
        DoubleVector c6 = DoubleVector.fromArray(S, acc, r + 6 * m);
        DoubleVector c7 = DoubleVector.fromArray(S, acc, r + 7 * m);
        for (int i = from; i < to; i++) {
            DoubleVector b0 = DoubleVector.fromArray(S, b, i * m + j);
            int ai = i * k + t;
            c0 = b0.fma(DoubleVector.broadcast(S, a[ai]), c0);
            c1 = b0.fma(DoubleVector.broadcast(S, a[ai + 1]), c1);
            c2 = b0.fma(DoubleVector.broadcast(S, a[ai + 2]), c2);
            c3 = b0.fma(DoubleVector.broadcast(S, a[ai + 3]), c3);
            c4 = b0.fma(DoubleVector.broadcast(S, a[ai + 4]), c4);
            c5 = b0.fma(DoubleVector.broadcast(S, a[ai + 5]), c5);
            c6 = b0.fma(DoubleVector.broadcast(S, a[ai + 6]), c6);
            c7 = b0.fma(DoubleVector.broadcast(S, a[ai + 7]), c7);
        }
        c0.intoArray(acc, r);
        c1.intoArray(acc, r + m);
        c2.intoArray(acc, r + 2 * m);
        c3.intoArray(acc, r + 3 * m);
        c4.intoArray(acc, r + 4 * m);
        c5.intoArray(acc, r + 5 * m);
        c6.intoArray(acc, r + 6 * m);
        c7.intoArray(acc, r + 7 * m);
    }

    /** acc rows [t0, k), columns [j, j + 4L): a row of b in registers, scattered into acc. */
    private static void denseScatter4(
            double[] a, int k, double[] b, int m, double[] acc, int from, int to, int j, int t0) {
        for (int i = from; i < to; i++) {
            int in = i * m + j;
            DoubleVector b0 = DoubleVector.fromArray(S, b, in);
            DoubleVector b1 = DoubleVector.fromArray(S, b, in + L);
            DoubleVector b2 = DoubleVector.fromArray(S, b, in + 2 * L);
            DoubleVector b3 = DoubleVector.fromArray(S, b, in + 3 * L);
            int a0 = i * k;
            for (int t = t0; t < k; t++) {
                DoubleVector x = DoubleVector.broadcast(S, a[a0 + t]);
                int out = t * m + j;
                b0.fma(x, DoubleVector.fromArray(S, acc, out)).intoArray(acc, out);
                b1.fma(x, DoubleVector.fromArray(S, acc, out + L)).intoArray(acc, out + L);
                b2.fma(x, DoubleVector.fromArray(S, acc, out + 2 * L)).intoArray(acc, out + 2 * L);
                b3.fma(x, DoubleVector.fromArray(S, acc, out + 3 * L)).intoArray(acc, out + 3 * L);
            }
        }
    }

    /** acc rows [t0, k), columns [j, j + 2L). */
    private static void denseScatter2(
            double[] a, int k, double[] b, int m, double[] acc, int from, int to, int j, int t0) {
        for (int i = from; i < to; i++) {
            int in = i * m + j;
            DoubleVector b0 = DoubleVector.fromArray(S, b, in);
            DoubleVector b1 = DoubleVector.fromArray(S, b, in + L);
            int a0 = i * k;
            for (int t = t0; t < k; t++) {
                DoubleVector x = DoubleVector.broadcast(S, a[a0 + t]);
                int out = t * m + j;
                b0.fma(x, DoubleVector.fromArray(S, acc, out)).intoArray(acc, out);
                b1.fma(x, DoubleVector.fromArray(S, acc, out + L)).intoArray(acc, out + L);
            }
        }
    }

    /** acc rows [t0, k), columns [j, j + L). */
    private static void denseScatter1(
            double[] a, int k, double[] b, int m, double[] acc, int from, int to, int j, int t0) {
        for (int i = from; i < to; i++) {
            DoubleVector b0 = DoubleVector.fromArray(S, b, i * m + j);
            int a0 = i * k;
            for (int t = t0; t < k; t++) {
                int out = t * m + j;
                b0.fma(DoubleVector.broadcast(S, a[a0 + t]), DoubleVector.fromArray(S, acc, out))
                        .intoArray(acc, out);
            }
        }
    }

    private static void denseScatterTail(double[] a, int k, double[] b, int m, double[] acc, int from, int to, int j) {
        for (int i = from; i < to; i++) {
            int a0 = i * k;
            int in = i * m;
            for (int t = 0; t < k; t++) {
                double x = a[a0 + t];
                int out = t * m;
                for (int c = j; c < m; c++) {
                    acc[out + c] = Math.fma(x, b[in + c], acc[out + c]);
                }
            }
        }
    }
}
