// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.encoders.gat;

import io.github.gae4j.core.autodiff.Variable;
import io.github.gae4j.core.autodiff.Weights;
import io.github.gae4j.core.autodiff.functions.Add;
import io.github.gae4j.core.autodiff.functions.AddBias;
import io.github.gae4j.core.autodiff.functions.AttentionPattern;
import io.github.gae4j.core.autodiff.functions.ColumnSlice;
import io.github.gae4j.core.autodiff.functions.Dropout;
import io.github.gae4j.core.autodiff.functions.GraphAttention;
import io.github.gae4j.core.autodiff.functions.MatMul;
import io.github.gae4j.core.autodiff.functions.Scale;
import io.github.gae4j.core.optim.GlorotUniform;
import io.github.gae4j.core.spi.GraphInput;
import io.github.gae4j.core.tensor.Matrix;
import io.github.gae4j.encoders.gcn.Activation;
import io.github.gae4j.encoders.gcn.FeatureDropout;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * One graph-attention layer (Veličković et al. 2018) over the edges of Ã = A + I:
 * x = drop(H) W (N × heads·F); e_ij = LeakyReLU(a_srcᵀ x_j + a_dstᵀ x_i) per head; α = softmax of e over
 * each node's incoming edges, then attention dropout; out_i = Σ_j α_ij x_j per head; the heads concatenated
 * (hidden layers) or averaged (the output layer unless {@code concat-out}); then + the residual (drop(H) itself
 * where the widths match, else drop(H) W_res), + bias, and the activation (hidden layers only).
 *
 * <p>Weights, drawn in this order from the random source: {@code <prefix>.W<i>} (Glorot, in × heads·F),
 * {@code <prefix>.attSrc<i>} and {@code <prefix>.attDst<i>} (Glorot over heads × F, stored 1 × heads·F),
 * {@code <prefix>.Wres<i>} (Glorot, residual projection, when asked for and the widths differ); then
 * {@code <prefix>.b<i>} (zeros) when asked for.
 */
final class GatLayer {

    private final Weights weight;
    private final Weights attSrc;
    private final Weights attDst;
    private final Weights residualWeight;
    private final boolean identityResidual;
    private final Weights bias;
    private final int heads;
    private final int headWidth;
    private final boolean concat;
    private final Activation activation;
    private final Weights slope;
    private final double negativeSlope;
    private final double featDropout;
    private final double attnDropout;

    /**
     * @param activation null for a plain output layer
     */
    GatLayer(
            String prefix,
            int index,
            int in,
            int heads,
            int headWidth,
            boolean concat,
            Activation activation,
            GatOptions options,
            RandomGenerator random) {
        String suffix = String.valueOf(index);
        this.heads = heads;
        this.headWidth = headWidth;
        this.concat = concat;
        this.activation = activation;
        this.negativeSlope = options.negativeSlope();
        this.featDropout = options.featDropout();
        this.attnDropout = options.attnDropout();
        this.weight = new Weights(prefix + ".W" + suffix, GlorotUniform.sample(in, heads * headWidth, random));
        this.attSrc = new Weights(prefix + ".attSrc" + suffix, attention(heads, headWidth, random));
        this.attDst = new Weights(prefix + ".attDst" + suffix, attention(heads, headWidth, random));
        int out = outputDim();
        this.identityResidual = options.residual() && in == out;
        this.residualWeight = options.residual() && in != out
                ? new Weights(prefix + ".Wres" + suffix, GlorotUniform.sample(in, out, random))
                : null;
        this.bias = options.bias() ? new Weights(prefix + ".b" + suffix, Matrix.zeros(1, out)) : null;
        this.slope = activation == null ? null : activation.parameter(prefix + ".prelu" + suffix);
    }

    /** Glorot-uniform over heads × F (as PyG's GATConv), laid out as one 1 × heads·F row. */
    private static Matrix attention(int heads, int width, RandomGenerator random) {
        return Matrix.wrapRowMajor(
                1, heads * width, GlorotUniform.sample(heads, width, random).toRowMajor());
    }

    /**
     * The layer on the input's features X (with its mask token, if any, which dropout leaves alone);
     * {@code dropoutRandom} null means no dropout.
     */
    Variable applyToFeatures(GraphInput input, AttentionPattern pattern, RandomGenerator dropoutRandom) {
        GraphInput in = dropoutRandom == null || featDropout == 0
                ? input
                : input.withFeatures(FeatureDropout.apply(input.features(), featDropout, dropoutRandom));
        Variable x = in.featuresTimes(weight);
        Variable residual = null;
        if (identityResidual) {
            residual = in.denseFeatures();
        } else if (residualWeight != null) {
            residual = in.featuresTimes(residualWeight);
        }
        return attend(x, residual, pattern, dropoutRandom);
    }

    /** The layer on a hidden representation {@code h}; {@code dropoutRandom} null means no dropout. */
    Variable apply(Variable h, AttentionPattern pattern, RandomGenerator dropoutRandom) {
        Variable in = dropoutRandom == null || featDropout == 0 ? h : Dropout.of(h, featDropout, dropoutRandom);
        Variable x = MatMul.of(in, weight);
        Variable residual = null;
        if (identityResidual) {
            residual = in;
        } else if (residualWeight != null) {
            residual = MatMul.of(in, residualWeight);
        }
        return attend(x, residual, pattern, dropoutRandom);
    }

    private Variable attend(Variable x, Variable residual, AttentionPattern pattern, RandomGenerator dropoutRandom) {
        Variable out =
                GraphAttention.aggregate(pattern, x, attSrc, attDst, heads, negativeSlope, attnDropout, dropoutRandom);
        if (!concat && heads > 1) {
            out = meanOfHeads(out);
        }
        if (residual != null) {
            out = Add.of(out, residual);
        }
        if (bias != null) {
            out = AddBias.of(out, bias);
        }
        if (activation == null) {
            return out;
        }
        return activation.apply(out, slope);
    }

    private Variable meanOfHeads(Variable out) {
        Variable sum = ColumnSlice.of(out, 0, headWidth);
        for (int k = 1; k < heads; k++) {
            sum = Add.of(sum, ColumnSlice.of(out, k * headWidth, (k + 1) * headWidth));
        }
        return Scale.of(sum, 1.0 / heads);
    }

    /** W, attSrc, attDst, then Wres, b and the PReLU slope where present. */
    List<Weights> weights() {
        List<Weights> out = new ArrayList<>(5);
        out.add(weight);
        out.add(attSrc);
        out.add(attDst);
        if (residualWeight != null) {
            out.add(residualWeight);
        }
        if (bias != null) {
            out.add(bias);
        }
        if (slope != null) {
            out.add(slope);
        }
        return out;
    }

    int inputDim() {
        return weight.rows();
    }

    /** heads·F when the heads are concatenated, else F. */
    int outputDim() {
        return concat ? heads * headWidth : headWidth;
    }
}
