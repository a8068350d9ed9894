// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.losses.masked;

import io.github.gae4j.core.autodiff.Variable;
import io.github.gae4j.core.autodiff.functions.Add;
import io.github.gae4j.core.autodiff.functions.BceWithLogits;
import io.github.gae4j.core.graph.EdgeList;
import io.github.gae4j.core.spi.Loss;
import io.github.gae4j.core.spi.LossInput;
import io.github.gae4j.core.tensor.Matrix;
import java.util.Arrays;
import java.util.Locale;

/**
 * MaskGAE's objective (Li et al., KDD 2023): reconstruct the edges the corruptions removed from the
 * encoder's graph. Positives are {@code corruption().removedEdges()}; negatives are {@code ratio} × as
 * many uniform pairs that are not training edges (self-pairs excluded), drawn afresh every pass with the
 * training graph's {@link io.github.gae4j.core.graph.NegativeSampler} from the pass's seeded generator.
 * The loss is mean BCE(positive logits, 1) + mean BCE(negative logits, 0) on the decoder's logits
 * (MaskGAE's cross-entropy loss), so it pairs with any decoder, such as {@code mlp} (their edge decoder)
 * or {@code inner-product}.
 *
 * <p>Without removed edges (no edge corruption in the model, or none dropped in this pass) the
 * positives are all training edges: the term is then the plain negative-sampling reconstruction, as
 * MaskGAE's code does for a GAE without masking.
 */
public final class MaskedEdgeBceLoss implements Loss {

    private final double ratio;

    public MaskedEdgeBceLoss(double ratio) {
        if (!(ratio > 0) || !Double.isFinite(ratio)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "ratio must be positive, got %s", ratio));
        }
        this.ratio = ratio;
    }

    public double ratio() {
        return ratio;
    }

    @Override
    public Variable loss(LossInput input) {
        EdgeList positives = positives(input);
        int count = Math.max(1, (int) Math.round(positives.size() * ratio));
        EdgeList negatives = input.training().negativeSampler().sample(count, input.random());
        Variable neg = BceWithLogits.of(input.trainingLogits(negatives), filled(count, 0.0));
        if (positives.size() == 0) {
            return neg;
        }
        Variable pos = BceWithLogits.of(input.trainingLogits(positives), filled(positives.size(), 1.0));
        return Add.of(pos, neg);
    }

    /** The removed edges, or every training edge when nothing was removed. */
    static EdgeList positives(LossInput input) {
        EdgeList removed = input.corruption().removedEdges();
        return removed.size() > 0 ? removed : input.training().positives();
    }

    private static Matrix filled(int rows, double value) {
        Matrix m = Matrix.zeros(rows, 1);
        Arrays.fill(m.data(), value);
        return m;
    }

    @Override
    public String toString() {
        return "MaskedEdgeBceLoss[ratio=" + ratio + "]";
    }
}
