// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.core.autodiff.functions;

import io.github.gae4j.core.autodiff.ComputationContext;
import io.github.gae4j.core.autodiff.SingleParentVariable;
import io.github.gae4j.core.autodiff.Variable;
import io.github.gae4j.core.tensor.Matrix;
import java.util.Locale;

/**
 * Mean binary cross-entropy of logits x against targets t, with a weight on the positive term
 * (TensorFlow's weighted_cross_entropy_with_logits, PyTorch's pos_weight):
 * mean(pw · t · softplus(−x) + (1 − t) · softplus(x)). Fused with the sigmoid for stability.
 */
public final class BceWithLogits extends SingleParentVariable {

    private final Matrix targets;
    private final double posWeight;

    private BceWithLogits(Variable logits, Matrix targets, double posWeight) {
        super(logits, 1, 1);
        if (targets.rows() != logits.rows() || targets.cols() != logits.cols()) {
            throw new IllegalArgumentException(String.format(
                    Locale.ROOT,
                    "BceWithLogits: logits %s and targets %s differ in shape",
                    logits.shape(),
                    targets.shape()));
        }
        if (logits.rows() == 0 || logits.cols() == 0) {
            throw new IllegalArgumentException("BceWithLogits over no logits " + logits.shape());
        }
        if (!(posWeight > 0) || !Double.isFinite(posWeight)) {
            throw new IllegalArgumentException("posWeight must be positive and finite, got " + posWeight);
        }
        this.targets = targets;
        this.posWeight = posWeight;
    }

    public static BceWithLogits of(Variable logits, Matrix targets) {
        return new BceWithLogits(logits, targets, 1.0);
    }

    public static BceWithLogits of(Variable logits, Matrix targets, double posWeight) {
        return new BceWithLogits(logits, targets, posWeight);
    }

    /** The loss of one logit x with target t. */
    public static double loss(double x, double t, double posWeight) {
        return posWeight * t * Softplus.softplus(-x) + (1.0 - t) * Softplus.softplus(x);
    }

    /** d loss / dx for one logit. */
    public static double derivative(double x, double t, double posWeight) {
        double s = Sigmoid.sigmoid(x);
        return posWeight * t * (s - 1.0) + (1.0 - t) * s;
    }

    @Override
    public Matrix apply(ComputationContext ctx) {
        double[] x = ctx.forward(parent).data();
        double[] t = targets.data();
        double sum = 0;
        for (int k = 0; k < x.length; k++) {
            sum += loss(x[k], t[k], posWeight);
        }
        return Matrix.scalar(sum / x.length);
    }

    @Override
    protected Matrix gradientForParent(ComputationContext ctx) {
        double[] x = ctx.data(parent).data();
        double[] t = targets.data();
        double scale = ctx.gradient(this).scalarValue() / x.length;
        Matrix out = Matrix.zeros(parent.rows(), parent.cols());
        double[] o = out.data();
        for (int k = 0; k < x.length; k++) {
            o[k] = scale * derivative(x[k], t[k], posWeight);
        }
        return out;
    }
}
