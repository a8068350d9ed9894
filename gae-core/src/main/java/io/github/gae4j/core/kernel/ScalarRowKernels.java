// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.core.kernel;

import java.util.Arrays;

/** The plain-Java {@link RowKernels}: straightforward loops, no fused multiply-adds. */
public final class ScalarRowKernels implements RowKernels {

    public static final ScalarRowKernels INSTANCE = new ScalarRowKernels();

    private ScalarRowKernels() {}

    @Override
    public void sparseMultiplyRows(
            int[] rowPtr, int[] colIdx, double[] values, double[] b, int k, double[] o, int from, int to) {
        for (int i = from; i < to; i++) {
            int out = i * k;
            Arrays.fill(o, out, out + k, 0.0);
            int end = rowPtr[i + 1];
            for (int p = rowPtr[i]; p < end; p++) {
                axpy(values[p], b, colIdx[p] * k, o, out, k);
            }
        }
    }

    @Override
    public void sparseTransposeMultiplyRows(
            int[] rowPtr, int[] colIdx, double[] values, double[] g, int k, double[] acc, int from, int to) {
        for (int i = from; i < to; i++) {
            int in = i * k;
            int end = rowPtr[i + 1];
            for (int p = rowPtr[i]; p < end; p++) {
                axpy(values[p], g, in, acc, colIdx[p] * k, k);
            }
        }
    }

    @Override
    public void multiplyRows(double[] a, int k, double[] b, int m, double[] o, int from, int to) {
        for (int i = from; i < to; i++) {
            int out = i * m;
            int ai = i * k;
            Arrays.fill(o, out, out + m, 0.0);
            for (int t = 0; t < k; t++) {
                axpy(a[ai + t], b, t * m, o, out, m);
            }
        }
    }

    @Override
    public void transposeMultiplyRows(double[] a, int k, double[] b, int m, double[] acc, int from, int to) {
        for (int i = from; i < to; i++) {
            int ai = i * k;
            int bi = i * m;
            for (int t = 0; t < k; t++) {
                axpy(a[ai + t], b, bi, acc, t * m, m);
            }
        }
    }

    @Override
    public String describe() {
        return "plain Java";
    }

    @Override
    public String toString() {
        return "ScalarRowKernels";
    }

    /** y[yo..yo+len) += alpha · x[xo..xo+len). */
    private static void axpy(double alpha, double[] x, int xo, double[] y, int yo, int len) {
        for (int t = 0; t < len; t++) {
            y[yo + t] += alpha * x[xo + t];
        }
    }
}
