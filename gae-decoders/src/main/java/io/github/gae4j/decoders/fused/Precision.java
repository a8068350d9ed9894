// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.decoders.fused;

/** The arithmetic a kernel uses for its hot loop. Inputs, outputs and the loss sum are always double. */
public enum Precision {
    /** float activations, logits and gradients in registers, double accumulation of the loss: about 2× faster. */
    FLOAT,
    /** double throughout: the precision mode, for tests and for users who want the exact loss. */
    DOUBLE
}
