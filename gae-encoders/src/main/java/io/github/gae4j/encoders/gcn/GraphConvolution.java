// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.encoders.gcn;

import io.github.gae4j.core.autodiff.Constant;
import io.github.gae4j.core.autodiff.Variable;
import io.github.gae4j.core.autodiff.Weights;
import io.github.gae4j.core.autodiff.functions.Add;
import io.github.gae4j.core.autodiff.functions.AddBias;
import io.github.gae4j.core.autodiff.functions.BatchNorm;
import io.github.gae4j.core.autodiff.functions.Dropout;
import io.github.gae4j.core.autodiff.functions.LayerNorm;
import io.github.gae4j.core.autodiff.functions.MatMul;
import io.github.gae4j.core.autodiff.functions.ScaleColumns;
import io.github.gae4j.core.autodiff.functions.SparseMatMul;
import io.github.gae4j.core.optim.GlorotUniform;
import io.github.gae4j.core.spi.GraphInput;
import io.github.gae4j.core.spi.LayerwiseInference;
import io.github.gae4j.core.spi.StepwiseEncoder.Propagate;
import io.github.gae4j.core.spi.StepwiseEncoder.RowLocal;
import io.github.gae4j.core.spi.StepwiseEncoder.Step;
import io.github.gae4j.core.tensor.Matrix;
import io.github.gae4j.encoders.gcn.GcnOptions.Norm;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * One graph convolution P = Â · drop(H) · W (+ b). A hidden layer goes on to
 * act(norm(P)) (+ H when it has a residual connection); an output layer (μ, log σ, Z) stops at P, unless
 * the options ask to activate it ({@code activate-output}: act(norm(P)), never residual).
 * With the options at their defaults this is exactly Â · H · W, and only W is drawn from the random
 * source (bias 0, gain 1, shift 0), so turning bias or norm on leaves W unchanged.
 *
 * <p>Dropout draws its mask from the random source passed to {@code apply}; {@code null} means no
 * dropout (evaluation, or the two-argument {@code encode}).
 */
public final class GraphConvolution {

    private final Weights weight;
    private final Weights bias;
    private final Weights gain;
    private final Weights shift;
    private final Norm norm;
    private final double dropout;
    private final Activation activation;
    private final Weights slope;
    private final boolean residual;

    /**
     * @param activation null for a plain output layer (no norm, no activation)
     * @param slope      the activation's parameter (PReLU's slope), or null
     */
    private GraphConvolution(
            Weights weight,
            Weights bias,
            Weights gain,
            Weights shift,
            Norm norm,
            double dropout,
            Activation activation,
            Weights slope,
            boolean residual) {
        this.weight = weight;
        this.bias = bias;
        this.gain = gain;
        this.shift = shift;
        this.norm = norm;
        this.dropout = dropout;
        this.activation = activation;
        this.slope = slope;
        this.residual = residual;
    }

    /**
     * Hidden layer {@code index}: weights {@code <prefix>.W<index>}, and as the options ask
     * {@code <prefix>.b<index>}, {@code <prefix>.gain<index>}, {@code <prefix>.shift<index>},
     * {@code <prefix>.prelu<index>}.
     *
     * @param hiddenInput whether the input is a hidden layer (not X): only then can it be residual
     */
    public static GraphConvolution hidden(
            String prefix,
            int index,
            int in,
            int out,
            boolean hiddenInput,
            GcnOptions options,
            RandomGenerator random) {
        return layer(
                prefix,
                String.valueOf(index),
                in,
                out,
                options,
                random,
                true,
                options.residual() && hiddenInput && in == out);
    }

    /**
     * An output layer: weight {@code <prefix>.W<suffix>}, and {@code <prefix>.b<suffix>} if the options ask
     * for a bias. Without {@code activate-output} it has no norm, activation or residual; with it, it is
     * normalised and activated as a hidden layer (gain and shift {@code <prefix>.gain<suffix>},
     * {@code <prefix>.shift<suffix>}), never residual.
     */
    public static GraphConvolution output(
            String prefix, String suffix, int in, int out, GcnOptions options, RandomGenerator random) {
        return layer(prefix, suffix, in, out, options, random, options.activateOutput(), false);
    }

