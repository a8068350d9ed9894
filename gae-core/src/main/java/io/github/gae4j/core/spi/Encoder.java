// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.core.spi;

import io.github.gae4j.core.autodiff.Weights;
import java.util.List;
import java.util.random.RandomGenerator;

/** Maps a graph to node embeddings (μ, and log σ if variational). */
public interface Encoder {

    /**
     * Builds the encoder's computation graph for this input; cheap, called once per pass. Take products with
     * the features through {@link GraphInput#featuresTimes}, so that a corruption's [MASK] token reaches them.
     */
    Encoding encode(GraphInput input, Mode mode);

    /**
     * As {@link #encode(GraphInput, Mode)}, with the pass's seeded random source for encoders that
     * draw noise in training (dropout, input corruption). The trainer calls this one; encoders
     * without randomness need not override it.
     */
    default Encoding encode(GraphInput input, Mode mode, RandomGenerator random) {
        return encode(input, mode);
    }

    /** The trainable parameters, in a stable order. */
    List<Weights> weights();

    /** Size of the embedding. */
    int latentDim();
}
