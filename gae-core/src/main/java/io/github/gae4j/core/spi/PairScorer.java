// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.core.spi;

import java.util.Optional;

/**
 * A decoder's scores over fixed embeddings, for prediction: no autodiff, nothing N×N. Obtained from
 * {@link Decoder#scorer}; immutable and safe to share between threads. Scores are logits (the
 * probability is their sigmoid, a monotone map, so rankings by either agree).
 */
public interface PairScorer {

    /** Number of nodes that can be scored: valid indices are 0 to {@code nodes() - 1}. */
    int nodes();

    /** Whether (u, v) and (v, u) may score differently (gravity, source/target). */
    boolean directed();

    /** The logit of the pair (source, target). */
    double logit(int source, int target);

    /**
     * The logits of {@code source} against every node: {@code out[v]} for v in [0, nodes()). The default
     * calls {@link #logit} per target; decoders override it with a batched form.
     */
    default void logitsFrom(int source, double[] out) {
        for (int v = 0; v < nodes(); v++) {
            out[v] = logit(source, v);
        }
    }

    /**
     * The scores as inner products, when the decoder is one: logit(u, v) = q_u · k_v. Exact search blocks
     * over it and vector indexes (maximum inner product) can serve it; empty for other decoders, which the
     * search then scores through {@link #logitsFrom}.
     */
    default Optional<InnerProductForm> innerProduct() {
        return Optional.empty();
    }
}
