// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.losses.reconstruction;

import io.github.gae4j.core.autodiff.Variable;
import io.github.gae4j.core.autodiff.functions.Add;
import io.github.gae4j.core.autodiff.functions.BceWithLogits;
import io.github.gae4j.core.graph.EdgeList;
import io.github.gae4j.core.spi.Loss;
import io.github.gae4j.core.spi.LossInput;
import io.github.gae4j.core.tensor.Matrix;
import java.util.Arrays;

/**
 * The reconstruction loss that scales: mean BCE over the training edges plus mean BCE over
 * {@code ratio} × as many uniformly drawn non-edges, drawn afresh on every call (every epoch) from
 * the pass's seeded generator (as PyTorch Geometric's {@code GAE.recon_loss}). Cost is linear in
 * the number of edges.
 *
 * <p>On a link mini-batch the term is the same mean BCE over the batch's positives plus the mean BCE over the
 * batch's negatives (drawn by the batch plan, {@code ratio} there): with one batch holding every training edge and
 * the same negatives it is the full-batch term.
 */
public final class NegativeSamplingBceLoss implements Loss {

    private final double ratio;

    public NegativeSamplingBceLoss(double ratio) {
        if (!(ratio > 0) || !Double.isFinite(ratio)) {
            throw new IllegalArgumentException("Negative ratio must be positive, got " + ratio);
        }
        this.ratio = ratio;
    }

    @Override
    public boolean supportsMiniBatch() {
        return true;
    }

    @Override
    public Variable loss(LossInput input) {
        if (input.isMiniBatch()) {
            return bce(input, input.batch().positives(), input.batch().negatives());
        }
        EdgeList positives = input.training().positives();
        int count = Math.max(1, (int) Math.round(positives.size() * ratio));
        EdgeList negatives = input.training().negativeSampler().sample(count, input.random());
        return bce(input, positives, negatives);
    }

    private static Variable bce(LossInput input, EdgeList positives, EdgeList negatives) {
        Variable pos = BceWithLogits.of(input.trainingLogits(positives), filled(positives.size(), 1.0));
        if (negatives.size() == 0) {
            return pos;
        }
        Variable neg = BceWithLogits.of(input.trainingLogits(negatives), filled(negatives.size(), 0.0));
        return Add.of(pos, neg);
    }

    private static Matrix filled(int rows, double value) {
        Matrix m = Matrix.zeros(rows, 1);
        Arrays.fill(m.data(), value);
        return m;
    }
}
