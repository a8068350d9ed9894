// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.core.autodiff.functions;

import io.github.gae4j.core.autodiff.ComputationContext;
import io.github.gae4j.core.autodiff.SingleParentVariable;
import io.github.gae4j.core.autodiff.Variable;
import io.github.gae4j.core.tensor.Matrix;
import java.util.Locale;

/**
 * Layer normalisation, row by row: y_i = (x_i − mean(x_i)) / sqrt(var(x_i) + ε), the variance biased
 * (over the row's d entries). No learnable parameters: a gain and a shift compose from
 * {@link ScaleColumns} and {@link AddBias}.
 */
public final class LayerNorm extends SingleParentVariable {

    /** ε of PyTorch's {@code LayerNorm}. */
    public static final double DEFAULT_EPSILON = 1e-5;

    private final double epsilon;

    private LayerNorm(Variable x, double epsilon) {
        super(x, x.rows(), x.cols());
        if (x.cols() == 0) {
            throw new IllegalArgumentException("LayerNorm of rows without entries " + x.shape());
        }
        Standardization.requireEpsilon("LayerNorm", epsilon);
        this.epsilon = epsilon;
    }

    public static LayerNorm of(Variable x) {
        return new LayerNorm(x, DEFAULT_EPSILON);
    }

    public static LayerNorm of(Variable x, double epsilon) {
        return new LayerNorm(x, epsilon);
    }

    @Override
    public Matrix apply(ComputationContext ctx) {
        Matrix x = ctx.forward(parent);
        Matrix y = Matrix.zeros(x.rows(), x.cols());
        ctx.stash(this, Standardization.forward(x.data(), y.data(), x.rows(), x.cols(), x.cols(), 1, epsilon));
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
                g.rows(),
                g.cols(),
                g.cols(),
                1);
        return dx;
    }

    @Override
    public String render() {
        return String.format(Locale.ROOT, "LayerNorm[ε=%s]%s", epsilon, shape());
    }
}
