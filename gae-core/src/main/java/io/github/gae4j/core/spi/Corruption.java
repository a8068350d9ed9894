package io.github.gae4j.core.spi;

import java.util.random.RandomGenerator;

/**
 * Corrupts what the encoder sees in a training pass — drops edges, masks or perturbs features —
 * while the losses still reconstruct the clean graph (denoising autoencoders, GraphMAE, MaskGAE).
 * Applied in {@link Mode#TRAIN} only, in the order the model lists them; evaluation always encodes
 * the clean input. All randomness comes from {@code random}.
 */
public interface Corruption {

    /** The corrupted input, with what was hidden (so losses can reconstruct exactly that). */
    CorruptedInput corrupt(CorruptedInput input, RandomGenerator random);
}
