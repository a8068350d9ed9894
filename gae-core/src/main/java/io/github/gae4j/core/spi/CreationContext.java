package io.github.gae4j.core.spi;

import java.util.Locale;
import java.util.SplittableRandom;

/**
 * What a factory may know when it creates a component: the input feature dimension, the node
 * count, and a seed. {@link #random()} gives the same stream for the same seed, so a component
 * created through Guice, the registry or by hand with that seed starts identical.
 */
public record CreationContext(int inputDim, int nodeCount, long seed) {

    public CreationContext {
        if (inputDim < 0 || nodeCount < 0) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "Negative sizes: inputDim %d, nodeCount %d", inputDim, nodeCount));
        }
    }

    /** A fresh generator seeded with {@link #seed()}. */
    public SplittableRandom random() {
        return new SplittableRandom(seed);
    }
}
