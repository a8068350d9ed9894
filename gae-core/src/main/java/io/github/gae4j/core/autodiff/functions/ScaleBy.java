// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.core.autodiff.functions;

import io.github.gae4j.core.autodiff.ComputationContext;
import io.github.gae4j.core.autodiff.Variable;
import io.github.gae4j.core.tensor.Matrix;
import java.util.List;
import java.util.Locale;

/**
 * s · x for a 1×1 variable s (a learnable scalar such as GIN's ε, a trainable temperature); x any shape.
 * {@link Scale} is the constant-factor form. ds = Σ g ⊙ x, dx = s · g.
 */
public final class ScaleBy extends Variable {

    private final Variable scalar;
    private final Variable x;

    private ScaleBy(Variable scalar, Variable x) {
        super(List.of(scalar, x), x.rows(), x.cols());
        if (scalar.rows() != 1 || scalar.cols() != 1) {
            throw new IllegalArgumentException(String.format(
                    Locale.ROOT, "ScaleBy needs a 1×1 scalar, got %s (input %s)", scalar.shape(), x.shape()));
        }
        if (scalar == x) {
            throw new IllegalArgumentException("ScaleBy of a scalar by itself: use ElementMul");
        }
        this.scalar = scalar;
        this.x = x;
    }

    public static ScaleBy of(Variable scalar, Variable x) {
        return new ScaleBy(scalar, x);
    }

    @Override
    public Matrix apply(ComputationContext ctx) {
        return ctx.forward(x).scale(ctx.forward(scalar).scalarValue());
    }

    @Override
    public Matrix gradient(Variable parent, ComputationContext ctx) {
        Matrix g = ctx.gradient(this);
        if (parent == x) {
            return g.scale(ctx.data(scalar).scalarValue());
        }
        if (parent != scalar) {
            throw new IllegalArgumentException(render() + " has no parent " + parent.render());
        }
        double[] gs = g.data();
        double[] xs = ctx.data(x).data();
        double sum = 0;
        for (int k = 0; k < gs.length; k++) {
            sum += gs[k] * xs[k];
        }
        return Matrix.scalar(sum);
    }
}
