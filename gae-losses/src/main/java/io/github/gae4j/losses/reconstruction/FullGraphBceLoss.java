// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.losses.reconstruction;

import io.github.gae4j.core.autodiff.Variable;
import io.github.gae4j.core.autodiff.functions.FullGraphBce;
import io.github.gae4j.core.autodiff.functions.FullGraphBce.BceWeights;
import io.github.gae4j.core.error.GaeException;
import io.github.gae4j.core.spi.FusedFullGraphLoss;
import io.github.gae4j.core.spi.Loss;
import io.github.gae4j.core.spi.LossInput;
import io.github.gae4j.core.tensor.SparseMatrix;
import java.util.Locale;

/**
 * Kipf &amp; Welling's reconstruction loss: weighted BCE with logits over all N² pairs of
 * A_train + I, loss = norm · mean(BCE_weighted), with pos_weight = (N² − E) / E and
 * norm = N² / (2 (N² − E)).
 *
 * <p>E is nnz(A_train + I) as DESIGN.md states; the reference code counts nnz(A_train) without the
 * self-loops for the two weights ({@code selfLoopsInWeights = false} reproduces that). The decoder's
 * fused kernel is used when it has one (it implements {@link FusedFullGraphLoss}); otherwise (or with
 * {@code fused = false}) the N² logits are materialised, which is refused above {@link #MAX_DENSE_NODES} nodes.
 *
 * <p>Directed training graphs (Salha et al. 2019): the target is the directed A_train + I (t_ij = 1
 * for an edge i → j; {@link SparseMatrix#isSymmetric()} false), the BCE runs over all N² ordered
 * pairs (i, j) against it, and E counts directed edges (an edge and its reverse twice), which is
 * what pos_weight and norm are computed from, as in the reference code. The decoder's fused kernel
 * gets that target as it is: a decoder whose kernel assumes a symmetric target must check
 * {@code isSymmetric()} (the inner-product decoder switches to its all-ordered-pairs kernel;
 * {@code InnerProductFullGraphBce} refuses a target not flagged symmetric). The materialised
 * fallback labels each ordered pair from the target, so it is right for either kind.
 */
public final class FullGraphBceLoss implements Loss {

    /** Largest graph for the materialised fallback (N² doubles ≈ 800 MB at this size). */
    public static final int MAX_DENSE_NODES = 10_000;

    private final boolean fused;
    private final boolean selfLoopsInWeights;

    public FullGraphBceLoss() {
        this(true, true);
    }

    public FullGraphBceLoss(boolean fused, boolean selfLoopsInWeights) {
        this.fused = fused;
        this.selfLoopsInWeights = selfLoopsInWeights;
    }

    /**
     * pos_weight and norm for a graph of {@code n} nodes whose target has {@code e} positive entries,
     * as an array {pos_weight, norm}; see {@link BceWeights#of(long, long)}.
     */
    public static double[] weights(long n, long e) {
        BceWeights w = BceWeights.of(n, e);
        return new double[] {w.posWeight(), w.norm()};
    }

    @Override
    public Variable loss(LossInput input) {
        SparseMatrix target = input.training().reconstructionTarget();
        int n = target.rows();
        long e = selfLoopsInWeights ? target.nnz() : target.nnz() - n;
        BceWeights w = BceWeights.of(n, e);
        if (fused && input.decoder() instanceof FusedFullGraphLoss kernel) {
            return kernel.fullGraphBce(input.z(), target, w.posWeight(), w.norm());
        }
        return dense(input, target, w);
    }

    private static Variable dense(LossInput input, SparseMatrix target, BceWeights weights) {
        int n = target.rows();
        if (n > MAX_DENSE_NODES) {
            throw new GaeException(String.format(
                    Locale.ROOT,
                    "The decoder has no fused full-graph kernel and %d nodes need %d² logits in memory;"
                            + " use loss 'negative-sampling-bce' or a graph of at most %d nodes",
                    n,
                    n,
                    MAX_DENSE_NODES));
        }
        return FullGraphBce.materialised(pairs -> input.decoder().logits(input.z(), pairs), target, weights);
    }
}
