// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.decoders.gravity;

import io.github.gae4j.core.autodiff.Variable;
import io.github.gae4j.core.parallel.Parallelism;
import io.github.gae4j.core.tensor.SparseMatrix;
import io.github.gae4j.decoders.fused.FusedBce;
import io.github.gae4j.decoders.fused.KernelSupport;
import io.github.gae4j.decoders.fused.Precision;
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
 * {@link GravityBceKernels}).
 */
public final class GravityFullGraphBce extends FusedBce {

    private final SparseMatrix target;
    private final double posWeight;
    private final double norm;
    private final double lambda;
    private final double epsilon;
    private final GravityBceKernel kernel;

    private GravityFullGraphBce(
            Variable positions,
            Variable mass,
            SparseMatrix target,
            double posWeight,
            double norm,
            double lambda,
            double epsilon,
            GravityBceKernel kernel) {
        super(List.of(positions, mass));
        GravityLogits.checkGravity(positions, mass, lambda, epsilon);
        KernelSupport.checkTarget(positions.rows(), target, false, posWeight, norm);
        this.target = target;
        this.posWeight = posWeight;
        this.norm = norm;
        this.lambda = lambda;
        this.epsilon = epsilon;
        this.kernel = Objects.requireNonNull(kernel, "kernel is null");
    }

    /** With the best available kernel in {@link Precision#FLOAT}. */
    public static GravityFullGraphBce of(
            Variable positions,
            Variable mass,
            SparseMatrix target,
            double posWeight,
            double norm,
            double lambda,
            double epsilon) {
        return of(
                positions,
                mass,
                target,
                posWeight,
                norm,
                lambda,
                epsilon,
                GravityBceKernels.forNodes(positions.rows(), Precision.FLOAT));
    }

    /** With an explicit kernel. */
    public static GravityFullGraphBce of(
            Variable positions,
            Variable mass,
            SparseMatrix target,
            double posWeight,
            double norm,
            double lambda,
            double epsilon,
            GravityBceKernel kernel) {
        return new GravityFullGraphBce(positions, mass, target, posWeight, norm, lambda, epsilon, kernel);
    }

    public GravityBceKernel kernel() {
        return kernel;
    }

    @Override
    protected double lossAndGradients(double[][] values, double[][] grads, Parallelism parallelism) {
        Variable positions = input(0);
        return kernel.lossAndGradient(
                values[0],
                values[1],
                positions.rows(),
                positions.cols(),
                lambda,
                epsilon,
                target,
                posWeight,
                norm,
                grads[0],
                grads[1],
                parallelism);
    }

    @Override
    public String render() {
        return String.format(
                Locale.ROOT, "GravityFullGraphBce[λ=%s, ε=%s, %s]%s", lambda, epsilon, kernel.name(), shape());
    }
}
