// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.examples.plugins;

import io.github.gae4j.core.autodiff.Constant;
import io.github.gae4j.core.autodiff.Variable;
import io.github.gae4j.core.autodiff.functions.Add;
import io.github.gae4j.core.autodiff.functions.Mean;
import io.github.gae4j.core.autodiff.functions.Scale;
import io.github.gae4j.core.autodiff.functions.Softplus;
import io.github.gae4j.core.graph.EdgeList;
import io.github.gae4j.core.spi.Loss;
import io.github.gae4j.core.spi.LossInput;
import io.github.gae4j.core.tensor.Matrix;
import java.util.Arrays;

/**
 * A loss that gae4j does not ship, written against gae-core alone: Bayesian personalised ranking, the mean of
 * softplus(margin + s(i, k) − s(i, j)) over the training edges (i, j), each against a non-edge (i, k) with k drawn
 * from the pass's random source, s being the decoder's logit. It ranks each edge above a non-edge of the same source.
 */
final class BprLoss implements Loss {

    private final double margin;

    BprLoss(double margin) {
        this.margin = margin;
    }

    @Override
    public Variable loss(LossInput input) {
        EdgeList positives = input.training().positives();
        int n = input.training().graph().nodeCount();
        int[] src = positives.srcArray();
        int[] dst = new int[src.length];
        for (int e = 0; e < src.length; e++) {
            int k;
            do {
                k = input.random().nextInt(n);
            } while (k == src[e] || input.training().graph().adjacency().contains(src[e], k));
            dst[e] = k;
        }
        Variable pos = input.trainingLogits(positives);
        Variable neg = input.trainingLogits(new EdgeList(src, dst));
        Matrix shift = Matrix.zeros(src.length, 1);
        Arrays.fill(shift.data(), margin);
        return Mean.of(Softplus.of(Add.of(Add.of(neg, Scale.of(pos, -1)), Constant.of(shift))));
    }
}
