/**
 * Decoder {@code mlp}: MaskGAE's edge decoder, logit(i, j) = MLP(z_i ⊙ z_j), option {@code hidden}
 * ({@code 64}; a comma list for more layers, empty for a linear score). It owns its weights
 * ({@code mlp.W0}, {@code mlp.b0}, …), which the model's optimiser trains and checkpoints save. It has
 * no fused full-graph kernel: use it with losses over edge lists ({@code masked-edge-bce},
 * {@code negative-sampling-bce}).
 */
package io.github.gae4j.decoders.mlp;
