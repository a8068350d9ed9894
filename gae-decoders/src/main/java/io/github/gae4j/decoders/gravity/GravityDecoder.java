// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.decoders.gravity;

import io.github.gae4j.core.autodiff.Constant;
import io.github.gae4j.core.autodiff.Variable;
import io.github.gae4j.core.autodiff.functions.ColumnSlice;
import io.github.gae4j.core.autodiff.functions.RowL2Normalize;
import io.github.gae4j.core.error.GaeException;
import io.github.gae4j.core.graph.EdgeList;
import io.github.gae4j.core.spi.Decoder;
import io.github.gae4j.core.spi.FusedFullGraphLoss;
import io.github.gae4j.core.spi.PairScorer;
import io.github.gae4j.core.tensor.Matrix;
import io.github.gae4j.core.tensor.SparseMatrix;
import java.util.Locale;

/**
 * The gravity-inspired decoder of Salha et al., "Gravity-Inspired Graph Autoencoders for Directed
 * Link Prediction" (CIKM 2019): Z has d + 1 columns, the first d the position z_i of node i, the
 * last its mass m̃_i, and
 *
 * <pre>  p(i → j) = σ(m̃_j − λ · log(‖z_i − z_j‖² + ε))</pre>
 *
 * (the reference code's training formula; with {@code normalize} the positions are scaled to unit
 * norm first, as its {@code --normalize}). Asymmetric: (i, j) and (j, i) differ by m̃_j − m̃_i. Pairs
 * are scored exactly; the full graph by a fused kernel over all N² ordered pairs that never
 * materialises N×N ({@link GravityFullGraphBce}). The reference's evaluation uses (ε + ‖z_i − z_j‖)²
 * instead of ‖z_i − z_j‖² + ε; we score test pairs with the training formula.
 */
public final class GravityDecoder implements Decoder, FusedFullGraphLoss {

    private final double lambda;
    private final double epsilon;
    private final boolean normalize;

    /**
     * @param lambda    λ, the weight of the distance term against the mass (the paper's λ; 1 in its
     *                  task 1 and 3 settings on Cora and CiteSeer, 0.05 in task 2)
     * @param epsilon   ε &gt; 0 added to squared distances (the reference's default 0.01)
     * @param normalize scale the positions to unit norm before measuring distances
     */
    public GravityDecoder(double lambda, double epsilon, boolean normalize) {
        if (!Double.isFinite(lambda) || !(epsilon > 0) || !Double.isFinite(epsilon)) {
            throw new IllegalArgumentException(String.format(
                    Locale.ROOT,
                    "lambda must be finite and epsilon positive and finite, got %s and %s",
                    lambda,
                    epsilon));
        }
        this.lambda = lambda;
        this.epsilon = epsilon;
        this.normalize = normalize;
    }

    public double lambda() {
        return lambda;
    }

    public double epsilon() {
        return epsilon;
    }

    public boolean normalize() {
        return normalize;
    }

    /** The positions: the first d columns of z, unit-normalised if {@link #normalize()}. */
    public Variable positions(Variable z) {
        requireWidth(z);
        Variable p = ColumnSlice.of(z, 0, z.cols() - 1);
        return normalize ? RowL2Normalize.of(p) : p;
    }

    /** The masses m̃: the last column of z. */
    public Variable masses(Variable z) {
        requireWidth(z);
        return ColumnSlice.of(z, z.cols() - 1, z.cols());
    }

    @Override
    public Variable logits(Variable z, EdgeList pairs) {
        return GravityLogits.of(positions(z), masses(z), pairs, lambda, epsilon);
    }

    /**
     * Directed scores m̃_v − λ log(‖p_u − p_v‖² + ε) computed directly. Not an inner product (the distance
     * term is a nearest-neighbour search, the mass a per-target bias), so search over it is exact.
     */
    @Override
    public PairScorer scorer(Matrix z) {
        requireWidth(Constant.of(z));
        int d = z.cols() - 1;
        double[] positions = new double[z.rows() * d];
        double[] masses = new double[z.rows()];
        for (int i = 0; i < z.rows(); i++) {
            System.arraycopy(z.data(), i * z.cols(), positions, i * d, d);
            masses[i] = z.get(i, d);
            if (normalize) {
                double norm = 0;
                for (int c = 0; c < d; c++) {
                    norm += positions[i * d + c] * positions[i * d + c];
                }
                double scale = 1 / Math.max(Math.sqrt(norm), RowL2Normalize.MIN_NORM);
                for (int c = 0; c < d; c++) {
                    positions[i * d + c] *= scale;
                }
            }
        }
        return new GravityScorer(positions, masses, d, lambda, epsilon);
    }

    @Override
    public Variable fullGraphBce(Variable z, SparseMatrix target, double posWeight, double norm) {
        return GravityFullGraphBce.of(positions(z), masses(z), target, posWeight, norm, lambda, epsilon);
    }

    private static void requireWidth(Variable z) {
        if (z.cols() < 2) {
            throw new GaeException(String.format(
                    Locale.ROOT,
                    "Decoder 'gravity' needs embeddings of at least 2 columns (positions and the mass, the last"
                            + " column), got %s; set the encoder's latent size to d + 1, e.g. 33 for d = 32",
                    z.shape()));
        }
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "GravityDecoder[λ=%s, ε=%s, normalize=%s]", lambda, epsilon, normalize);
    }
}
