// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.decoders.innerproduct;

import io.github.gae4j.core.autodiff.Variable;
import io.github.gae4j.core.parallel.Parallelism;
import io.github.gae4j.core.tensor.SparseMatrix;
import io.github.gae4j.decoders.fused.FusedBce;
import io.github.gae4j.decoders.fused.Precision;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The exact full-graph reconstruction loss of the inner-product decoder, fused:
 * norm · mean over all N² pairs (i, j) of pw · t_ij · softplus(−x_ij) + (1 − t_ij) · softplus(x_ij),
 * with x = Z Zᵀ and t the stored pattern of the symmetric {@code target} (A_train + I).
 *
 * <p>Never materialises N×N: an {@link InnerProductBceKernel} computes the value and dZ in one blocked
 * sweep over the upper triangle plus a sparse pass over the positives; dZ is stashed for the
 * backward pass. Results do not depend on the thread count. By default the kernel is the fastest
 * available one in {@link Precision#FLOAT} (the Vector API float kernel when
 * {@code jdk.incubator.vector} is present, else the plain-Java double one; see
 * {@link InnerProductBceKernels}); pass a {@link Precision} or a kernel to choose.
 */
public final class InnerProductFullGraphBce extends FusedBce {

    private final SparseMatrix target;
    private final double posWeight;
    private final double norm;
    private final InnerProductBceKernel kernel;

    private InnerProductFullGraphBce(
            Variable z, SparseMatrix target, double posWeight, double norm, InnerProductBceKernel kernel) {
        super(List.of(z));
        if (target.rows() != z.rows() || target.cols() != z.rows()) {
            throw new IllegalArgumentException(String.format(
                    Locale.ROOT, "Target %s does not match %d nodes of Z %s", target.shape(), z.rows(), z.shape()));
        }
        if (!target.isSymmetric()) {
            throw new IllegalArgumentException(
                    "The full-graph target must be flagged symmetric (SparseMatrix.asSymmetric)");
        }
        if (!(posWeight > 0) || !Double.isFinite(posWeight) || !(norm > 0) || !Double.isFinite(norm)) {
            throw new IllegalArgumentException(String.format(
                    Locale.ROOT, "posWeight and norm must be positive and finite, got %s and %s", posWeight, norm));
        }
        this.target = target;
        this.posWeight = posWeight;
        this.norm = norm;
        this.kernel = Objects.requireNonNull(kernel, "kernel is null");
    }

    /** With the default precision ({@link Precision#FLOAT}) and the best available kernel. */
    public static InnerProductFullGraphBce of(Variable z, SparseMatrix target, double posWeight, double norm) {
        return of(z, target, posWeight, norm, Precision.FLOAT);
    }

    /** With the best available kernel of the given precision (see {@link InnerProductBceKernels#forNodes}). */
    public static InnerProductFullGraphBce of(
            Variable z, SparseMatrix target, double posWeight, double norm, Precision precision) {
        Objects.requireNonNull(precision, "precision is null");
        return of(z, target, posWeight, norm, InnerProductBceKernels.forNodes(z.rows(), precision));
    }

    /** With an explicit kernel. */
    public static InnerProductFullGraphBce of(
            Variable z, SparseMatrix target, double posWeight, double norm, InnerProductBceKernel kernel) {
        return new InnerProductFullGraphBce(z, target, posWeight, norm, kernel);
    }

    public double posWeight() {
        return posWeight;
    }

    public double norm() {
        return norm;
    }

    public InnerProductBceKernel kernel() {
        return kernel;
    }

    @Override
    protected double lossAndGradients(double[][] values, double[][] grads, Parallelism parallelism) {
        Variable z = input(0);
        return kernel.lossAndGradient(values[0], z.rows(), z.cols(), target, posWeight, norm, grads[0], parallelism);
    }
}
