// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.core.autodiff;

import io.github.gae4j.core.tensor.Matrix;
import java.util.List;

/**
 * A node of a computation graph. Graphs are immutable; values and gradients live in a
 * {@link ComputationContext}, one per forward/backward pass.
 *
 * <p>To add an operation (a plugin may), extend this class: check shapes in the constructor,
 * compute the value in {@link #apply}, and in {@link #gradient} return dLoss/dParent given
 * {@code ctx.gradient(this)}. Give it a finite-difference test (see {@code GradientCheck}).
 */
public abstract class Variable {

    private final List<Variable> parents;
    private final int rows;
    private final int cols;
    private final boolean requireGradient;

    protected Variable(List<Variable> parents, int rows, int cols) {
        this.parents = List.copyOf(parents);
        this.rows = rows;
        this.cols = cols;
        this.requireGradient = this.parents.stream().anyMatch(Variable::requireGradient);
    }

    /** For leaves that decide themselves whether they need a gradient. */
    protected Variable(int rows, int cols, boolean requireGradient) {
        this.parents = List.of();
        this.rows = rows;
        this.cols = cols;
        this.requireGradient = requireGradient;
    }

    /** Computes this node's value; read parents' values with {@code ctx.forward(parent)}. */
    public abstract Matrix apply(ComputationContext ctx);

    /**
     * The gradient of the loss with respect to {@code parent} through this node (the sum over
     * every position where {@code parent} appears), given {@code ctx.gradient(this)}.
     */
    public abstract Matrix gradient(Variable parent, ComputationContext ctx);

    public final List<Variable> parents() {
        return parents;
    }

    public final int rows() {
        return rows;
    }

    public final int cols() {
        return cols;
    }

    public final boolean requireGradient() {
        return requireGradient;
    }

    public final String shape() {
        return "(" + rows + ", " + cols + ")";
    }

    /** A readable name for error messages. */
    public String render() {
        return getClass().getSimpleName() + shape();
    }

    @Override
    public String toString() {
        return render();
    }
}
