// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.core.autodiff.functions;

import io.github.gae4j.core.autodiff.ComputationContext;
import io.github.gae4j.core.autodiff.SingleParentVariable;
import io.github.gae4j.core.autodiff.Variable;
import io.github.gae4j.core.tensor.Matrix;
import java.util.Locale;

/**
 * Batch normalisation, column by column over the rows (the nodes): y_ik = (x_ik − mean_k) /
 * sqrt(var_k + ε), mean and (biased) variance of column k taken over all n rows of this pass.
 *
 * <p>Always the statistics of the current batch, in training and in evaluation alike: gae4j's
 * encoders run full-batch (every pass sees every node), so the batch statistics are the population
 * statistics and no running averages are kept. A mini-batch encoder would need running statistics
 * for evaluation; this op does not provide them. No learnable parameters: a gain and a shift compose
 * from {@link ScaleColumns} and {@link AddBias}.
 */
public final class BatchNorm extends SingleParentVariable {

    /** ε of PyTorch's {@code BatchNorm1d}. */
    public static final double DEFAULT_EPSILON = 1e-5;

    private final double epsilon;

    private BatchNorm(Variable x, double epsilon) {
        super(x, x.rows(), x.cols());
        if (x.rows() == 0) {
            throw new IllegalArgumentException("BatchNorm of a batch without rows " + x.shape());
        }
        Standardization.requireEpsilon("BatchNorm", epsilon);
        this.epsilon = epsilon;
    }

    public static BatchNorm of(Variable x) {
        return new BatchNorm(x, DEFAULT_EPSILON);
    }

    public static BatchNorm of(Variable x, double epsilon) {
        return new BatchNorm(x, epsilon);
    }

    @Override
    public Matrix apply(ComputationContext ctx) {
        Matrix x = ctx.forward(parent);
        Matrix y = Matrix.zeros(x.rows(), x.cols());
        ctx.stash(this, Standardization.forward(x.data(), y.data(), x.cols(), x.rows(), 1, x.cols(), epsilon));
        return y;
    }

    @Override
    protected Matrix gradientForParent(ComputationContext ctx) {
        Matrix g = ctx.gradient(this);
        Matrix dx = Matrix.zeros(g.rows(), g.cols());
        Standardization.backward(
                g.data(),
                ctx.data(this).data(),
                ctx.stashed(this, double[].class),
                dx.data(),
                g.cols(),
                g.rows(),
                1,
                g.cols());
        return dx;
    }

    @Override
    public String render() {
        return String.format(Locale.ROOT, "BatchNorm[ε=%s]%s", epsilon, shape());
    }
}
