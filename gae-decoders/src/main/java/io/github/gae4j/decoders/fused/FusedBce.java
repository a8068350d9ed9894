// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.decoders.fused;

import io.github.gae4j.core.autodiff.ComputationContext;
import io.github.gae4j.core.autodiff.Variable;
import io.github.gae4j.core.parallel.Parallelism;
import io.github.gae4j.core.tensor.Matrix;
import java.util.ArrayList;
import java.util.List;

/**
 * The autodiff operation of a fused full-graph loss: a 1 × 1 value that one kernel call computes together with the
 * gradients of every input in the forward pass (never materialising N×N), the gradients stashed for the backward
 * pass. A subclass checks its inputs in its constructor and calls its kernel in {@link #lossAndGradients}, with the
 * pass's thread budget.
 */
public abstract class FusedBce extends Variable {

    private final List<Variable> inputs;

    /**
     * @param inputs the kernel's inputs in the order {@link #lossAndGradients} gets them; a variable may stand
     *               twice (the inner product as a source-target pair s = t = z): its gradient is then the sum
     */
    protected FusedBce(List<Variable> inputs) {
        super(distinct(inputs), 1, 1);
        this.inputs = List.copyOf(inputs);
    }

    private static List<Variable> distinct(List<Variable> inputs) {
        List<Variable> out = new ArrayList<>();
        for (Variable v : inputs) {
            if (out.stream().noneMatch(u -> u == v)) {
                out.add(v);
            }
        }
        return out;
    }

    /** Input {@code k}, as given to the constructor. */
    protected final Variable input(int k) {
        return inputs.get(k);
    }

    /**
     * The loss at the inputs' values (row-major, in input order; one array where a variable stands twice); writes
     * d loss / d input k into {@code grads[k]} (row-major, the shape of input k, zeros on entry).
     */
    protected abstract double lossAndGradients(double[][] values, double[][] grads, Parallelism parallelism);

    @Override
    public final Matrix apply(ComputationContext ctx) {
        int count = inputs.size();
        double[][] values = new double[count][];
        double[][] grads = new double[count][];
        for (int k = 0; k < count; k++) {
            Variable in = inputs.get(k);
            int first = firstIndex(in);
            values[k] = first < k ? values[first] : ctx.forward(in).toRowMajor();
            grads[k] = new double[in.rows() * in.cols()];
        }
        double loss = lossAndGradients(values, grads, ctx.parallelism());
        Matrix[] stashed = new Matrix[count];
        for (int k = 0; k < count; k++) {
            stashed[k] = Matrix.wrapRowMajor(inputs.get(k).rows(), inputs.get(k).cols(), grads[k]);
        }
        ctx.stash(this, stashed);
        return Matrix.scalar(loss);
    }

    @Override
    public final Matrix gradient(Variable parent, ComputationContext ctx) {
        Matrix[] grads = ctx.stashed(this, Matrix[].class);
        Matrix sum = null;
        for (int k = 0; k < inputs.size(); k++) {
            if (inputs.get(k) == parent) {
                sum = sum == null ? grads[k] : sum.plus(grads[k]);
            }
        }
        if (sum == null) {
            throw new IllegalArgumentException(render() + " has no parent " + parent.render());
        }
        return sum.scale(ctx.gradient(this).scalarValue());
    }

    private int firstIndex(Variable v) {
        int k = 0;
        while (inputs.get(k) != v) {
            k++;
        }
        return k;
    }
}
