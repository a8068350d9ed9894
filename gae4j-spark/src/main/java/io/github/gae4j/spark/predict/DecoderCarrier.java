// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.spark.predict;

import io.github.gae4j.core.autodiff.Weights;
import io.github.gae4j.core.spi.Decoder;
import io.github.gae4j.core.spi.PairScorer;
import io.github.gae4j.core.tensor.Matrix;
import io.github.gae4j.runtime.model.GraphAutoencoder;
import io.github.gae4j.spark.model.ModelCarrier;
import java.io.Serializable;
import java.util.List;
import java.util.Objects;

/**
 * A trained model's decoder as tasks carry it: the {@link ModelCarrier} (description as JSON) and the model's weight
 * values as plain arrays. A task {@linkplain #scorer scores} pairs with the decoder's own {@link PairScorer}, the code
 * single-machine {@code gae predict} scores with, so the logits are the same numbers. The assembled decoder is cached
 * in a transient field: assembled once per deserialised copy (once per task), never shared through a static.
 */
public final class DecoderCarrier implements Serializable {

    private static final long serialVersionUID = 1L;

    private final ModelCarrier model;
    private final double[][] values;
    private transient Decoder decoder;

    /**
     * @param model  the model description and creation context
     * @param values every weight of the model, in its weight order ({@link ModelCarrier#values})
     */
    public DecoderCarrier(ModelCarrier model, double[][] values) {
        this.model = Objects.requireNonNull(model, "model is null");
        this.values = Objects.requireNonNull(values, "values is null").clone();
    }

    /** The decoder of {@code trained} (with its current weights), shipped through {@code carrier}. */
    public static DecoderCarrier of(ModelCarrier carrier, GraphAutoencoder trained) {
        return new DecoderCarrier(carrier, ModelCarrier.values(trained));
    }

    /** The decoder, assembled from the plugins on this class path with the shipped weights copied in. */
    public synchronized Decoder decoder() {
        if (decoder == null) {
            GraphAutoencoder assembled = model.assemble();
            List<Matrix> shipped = ModelCarrier.matrices(assembled, values);
            List<Weights> weights = assembled.weights();
            for (int k = 0; k < shipped.size(); k++) {
                double[] src = shipped.get(k).data();
                System.arraycopy(src, 0, weights.get(k).data().data(), 0, src.length);
            }
            decoder = assembled.decoder();
        }
        return decoder;
    }

    /** The decoder's scores over {@code z}: rows are whatever nodes the caller put there, in its order. */
    public PairScorer scorer(Matrix z) {
        return decoder().scorer(z);
    }
}
