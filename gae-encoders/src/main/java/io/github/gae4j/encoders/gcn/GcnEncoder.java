// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.encoders.gcn;

import io.github.gae4j.core.autodiff.Constant;
import io.github.gae4j.core.autodiff.Variable;
import io.github.gae4j.core.autodiff.Weights;
import io.github.gae4j.core.autodiff.functions.MatMul;
import io.github.gae4j.core.autodiff.functions.Relu;
import io.github.gae4j.core.autodiff.functions.SparseMatMul;
import io.github.gae4j.core.spi.Encoder;
import io.github.gae4j.core.spi.Encoding;
import io.github.gae4j.core.spi.GraphInput;
import io.github.gae4j.core.spi.LayerwiseEncoder;
import io.github.gae4j.core.spi.LayerwiseInference;
import io.github.gae4j.core.spi.Mode;
import io.github.gae4j.core.spi.StepwiseEncoder;
import io.github.gae4j.core.tensor.Matrix;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * The GCN encoder of GAE: Z = Â · ReLU(Â X W0) · W1 with the default {@link GcnOptions} (Glorot-uniform
 * weights {@code gcn.W0}, {@code gcn.W1}, no bias). More hidden layers, dropout, normalisation, residual
 * connections and biases come from the options; the output layer is {@code gcn.W<number of hidden layers>}.
 * Products are ordered so that every sparse product has the narrow dense operand on the right.
 *
 * <p>Dropout is applied only by {@link #encode(GraphInput, Mode, RandomGenerator)} in {@link Mode#TRAIN},
 * with masks drawn from that random source; {@link #encode(GraphInput, Mode)} and evaluation never drop.
 */
public final class GcnEncoder implements Encoder, LayerwiseEncoder, StepwiseEncoder {

    private final HiddenLayers hidden;
    private final GraphConvolution output;
    private final List<Weights> weights;

    /** W0 (inputDim × hidden) then W1 (hidden × latent) drawn from {@code random}. */
    public GcnEncoder(int inputDim, int hidden, int latent, RandomGenerator random) {
        this(inputDim, checkedDefaults(inputDim, hidden, latent), latent, random);
    }

    /** The hidden layers' W in order, then the output W, drawn from {@code random}. */
    public GcnEncoder(int inputDim, GcnOptions options, int latent, RandomGenerator random) {
        requirePositive(
                inputDim,
                options.hidden().stream().mapToInt(Integer::intValue).min().orElse(1),
                latent);
        this.hidden = new HiddenLayers("gcn", inputDim, options, random);
        this.output = GraphConvolution.output(
                "gcn", String.valueOf(options.hidden().size()), hidden.width(), latent, options, random);
        List<Weights> all = new ArrayList<>(hidden.weights());
        all.addAll(output.weights());
        this.weights = List.copyOf(all);
    }

    private static GcnOptions checkedDefaults(int inputDim, int hidden, int latent) {
        requirePositive(inputDim, hidden, latent);
        return GcnOptions.defaults().withHidden(hidden);
    }

    /** Layer sizes must be positive. */
    public static void requirePositive(int inputDim, int hidden, int latent) {
        if (inputDim < 1 || hidden < 1 || latent < 1) {
            throw new IllegalArgumentException(String.format(
                    Locale.ROOT, "Sizes must be positive: input %d, hidden %d, latent %d", inputDim, hidden, latent));
        }
    }

    /** Without a random source: no dropout, in either mode. */
    @Override
    public Encoding encode(GraphInput input, Mode mode) {
        return encoding(input, null);
    }

    /** Dropout (if its rate is positive) in {@link Mode#TRAIN}, with masks drawn from {@code random}. */
    @Override
    public Encoding encode(GraphInput input, Mode mode, RandomGenerator random) {
        Objects.requireNonNull(random, "random is null");
        return encoding(input, mode == Mode.TRAIN ? random : null);
    }

    private Encoding encoding(GraphInput input, RandomGenerator dropoutRandom) {
        return Encoding.deterministic(output.apply(input, hidden.apply(input, dropoutRandom), dropoutRandom));
    }

    /** μ of {@link #encode(GraphInput, Mode)}, layer by layer ({@link HiddenLayers#infer}, {@link GraphConvolution#infer}). */
    @Override
    public Encoding encodeLayerwise(GraphInput input, int chunkRows) {
        return Encoding.deterministic(LayerwiseInference.deferred(
                input.nodeCount(), latentDim(), chunkRows, run -> output.infer(input, hidden.infer(input, run), run)));
    }

    /** H = ReLU(Â X W0), the first layer of the default encoders. */
    public static Variable hiddenLayer(GraphInput input, Weights w0) {
        requireInputDim(input, w0);
        return Relu.of(propagateFeatures(input, w0));
    }

    /**
     * Â X W, with the narrow product X W taken first (the linear encoders' layer); X W comes from
     * {@link GraphInput#featuresTimes}, so a corruption's [MASK] token is in it.
     */
    public static Variable propagateFeatures(GraphInput input, Weights w) {
        requireInputDim(input, w);
        return SparseMatMul.of(input.normalizedAdjacency(), input.featuresTimes(w));
    }

    /**
     * {@link #propagateFeatures} over all nodes in evaluation, block by block: X W once, then each block's rows of
     * Â · (X W) by the same sparse product.
     */
    public static Matrix inferPropagateFeatures(GraphInput input, Weights w, LayerwiseInference run) {
        requireInputDim(input, w);
        Constant xw = Constant.of(run.evaluate(input.featuresTimes(w)));
        return run.byRows(
                input.nodeCount(), w.cols(), true, rows -> SparseMatMul.of(rows.of(input.normalizedAdjacency()), xw));
    }

    /** Â H W, with the narrow product H W taken first. */
    public static Variable propagate(GraphInput input, Variable h, Weights w) {
        return SparseMatMul.of(input.normalizedAdjacency(), MatMul.of(h, w));
    }

    /** Fails clearly when the features do not match the first layer. */
    public static void requireInputDim(GraphInput input, Weights first) {
        if (input.features().dim() != first.rows()) {
            throw new IllegalArgumentException(String.format(
                    Locale.ROOT,
                    "Encoder was built for %d input features but the graph has %d",
                    first.rows(),
                    input.features().dim()));
        }
    }

    /** μ in evaluation as steps: each layer's H·W, Â, finish; empty with batch norm or residual connections. */
    @Override
    public Optional<List<Step>> evaluationSteps() {
        return hidden.steps(output.steps());
    }

    @Override
    public List<Weights> weights() {
        return weights;
    }

    @Override
    public int latentDim() {
        return output.outputDim();
    }
}
