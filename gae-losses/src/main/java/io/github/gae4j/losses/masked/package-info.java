/**
 * Losses of masked autoencoders, which reconstruct what the model's corruptions hid from the encoder
 * ({@link io.github.gae4j.core.spi.LossInput#corruption()}):
 * <ul>
 *   <li>{@code masked-edge-bce} (option {@code ratio}, 1): MaskGAE's BCE on the removed edges against
 *       fresh uniform non-edges (with {@code edge-dropout} or {@code path-mask}, decoder {@code mlp});
 *   <li>{@code feature-sce} (options {@code gamma}, 2; {@code decoder}, {@code gcn} or {@code linear};
 *       {@code remask}, true): GraphMAE's scaled cosine error of the masked nodes' features (with
 *       {@code feature-mask}), through a feature decoder the term owns and the model trains.
 * </ul>
 * They combine with other terms by weight, e.g. {@code weighted-bce} 1.0 + {@code feature-sce} 0.5.
 */
package io.github.gae4j.losses.masked;
