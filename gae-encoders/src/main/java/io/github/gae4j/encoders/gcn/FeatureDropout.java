// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.encoders.gcn;

import io.github.gae4j.core.autodiff.functions.Dropout;
import io.github.gae4j.core.graph.Features;
import io.github.gae4j.core.tensor.Matrix;
import io.github.gae4j.core.tensor.SparseMatrix;
import java.util.random.RandomGenerator;

/**
 * Inverted dropout of the input features X for one training pass. X is a constant, so the dropped
 * copy is built directly (no autodiff op) in its own kind: sparse X keeps its sparsity and draws one
 * mask entry per stored value in CSR order (the reference code's sparse dropout; zeros would stay
 * zero anyway), dense X one per entry in row-major order, X = I one per diagonal entry. The masks
 * come from {@link Dropout#mask}, so a rate of 0 draws nothing.
 */
public final class FeatureDropout {

    private FeatureDropout() {}

    public static Features apply(Features x, double rate, RandomGenerator random) {
        Dropout.requireRate(rate);
        if (rate == 0) {
            return x;
        }
        double scale = 1.0 / (1.0 - rate);
        if (x instanceof Features.Sparse sparse) {
            return Features.sparse(dropStored(sparse.matrix(), rate, scale, random));
        }
        if (x instanceof Features.Identity identity) {
            return Features.sparse(dropStored(SparseMatrix.identity(identity.rows()), rate, scale, random));
        }
        Matrix dense = x.toDense();
        boolean[] keep = Dropout.mask(dense.data().length, rate, random);
        double[] src = dense.data();
        double[] out = new double[src.length];
        for (int k = 0; k < src.length; k++) {
            out[k] = keep[k] ? src[k] * scale : 0.0;
        }
        return Features.dense(Matrix.wrapRowMajor(dense.rows(), dense.cols(), out));
    }

    /** The kept stored entries, scaled; dropped ones are removed from the structure. */
    private static SparseMatrix dropStored(SparseMatrix s, double rate, double scale, RandomGenerator random) {
        boolean[] keep = Dropout.mask(s.nnz(), rate, random);
        int kept = 0;
        for (boolean k : keep) {
            kept += k ? 1 : 0;
        }
        int[] rowPtr = new int[s.rows() + 1];
        int[] colIdx = new int[kept];
        double[] values = new double[kept];
        int out = 0;
        for (int i = 0; i < s.rows(); i++) {
            for (int p = s.rowStart(i); p < s.rowEnd(i); p++) {
                if (keep[p]) {
                    colIdx[out] = s.colAt(p);
                    values[out] = s.valueAt(p) * scale;
                    out++;
                }
            }
            rowPtr[i + 1] = out;
        }
        return SparseMatrix.ofCsr(s.rows(), s.cols(), rowPtr, colIdx, values);
    }
}
