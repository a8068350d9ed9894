// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.encoders.vgae;

import io.github.gae4j.core.autodiff.Constant;
import io.github.gae4j.core.autodiff.Variable;
import io.github.gae4j.core.autodiff.Weights;
import io.github.gae4j.core.autodiff.functions.Clamp;
import io.github.gae4j.core.spi.Encoder;
import io.github.gae4j.core.spi.Encoding;
import io.github.gae4j.core.spi.GraphInput;
import io.github.gae4j.core.spi.LayerwiseEncoder;
import io.github.gae4j.core.spi.LayerwiseInference;
import io.github.gae4j.core.spi.Mode;
import io.github.gae4j.core.spi.StepwiseEncoder;
import io.github.gae4j.core.tensor.Matrix;
import io.github.gae4j.encoders.gcn.GcnEncoder;
import io.github.gae4j.encoders.gcn.GcnOptions;
import io.github.gae4j.encoders.gcn.GraphConvolution;
import io.github.gae4j.encoders.gcn.HiddenLayers;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * The variational GCN encoder of VGAE: H = ReLU(Â X W0) is shared by both heads,
 * μ = Â H Wμ and log σ = Â H Wσ (log σ, not log-variance), clamped from above so exp stays finite.
 * With the default {@link GcnOptions} the weights are {@code vgae.W0}, {@code vgae.Wmu},
 * {@code vgae.Wsigma}; more hidden layers ({@code vgae.W1}, …), dropout, normalisation, residual
 * connections and biases come from the options, and the heads always share every hidden layer.
 *
 * <p>Dropout is applied only by {@link #encode(GraphInput, Mode, RandomGenerator)} in {@link Mode#TRAIN}
 * (each head draws its own mask on H, as the reference code's layers do); {@link #encode(GraphInput, Mode)}
 * and evaluation never drop.
 */
public final class VariationalGcnEncoder implements Encoder, LayerwiseEncoder, StepwiseEncoder {

    /** The default upper clamp of log σ. */
    public static final double DEFAULT_MAX_LOG_STD = 10.0;

    private final HiddenLayers hidden;
    private final GraphConvolution muHead;
    private final GraphConvolution logStdHead;
    private final double maxLogStd;
    private final List<Weights> weights;

    /** W0, Wμ, Wσ drawn in that order from {@code random}. */
    public VariationalGcnEncoder(int inputDim, int hidden, int latent, double maxLogStd, RandomGenerator random) {
        this(inputDim, checkedDefaults(inputDim, hidden, latent), latent, maxLogStd, random);
    }

    public VariationalGcnEncoder(int inputDim, int hidden, int latent, RandomGenerator random) {
        this(inputDim, hidden, latent, DEFAULT_MAX_LOG_STD, random);
    }

    /** The hidden layers' W in order, then Wμ, then Wσ, drawn from {@code random}. */
    public VariationalGcnEncoder(
            int inputDim, GcnOptions options, int latent, double maxLogStd, RandomGenerator random) {
        GcnEncoder.requirePositive(
                inputDim,
                options.hidden().stream().mapToInt(Integer::intValue).min().orElse(1),
                latent);
        requireMaxLogStd(maxLogStd);
        if (options.activateOutput()) {
            throw new IllegalArgumentException(
                    "A variational encoder's μ and log σ cannot be activated (activate-output)");
        }
        this.hidden = new HiddenLayers("vgae", inputDim, options, random);
        this.muHead = GraphConvolution.output("vgae", "mu", hidden.width(), latent, options, random);
        this.logStdHead = GraphConvolution.output("vgae", "sigma", hidden.width(), latent, options, random);
        this.maxLogStd = maxLogStd;
        List<Weights> all = new ArrayList<>(hidden.weights());
        all.addAll(muHead.weights());
        all.addAll(logStdHead.weights());
        this.weights = List.copyOf(all);
    }

    private static GcnOptions checkedDefaults(int inputDim, int hidden, int latent) {
        GcnEncoder.requirePositive(inputDim, hidden, latent);
        return GcnOptions.defaults().withHidden(hidden);
    }

    /** The clamp of log σ must be positive and finite (shared with the linear variational encoder). */
    public static void requireMaxLogStd(double maxLogStd) {
        if (!(maxLogStd > 0) || !Double.isFinite(maxLogStd)) {
            throw new IllegalArgumentException("maxLogStd must be positive and finite, got " + maxLogStd);
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
        Variable h = hidden.apply(input, dropoutRandom);
        Variable mu = muHead.apply(input, h, dropoutRandom);
        return Encoding.gaussian(mu, Clamp.max(logStdHead.apply(input, h, dropoutRandom), maxLogStd));
    }

    /**
     * μ and log σ of {@link #encode(GraphInput, Mode)}, layer by layer; each is computed only if forwarded (the
     * {@code gaussian} sampler's Z = μ in evaluation never runs the log σ head), and each runs the hidden layers.
     */
    @Override
    public Encoding encodeLayerwise(GraphInput input, int chunkRows) {
        int n = input.nodeCount();
        Variable mu = LayerwiseInference.deferred(
                n, latentDim(), chunkRows, run -> muHead.infer(input, hidden.infer(input, run), run));
        Variable logStd = LayerwiseInference.deferred(n, latentDim(), chunkRows, run -> {
            Matrix raw = logStdHead.infer(input, hidden.infer(input, run), run);
            return run.evaluate(Clamp.max(Constant.of(raw), maxLogStd));
        });
        return Encoding.gaussian(mu, logStd);
    }

    /** μ in evaluation as steps: each layer's H·W, Â, finish; empty with batch norm or residual connections. */
    @Override
    public Optional<List<Step>> evaluationSteps() {
        return hidden.steps(muHead.steps());
    }

    @Override
    public List<Weights> weights() {
        return weights;
    }

    @Override
    public int latentDim() {
        return muHead.outputDim();
    }
}
