package io.github.gae4j.core.spi;

import io.github.gae4j.core.autodiff.Weights;
import java.util.List;

/** Maps a graph to node embeddings (μ, and log σ if variational). */
public interface Encoder {

    /** Builds the encoder's computation graph for this input; cheap, called once per pass. */
    Encoding encode(GraphInput input, Mode mode);

    /** The trainable parameters, in a stable order. */
    List<Weights> weights();

    /** Size of the embedding. */
    int latentDim();
}