    /** W (the only draw), then bias, and gain and shift when {@code activated} and the options normalise. */
    private static GraphConvolution layer(
            String prefix,
            String suffix,
            int in,
            int out,
            GcnOptions options,
            RandomGenerator random,
            boolean activated,
            boolean residual) {
        Weights w = new Weights(prefix + ".W" + suffix, GlorotUniform.sample(in, out, random));
        Weights b = options.bias() ? new Weights(prefix + ".b" + suffix, Matrix.zeros(1, out)) : null;
        Norm norm = activated ? options.norm() : Norm.NONE;
        Weights g = null;
        Weights s = null;
        if (norm != Norm.NONE) {
            double[] ones = new double[out];
            Arrays.fill(ones, 1.0);
            g = new Weights(prefix + ".gain" + suffix, Matrix.wrapRowMajor(1, out, ones));
            s = new Weights(prefix + ".shift" + suffix, Matrix.zeros(1, out));
        }
        Activation activation = activated ? options.activation() : null;
        Weights slope = activation == null ? null : activation.parameter(prefix + ".prelu" + suffix);
        return new GraphConvolution(w, b, g, s, norm, options.dropout(), activation, slope, residual);
    }

    /**
     * The layer on the input features X (dropout drops stored entries of X, see {@link FeatureDropout}; a mask
     * token, added after, is not dropped).
     */
    public Variable applyToFeatures(GraphInput input, RandomGenerator dropoutRandom) {
        GcnEncoder.requireInputDim(input, weight);
        GraphInput in = dropoutRandom == null || dropout == 0
                ? input
                : input.withFeatures(FeatureDropout.apply(input.features(), dropout, dropoutRandom));
        return finish(GcnEncoder.propagateFeatures(in, weight), null);
    }

    /** The layer on a hidden representation {@code h}; {@code h} null means on X ({@link #applyToFeatures}). */
    public Variable apply(GraphInput input, Variable h, RandomGenerator dropoutRandom) {
        if (h == null) {
            return applyToFeatures(input, dropoutRandom);
        }
        Variable in = dropoutRandom == null || dropout == 0 ? h : Dropout.of(h, dropout, dropoutRandom);
        return finish(GcnEncoder.propagate(input, in, weight), h);
    }

    /**
     * The layer over all nodes in evaluation (no dropout), block by block ({@link LayerwiseInference#byRows}): H·W
     * (X·W for {@code h} null) once, then each block's rows of Â · (H·W) finished as {@link #apply} does, with the
     * same operations on the same rows. Batch norm needs every row's statistics, so it runs as one block.
     */
    public Matrix infer(GraphInput input, Matrix h, LayerwiseInference run) {
        Variable hw;
        if (h == null) {
            GcnEncoder.requireInputDim(input, weight);
            hw = input.featuresTimes(weight);
        } else {
            hw = MatMul.of(Constant.of(h), weight);
        }
        Constant product = Constant.of(run.evaluate(hw));
        return run.byRows(
                input.nodeCount(),
                outputDim(),
                norm != Norm.BATCH,
                rows -> finish(
                        SparseMatMul.of(rows.of(input.normalizedAdjacency()), product),
                        residual && h != null ? rows.of(h) : null));
    }

    /**
     * This layer in evaluation as {@link io.github.gae4j.core.spi.StepwiseEncoder} steps: H·W, Â, then
     * {@link #finish} (bias, norm, activation); empty with batch norm (not row-local) or a residual connection (it
     * needs H after the propagation).
     */
    public Optional<List<Step>> steps() {
        if (norm == Norm.BATCH || residual) {
            return Optional.empty();
        }
        return Optional.of(List.of(
                new RowLocal(outputDim(), h -> MatMul.of(h, weight)),
                new Propagate(),
                new RowLocal(outputDim(), p -> finish(p, null))));
    }

    private Variable finish(Variable p, Variable layerInput) {
        Variable out = bias == null ? p : AddBias.of(p, bias);
        if (activation == null) {
            return out;
        }
        out = switch (norm) {
            case NONE -> out;
            case BATCH -> AddBias.of(ScaleColumns.of(BatchNorm.of(out), gain), shift);
            case LAYER -> AddBias.of(ScaleColumns.of(LayerNorm.of(out), gain), shift);
        };
        out = activation.apply(out, slope);
        return residual && layerInput != null ? Add.of(out, layerInput) : out;
    }

    /** W, then bias, gain, shift and the PReLU slope where present. */
    public List<Weights> weights() {
        List<Weights> out = new ArrayList<>(4);
        out.add(weight);
        for (Weights w : new Weights[] {bias, gain, shift, slope}) {
            if (w != null) {
                out.add(w);
            }
        }
        return out;
    }

    public int inputDim() {
        return weight.rows();
    }

    public int outputDim() {
        return weight.cols();
    }
}
