/**
 * Corruptions of the encoder's input in training passes (denoising and masked autoencoders), for
 * any encoder: they change the {@link io.github.gae4j.core.spi.GraphInput} the encoder sees and report
 * what they hid, while the losses still see the clean training graph. Evaluation always encodes the
 * clean input. A corruption may own parameters ({@code feature-mask}'s learned token), which the model
 * trains and saves with the encoder's.
 *
 * <table>
 *   <caption>Corruptions of plugin {@code gae-encoders}</caption>
 *   <tr><th>name</th><th>options (default)</th><th>hides</th></tr>
 *   <tr><td>{@code edge-dropout}</td><td>{@code rate} (0.5)</td><td>each undirected edge with probability
 *       {@code rate}; Â rebuilt; removed edges reported</td></tr>
 *   <tr><td>{@code path-mask}</td><td>{@code rate} (0.3), {@code walk-length} (3)</td><td>the edges crossed by
 *       random walks started from a {@code rate} share of edge directions; removed edges reported</td></tr>
 *   <tr><td>{@code feature-mask}</td><td>{@code rate} (0.5), {@code token} ({@code zero}; or {@code learned})</td>
 *       <td>the feature rows of ⌊rate · N⌋ nodes (set to zero, or to a learned [MASK] row trained and saved with
 *       the model; sparse features stay sparse); masked nodes reported</td></tr>
 *   <tr><td>{@code feature-noise}</td><td>{@code std} (0.1)</td><td>nothing: adds N(0, std²) noise to every
 *       feature (the features become dense, N × d doubles per pass)</td></tr>
 * </table>
 *
 * <p>MaskGAE (Li et al., KDD 2023) is {@code edge-dropout} or {@code path-mask} with the loss
 * {@code masked-edge-bce} and the decoder {@code mlp}; GraphMAE-style training (Hou et al., KDD 2022)
 * is {@code feature-mask} (with {@code token=learned}, as GraphMAE) with the loss {@code feature-sce}. Several corruptions apply in the order the
 * model lists them, each on the previous one's output.
 */
package io.github.gae4j.encoders.corruption;
