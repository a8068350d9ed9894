package io.github.gae4j.core.autodiff.functions;

import io.github.gae4j.core.autodiff.ComputationContext;
import io.github.gae4j.core.autodiff.Variable;
import io.github.gae4j.core.kernel.DirectedFullGraphBceKernels;
import io.github.gae4j.core.kernel.GravityBceKernel;
import io.github.gae4j.core.kernel.Precision;
import io.github.gae4j.core.tensor.Matrix;
import io.github.gae4j.core.tensor.SparseMatrix;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The exact full-graph reconstruction loss of the gravity-inspired decoder, fused: norm · mean over
 * all N² ordered pairs (i, j) of pw · t_ij · softplus(−x_ij) + (1 − t_ij) · softplus(x_ij), with
 * x_ij = m_j − λ log(‖p_i − p_j‖² + ε) ({@link GravityLogits}) and t the stored pattern of
 * {@code target} (typically the directed A_train + I).
 *
 * <p>Never materialises N×N: a {@link GravityBceKernel} computes the value and both gradients in
 * one blocked sweep; they are stashed for the backward pass. Results do not depend on the thread
 * count. By default the kernel is the fastest available in {@link Precision#FLOAT} (see
 * {@link DirectedFullGraphBceKernels}).
 */
public final class GravityFullGraphBce extends Variable {

    private final Variable positions;
    private final Variable mass;
    private final SparseMatrix target;
    private final double posWeight;
    private final double norm;
    private final double lambda;
    private final double epsilon;
    private final GravityBceKernel kernel;

    private GravityFullGraphBce(Variable positions, Variable mass, SparseMatrix target, double posWeight, double norm,
                                double lambda, double epsilon, GravityBceKernel kernel) {
        super(List.of(positions, mass), 1, 1);
        GravityLogits.checkGravity(positions, mass, lambda, epsilon);
        SourceTargetFullGraphBce.checkTarget(target, positions.rows(), posWeight, norm);
        this.positions = positions;
        this.mass = mass;
        this.target = target;
        this.posWeight = posWeight;
        this.norm = norm;
        this.lambda = lambda;
        this.epsilon = epsilon;
        this.kernel = Objects.requireNonNull(kernel, "kernel is null");
    }

    /** With the best available kernel in {@link Precision#FLOAT}. */
    public static GravityFullGraphBce of(Variable positions, Variable mass, SparseMatrix target, double posWeight,
                                         double norm, double lambda, double epsilon) {
        return of(positions, mass, target, posWeight, norm, lambda, epsilon,
                DirectedFullGraphBceKernels.gravity(positions.rows(), Precision.FLOAT));
    }

    /** With an explicit kernel. */
    public static GravityFullGraphBce of(Variable positions, Variable mass, SparseMatrix target, double posWeight,
                                         double norm, double lambda, double epsilon,
                                         GravityBceKernel kernel) {
        return new GravityFullGraphBce(positions, mass, target, posWeight, norm, lambda, epsilon, kernel);
    }

    public GravityBceKernel kernel() {
        return kernel;
    }

    @Override
    public Matrix apply(ComputationContext ctx) {
        Matrix p = ctx.forward(positions);
        Matrix m = ctx.forward(mass);
        int n = p.rows();
        int d = p.cols();
        double[] gradP = new double[n * d];
        double[] gradM = new double[n];
        double loss = kernel.lossAndGradient(p.toRowMajor(), m.toRowMajor(), n, d, lambda, epsilon, target, posWeight,
                norm, gradP, gradM, ctx.parallelism());
        ctx.stash(this, new Matrix[] {Matrix.wrapRowMajor(n, d, gradP), Matrix.wrapRowMajor(n, 1, gradM)});
        return Matrix.scalar(loss);
    }

    @Override
    public Matrix gradient(Variable parent, ComputationContext ctx) {
        if (parent != positions && parent != mass) {
            throw new IllegalArgumentException(render() + " has no parent " + parent.render());
        }
        Matrix[] grads = ctx.stashed(this, Matrix[].class);
        return grads[parent == positions ? 0 : 1].scale(ctx.gradient(this).scalarValue());
    }

    @Override
    public String render() {
        return String.format(Locale.ROOT, "GravityFullGraphBce[λ=%s, ε=%s, %s]%s", lambda, epsilon, kernel.name(),
                shape());
    }
}
