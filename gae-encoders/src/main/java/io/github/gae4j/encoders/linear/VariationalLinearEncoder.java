// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.encoders.linear;

import io.github.gae4j.core.autodiff.Constant;
import io.github.gae4j.core.autodiff.Weights;
import io.github.gae4j.core.autodiff.functions.Clamp;
import io.github.gae4j.core.autodiff.functions.MatMul;
import io.github.gae4j.core.optim.GlorotUniform;
import io.github.gae4j.core.spi.Encoder;
import io.github.gae4j.core.spi.Encoding;
import io.github.gae4j.core.spi.GraphInput;
import io.github.gae4j.core.spi.LayerwiseEncoder;
import io.github.gae4j.core.spi.LayerwiseInference;
import io.github.gae4j.core.spi.Mode;
import io.github.gae4j.core.spi.StepwiseEncoder;
import io.github.gae4j.encoders.gcn.GcnEncoder;
import io.github.gae4j.encoders.vgae.VariationalGcnEncoder;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * The linear variational encoder of Salha, Hennequin &amp; Vazirgiannis (2020): μ = Â X Wμ and
 * log σ = Â X Wσ (log σ, not log-variance), two independent one-hop linear heads, with log σ clamped
 * from above as in {@link VariationalGcnEncoder} so that the {@code gaussian} sampler and the
 * {@code kl} loss see the same kind of encoding.
 */
public final class VariationalLinearEncoder implements Encoder, LayerwiseEncoder, StepwiseEncoder {

    private final Weights wMu;
    private final Weights wLogStd;
    private final double maxLogStd;

    /** Wμ then Wσ (inputDim × latent each) drawn from {@code random}. */
    public VariationalLinearEncoder(int inputDim, int latent, double maxLogStd, RandomGenerator random) {
        LinearEncoder.requirePositive(inputDim, latent);
        VariationalGcnEncoder.requireMaxLogStd(maxLogStd);
        this.wMu = new Weights("linear-vgae.Wmu", GlorotUniform.sample(inputDim, latent, random));
        this.wLogStd = new Weights("linear-vgae.Wsigma", GlorotUniform.sample(inputDim, latent, random));
        this.maxLogStd = maxLogStd;
    }

    public VariationalLinearEncoder(int inputDim, int latent, RandomGenerator random) {
        this(inputDim, latent, VariationalGcnEncoder.DEFAULT_MAX_LOG_STD, random);
    }

    @Override
    public Encoding encode(GraphInput input, Mode mode) {
        return Encoding.gaussian(
                GcnEncoder.propagateFeatures(input, wMu),
                Clamp.max(GcnEncoder.propagateFeatures(input, wLogStd), maxLogStd));
    }

    /** μ and log σ of {@link #encode}, each in blocks of rows and only if forwarded. */
    @Override
    public Encoding encodeLayerwise(GraphInput input, int chunkRows) {
        int n = input.nodeCount();
        return Encoding.gaussian(
                LayerwiseInference.deferred(
                        n, latentDim(), chunkRows, run -> GcnEncoder.inferPropagateFeatures(input, wMu, run)),
                LayerwiseInference.deferred(
                        n,
                        latentDim(),
                        chunkRows,
                        run -> run.evaluate(Clamp.max(
                                Constant.of(GcnEncoder.inferPropagateFeatures(input, wLogStd, run)), maxLogStd))));
    }

    /** μ = Â·(X·Wμ) as steps. */
    @Override
    public Optional<List<Step>> evaluationSteps() {
        return Optional.of(List.of(new RowLocal(latentDim(), x -> MatMul.of(x, wMu)), new Propagate()));
    }

    @Override
    public List<Weights> weights() {
        return List.of(wMu, wLogStd);
    }

    @Override
    public int latentDim() {
        return wMu.cols();
    }
}
