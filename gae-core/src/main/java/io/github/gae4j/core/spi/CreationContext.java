// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.core.spi;

import java.util.Locale;
import java.util.SplittableRandom;

/**
 * What a factory may know when it creates a component: its input dimension (the feature dimension
 * for encoders and corruptions, the latent dimension for samplers, decoders and losses), the node
 * count, a seed, and the graph's feature dimension (for losses that reconstruct features). {@link
 * #random()} gives the same stream for the same seed, so a component created through Guice, the
 * registry or by hand with that seed starts identical.
 */
public record CreationContext(int inputDim, int nodeCount, long seed, int featureDim) {

    /** A context whose feature dimension is its input dimension (encoders, or no features to rebuild). */
    public CreationContext(int inputDim, int nodeCount, long seed) {
        this(inputDim, nodeCount, seed, inputDim);
    }

    public CreationContext {
        if (inputDim < 0 || nodeCount < 0 || featureDim < 0) {
            throw new IllegalArgumentException(String.format(
                    Locale.ROOT,
                    "Negative sizes: inputDim %d, nodeCount %d, featureDim %d",
                    inputDim,
                    nodeCount,
                    featureDim));
        }
    }

    /** A fresh generator seeded with {@link #seed()}. */
    public SplittableRandom random() {
        return new SplittableRandom(seed);
    }
}
