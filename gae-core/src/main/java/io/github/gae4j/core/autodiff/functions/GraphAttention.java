// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.core.autodiff.functions;

import io.github.gae4j.core.autodiff.Variable;
import java.util.random.RandomGenerator;

/**
 * The attention step GAT layers share (Veličković et al. 2018), composed once so that the GAT encoder and the
 * GAT feature decoder compute it the same way: per head k, α_ij = softmax over j ∈ pattern(i) of
 * LeakyReLU(a_dst·x_i + a_src·x_j), optionally dropped out, and out_i = Σ_j α_ij x_j.
 */
public final class GraphAttention {

    private GraphAttention() {}

    /**
     * Returns the attention-weighted aggregate of {@code x}, N × heads·F.
     *
     * @param pattern       the edges (self-loops included)
     * @param x             N × heads·F, the values attended over (and scored)
     * @param attSrc        a_src, 1 × heads·F
     * @param attDst        a_dst, 1 × heads·F
     * @param attnDropout   dropout rate on α, applied only when {@code dropoutRandom} is not null
     * @param dropoutRandom the pass's random source, or null for no dropout
     * @return N × heads·F
     */
    public static Variable aggregate(
            AttentionPattern pattern,
            Variable x,
            Variable attSrc,
            Variable attDst,
            int heads,
            double negativeSlope,
            double attnDropout,
            RandomGenerator dropoutRandom) {
        Variable logits = EdgeAttentionLogits.of(pattern, x, attSrc, attDst, heads, negativeSlope);
        Variable alpha = SegmentSoftmax.of(pattern, logits);
        if (dropoutRandom != null && attnDropout > 0) {
            alpha = Dropout.of(alpha, attnDropout, dropoutRandom);
        }
        return AttentionAggregate.of(pattern, alpha, x);
    }
}
