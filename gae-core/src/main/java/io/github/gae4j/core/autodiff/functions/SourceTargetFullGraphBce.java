package io.github.gae4j.core.autodiff.functions;

import io.github.gae4j.core.autodiff.ComputationContext;
import io.github.gae4j.core.autodiff.Variable;
import io.github.gae4j.core.kernel.DirectedFullGraphBceKernels;
import io.github.gae4j.core.kernel.Precision;
import io.github.gae4j.core.kernel.SourceTargetBceKernel;
import io.github.gae4j.core.tensor.Matrix;
import io.github.gae4j.core.tensor.SparseMatrix;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The exact full-graph reconstruction loss of an asymmetric bilinear decoder, fused: norm · mean
 * over all N² ordered pairs (i, j) of pw · t_ij · softplus(−x_ij) + (1 − t_ij) · softplus(x_ij), with
 * x_ij = s_i · t_j and t the stored pattern of {@code target} (any pattern: the directed A_train + I
 * for a directed graph).
 *
 * <p>S and T may be the same variable: that is the inner-product decoder on a directed target
 * (its gradient is then dS + dT). Never materialises N×N: a {@link SourceTargetBceKernel} computes
 * the value and both gradients in one blocked sweep; they are stashed for the backward pass.
 * Results do not depend on the thread count. By default the kernel is the fastest available in
 * {@link Precision#FLOAT} (see {@link DirectedFullGraphBceKernels}).
 */
public final class SourceTargetFullGraphBce extends Variable {

    private final Variable source;
    private final Variable targetRows;
    private final SparseMatrix target;
    private final double posWeight;
    private final double norm;
    private final SourceTargetBceKernel kernel;

    private SourceTargetFullGraphBce(Variable source, Variable targetRows, SparseMatrix target, double posWeight,
                                     double norm, SourceTargetBceKernel kernel) {
        super(source == targetRows ? List.of(source) : List.of(source, targetRows), 1, 1);
        if (source.rows() != targetRows.rows() || source.cols() != targetRows.cols()) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "Source and target embeddings differ in shape: %s and %s", source.shape(), targetRows.shape()));
        }
        checkTarget(target, source.rows(), posWeight, norm);
        this.source = source;
        this.targetRows = targetRows;
        this.target = target;
        this.posWeight = posWeight;
        this.norm = norm;
        this.kernel = Objects.requireNonNull(kernel, "kernel is null");
    }

    /** With the best available kernel in {@link Precision#FLOAT}. */
    public static SourceTargetFullGraphBce of(Variable source, Variable targetRows, SparseMatrix target,
                                              double posWeight, double norm) {
        return of(source, targetRows, target, posWeight, norm,
                DirectedFullGraphBceKernels.sourceTarget(source.rows(), Precision.FLOAT));
    }

    /** With an explicit kernel. */
    public static SourceTargetFullGraphBce of(Variable source, Variable targetRows, SparseMatrix target,
                                              double posWeight, double norm,
                                              SourceTargetBceKernel kernel) {
        return new SourceTargetFullGraphBce(source, targetRows, target, posWeight, norm, kernel);
    }

    static void checkTarget(SparseMatrix target, int n, double posWeight, double norm) {
        if (target.rows() != n || target.cols() != n) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "Target %s does not match %d nodes", target.shape(), n));
        }
        if (!(posWeight > 0) || !Double.isFinite(posWeight) || !(norm > 0) || !Double.isFinite(norm)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "posWeight and norm must be positive and finite, got %s and %s", posWeight, norm));
        }
    }

    public SourceTargetBceKernel kernel() {
        return kernel;
    }

    @Override
    public Matrix apply(ComputationContext ctx) {
        Matrix s = ctx.forward(source);
        Matrix t = ctx.forward(targetRows);
        int n = s.rows();
        int f = s.cols();
        double[] gradS = new double[n * f];
        double[] gradT = new double[n * f];
        double[] sData = s.toRowMajor();
        double[] tData = source == targetRows ? sData : t.toRowMajor();
        double loss = kernel.lossAndGradient(sData, tData, n, f, target, posWeight, norm, gradS, gradT, ctx.parallelism());
        ctx.stash(this, new Matrix[] {Matrix.wrapRowMajor(n, f, gradS), Matrix.wrapRowMajor(n, f, gradT)});
        return Matrix.scalar(loss);
    }

    @Override
    public Matrix gradient(Variable parent, ComputationContext ctx) {
        if (parent != source && parent != targetRows) {
            throw new IllegalArgumentException(render() + " has no parent " + parent.render());
        }
        Matrix[] grads = ctx.stashed(this, Matrix[].class);
        double scale = ctx.gradient(this).scalarValue();
        if (source == targetRows) {
            return grads[0].plus(grads[1]).scale(scale);
        }
        return grads[parent == source ? 0 : 1].scale(scale);
    }

    @Override
    public String render() {
        return "SourceTargetFullGraphBce[" + kernel.name() + "]" + shape();
    }
}
