// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.core.spi;

import io.github.gae4j.core.autodiff.Variable;
import io.github.gae4j.core.autodiff.functions.FullGraphBce;
import io.github.gae4j.core.tensor.SparseMatrix;

/**
 * An optional capability of a {@link Decoder}: the exact full-graph weighted BCE of its logits as one fused
 * operation that never materialises the N×N logits. A decoder implements it next to {@code Decoder} when it has
 * such a kernel; the full-graph loss uses it when {@code decoder instanceof FusedFullGraphLoss}, and otherwise
 * falls back to {@link FullGraphBce#materialised} over the decoder's {@link Decoder#logits(Variable,
 * io.github.gae4j.core.graph.EdgeList) logits} of all N² pairs (O(N²) memory).
 *
 * <p>The contract (the testkit's {@code DecoderContract} checks it on a small graph, value and gradient with
 * respect to Z): the result equals that fallback, norm · mean over all N² ordered pairs (i, j) of
 * pw · t_ij · softplus(−x_ij) + (1 − t_ij) · softplus(x_ij), with x_ij the decoder's logit of (i, j) and t the
 * stored pattern of {@code target} (values ignored), up to the kernel's precision; and it does not depend on the
 * thread count of the pass ({@code ComputationContext.parallelism()}). The decoders of gae-decoders build theirs on
 * the blocked-sweep skeleton of {@code io.github.gae4j.decoders.fused}.
 */
public interface FusedFullGraphLoss {

    /**
     * The fused loss as a 1 × 1 variable.
     *
     * @param z         the embeddings, N × latent
     * @param target    the N × N target: A_train + I; one flagged symmetric (undirected) or not (directed)
     * @param posWeight the weight of the positive term (see {@link FullGraphBce.BceWeights})
     * @param norm      the factor of the mean
     */
    Variable fullGraphBce(Variable z, SparseMatrix target, double posWeight, double norm);
}
