// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.core.autodiff.functions;

import io.github.gae4j.core.autodiff.ComputationContext;
import io.github.gae4j.core.autodiff.Variable;
import io.github.gae4j.core.tensor.Matrix;
import java.util.List;
import java.util.Locale;

/** x + 1·bᵀ: a 1×d bias row added to every row of an n×d input (dense layers, normalisation shifts). */
public final class AddBias extends Variable {

    private final Variable x;
    private final Variable bias;

    private AddBias(Variable x, Variable bias) {
        super(List.of(x, bias), x.rows(), x.cols());
        if (bias.rows() != 1 || bias.cols() != x.cols()) {
            throw new IllegalArgumentException(String.format(
                    Locale.ROOT, "AddBias needs a 1×%d bias for input %s, got %s", x.cols(), x.shape(), bias.shape()));
        }
        if (x == bias) {
            throw new IllegalArgumentException("AddBias of a variable to itself");
        }
        this.x = x;
        this.bias = bias;
    }

    public static AddBias of(Variable x, Variable bias) {
        return new AddBias(x, bias);
    }

    @Override
    public Matrix apply(ComputationContext ctx) {
        return AddToRows.plusRow(ctx.forward(x), ctx.forward(bias).data(), null);
    }

    @Override
    public Matrix gradient(Variable parent, ComputationContext ctx) {
        Matrix g = ctx.gradient(this);
        if (parent == x) {
            return g;
        }
        if (parent != bias) {
            throw new IllegalArgumentException(render() + " has no parent " + parent.render());
        }
        return AddToRows.columnSums(g, null);
    }
}
