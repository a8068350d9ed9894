// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.losses.kl;

import io.github.gae4j.core.autodiff.Variable;
import io.github.gae4j.core.autodiff.functions.GaussianKl;
import io.github.gae4j.core.autodiff.functions.RowGather;
import io.github.gae4j.core.autodiff.functions.Scale;
import io.github.gae4j.core.error.GaeException;
import io.github.gae4j.core.spi.Loss;
import io.github.gae4j.core.spi.LossInput;
import java.util.OptionalDouble;

/**
 * The VGAE KL term: β · (−0.5 · mean_i Σ_k (1 + 2 log σ_ik − μ_ik² − σ_ik²)). With no β given,
 * β = 1/N, which is what the reference code does (it divides by N twice, in effect a β-VAE with a
 * small β).
 *
 * <p>On a link mini-batch the mean over all N nodes is estimated by {@code nodeScale} · the mean over the batch's
 * node rows ({@link io.github.gae4j.core.spi.LinkBatch}): every node of the graph falls in exactly one batch of an
 * epoch, so the epoch's average of the batch terms is the full-batch term at fixed weights, and one batch that
 * holds every node gives it exactly. β stays 1/N of the whole graph, not of the subgraph.
 */
public final class KlLoss implements Loss {

    private final OptionalDouble beta;

    public KlLoss(OptionalDouble beta) {
        beta.ifPresent(b -> {
            if (!(b >= 0) || !Double.isFinite(b)) {
                throw new IllegalArgumentException("beta must be >= 0 and finite, got " + b);
            }
        });
        this.beta = beta;
    }

    /** β = 1/N, the reference. */
    public static KlLoss reference() {
        return new KlLoss(OptionalDouble.empty());
    }

    @Override
    public boolean supportsMiniBatch() {
        return true;
    }

    @Override
    public Variable loss(LossInput input) {
        Variable logStd = input.encoding()
                .logStd()
                .orElseThrow(() -> new GaeException(
                        "Loss 'kl' needs a variational encoder (one that outputs log σ), such as 'vgae'"));
        double b = beta.orElse(1.0 / input.training().nodeCount());
        if (input.isMiniBatch()) {
            int[] rows = input.batch().nodeRows();
            if (rows.length == 0) {
                return Scale.of(GaussianKl.of(input.encoding().mu(), logStd), 0.0);
            }
            Variable mu = RowGather.of(input.encoding().mu(), rows);
            return Scale.of(
                    GaussianKl.of(mu, RowGather.of(logStd, rows)),
                    b * input.batch().nodeScale());
        }
        return Scale.of(GaussianKl.of(input.encoding().mu(), logStd), b);
    }
}
