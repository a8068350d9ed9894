// SPDX-License-Identifier: Apache-2.0
package com.example.gae.sage;

import io.github.gae4j.core.autodiff.Variable;
import io.github.gae4j.core.autodiff.Weights;
import io.github.gae4j.core.autodiff.functions.Add;
import io.github.gae4j.core.autodiff.functions.MatMul;
import io.github.gae4j.core.autodiff.functions.Relu;
import io.github.gae4j.core.autodiff.functions.SparseMatMul;
import io.github.gae4j.core.optim.GlorotUniform;
import io.github.gae4j.core.spi.Encoder;
import io.github.gae4j.core.spi.Encoding;
import io.github.gae4j.core.spi.GraphInput;
import io.github.gae4j.core.spi.Mode;
import io.github.gae4j.core.tensor.SparseMatrix;
import java.util.List;
import java.util.Locale;
import java.util.random.RandomGenerator;

/**
 * Two layers of GraphSAGE with the mean aggregator and no neighbour sampling (Hamilton et al. 2017):
 * <pre>
 *   H = ReLU(X W_self + M X W_neigh)
 *   Z = H V_self + M H V_neigh
 * </pre>
 * where M = D⁻¹ A is the row-normalised adjacency (a node's mean over its neighbours; a node without
 * neighbours aggregates to 0). Self and neighbour terms have separate weights, as in GraphSAGE's
 * concatenation form. Glorot-uniform weights, no bias. Deterministic: the encoding has no log σ.
 *
 * <p>Only the public gae-core API is used: {@link Weights}, the autodiff functions, {@link SparseMatrix}.
 */
public final class SageMeanEncoder implements Encoder {

    private final Weights wSelf;
    private final Weights wNeigh;
    private final Weights vSelf;
    private final Weights vNeigh;

    /** M for the last adjacency seen; rebuilt only when another adjacency instance arrives. */
    private volatile CachedMean cache;

    private record CachedMean(SparseMatrix adjacency, SparseMatrix mean) {}

    /** W_self, W_neigh (inputDim × hidden) then V_self, V_neigh (hidden × latent), drawn in that order. */
    public SageMeanEncoder(int inputDim, int hidden, int latent, RandomGenerator random) {
        if (inputDim < 1 || hidden < 1 || latent < 1) {
            throw new IllegalArgumentException(String.format(
                    Locale.ROOT, "Sizes must be positive: input %d, hidden %d, latent %d", inputDim, hidden, latent));
        }
        this.wSelf = new Weights("sage.W_self", GlorotUniform.sample(inputDim, hidden, random));
        this.wNeigh = new Weights("sage.W_neigh", GlorotUniform.sample(inputDim, hidden, random));
        this.vSelf = new Weights("sage.V_self", GlorotUniform.sample(hidden, latent, random));
        this.vNeigh = new Weights("sage.V_neigh", GlorotUniform.sample(hidden, latent, random));
    }

    @Override
    public Encoding encode(GraphInput input, Mode mode) {
        if (input.features().dim() != wSelf.rows()) {
            throw new IllegalArgumentException(String.format(
                    Locale.ROOT,
                    "Encoder was built for %d input features but the graph has %d",
                    wSelf.rows(),
                    input.features().dim()));
        }
        SparseMatrix mean = meanAggregation(input.graph().adjacency());
        // M (X W) rather than (M X) W: the sparse product always gets the narrow dense operand. featuresTimes (not
        // FeaturesTimes.of(features(), w)) so that a learned [MASK] token of feature-mask reaches this encoder too.
        Variable h = Relu.of(Add.of(input.featuresTimes(wSelf), SparseMatMul.of(mean, input.featuresTimes(wNeigh))));
        Variable z = Add.of(MatMul.of(h, vSelf), SparseMatMul.of(mean, MatMul.of(h, vNeigh)));
        return Encoding.deterministic(z);
    }

    private SparseMatrix meanAggregation(SparseMatrix adjacency) {
        CachedMean c = cache;
        if (c == null || c.adjacency() != adjacency) {
            c = new CachedMean(adjacency, rowNormalized(adjacency));
            cache = c;
        }
        return c.mean();
    }

    /** D⁻¹ A in CSR, D the row sums of A; rows whose sum is not positive are left empty (aggregate to 0). */
    static SparseMatrix rowNormalized(SparseMatrix a) {
        int n = a.rows();
        int[] rowPtr = new int[n + 1];
        for (int i = 0; i < n; i++) {
            rowPtr[i + 1] = rowPtr[i] + (rowSum(a, i) > 0 ? a.rowNnz(i) : 0);
        }
        int[] colIdx = new int[rowPtr[n]];
        double[] values = new double[rowPtr[n]];
        for (int i = 0; i < n; i++) {
            double sum = rowSum(a, i);
            if (sum > 0) {
                int out = rowPtr[i];
                for (int q = a.rowStart(i); q < a.rowEnd(i); q++, out++) {
                    colIdx[out] = a.colAt(q);
                    values[out] = a.valueAt(q) / sum;
                }
            }
        }
        return SparseMatrix.ofCsr(n, a.cols(), rowPtr, colIdx, values);
    }

    private static double rowSum(SparseMatrix a, int row) {
        double sum = 0;
        for (int q = a.rowStart(row); q < a.rowEnd(row); q++) {
            sum += a.valueAt(q);
        }
        return sum;
    }

    @Override
    public List<Weights> weights() {
        return List.of(wSelf, wNeigh, vSelf, vNeigh);
    }

    @Override
    public int latentDim() {
        return vSelf.cols();
    }
}
