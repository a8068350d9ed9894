// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.encoders.linear;

import io.github.gae4j.core.autodiff.Weights;
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
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * The linear encoder of Salha, Hennequin &amp; Vazirgiannis (2020), "Simple and Effective Graph
 * Autoencoders with One-Hop Linear Models": Z = Â X W, one layer, no activation, no bias; W
 * ({@code linear.W}) Glorot-uniform.
 */
public final class LinearEncoder implements Encoder, LayerwiseEncoder, StepwiseEncoder {

    private final Weights w;

    /** W (inputDim × latent) drawn from {@code random}. */
    public LinearEncoder(int inputDim, int latent, RandomGenerator random) {
        requirePositive(inputDim, latent);
        this.w = new Weights("linear.W", GlorotUniform.sample(inputDim, latent, random));
    }

    static void requirePositive(int inputDim, int latent) {
        if (inputDim < 1 || latent < 1) {
            throw new IllegalArgumentException(
                    String.format(Locale.ROOT, "Sizes must be positive: input %d, latent %d", inputDim, latent));
        }
    }

    @Override
    public Encoding encode(GraphInput input, Mode mode) {
        return Encoding.deterministic(GcnEncoder.propagateFeatures(input, w));
    }

    /** Z = Â X W in blocks of rows ({@link GcnEncoder#inferPropagateFeatures}). */
    @Override
    public Encoding encodeLayerwise(GraphInput input, int chunkRows) {
        return Encoding.deterministic(LayerwiseInference.deferred(
                input.nodeCount(), latentDim(), chunkRows, run -> GcnEncoder.inferPropagateFeatures(input, w, run)));
    }

    /** μ = Â·(X·W) as steps. */
    @Override
    public Optional<List<Step>> evaluationSteps() {
        return Optional.of(List.of(new RowLocal(latentDim(), x -> MatMul.of(x, w)), new Propagate()));
    }

    @Override
    public List<Weights> weights() {
        return List.of(w);
    }

    @Override
    public int latentDim() {
        return w.cols();
    }
}
