// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.decoders.sourcetarget;

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
 * The exact full-graph reconstruction loss of an asymmetric bilinear decoder, fused: norm · mean over all N²
 * ordered pairs (i, j) of pw · t_ij · softplus(−x_ij) + (1 − t_ij) · softplus(x_ij), with x_ij = s_i · t_j and t
 * the stored pattern of {@code target} (a directed A_train + I, or any pattern).
 *
 * <p>S and T may be the same variable: that is the inner-product decoder on a directed target
 * (its gradient is then dS + dT). Never materialises N×N: a {@link SourceTargetBceKernel} computes
 * the value and both gradients in one blocked sweep; they are stashed for the backward pass.
 * Results do not depend on the thread count. By default the kernel is the fastest available in
 * {@link Precision#FLOAT} (see {@link SourceTargetBceKernels}).
 */
public final class SourceTargetFullGraphBce extends FusedBce {

    private final SparseMatrix target;
    private final double posWeight;
    private final double norm;
    private final SourceTargetBceKernel kernel;

    private SourceTargetFullGraphBce(
            Variable source,
            Variable targetRows,
            SparseMatrix target,
            double posWeight,
            double norm,
            SourceTargetBceKernel kernel) {
        super(List.of(source, targetRows));
        if (source.rows() != targetRows.rows() || source.cols() != targetRows.cols()) {
            throw new IllegalArgumentException(String.format(
                    Locale.ROOT,
                    "Source and target embeddings differ in shape: %s and %s",
                    source.shape(),
                    targetRows.shape()));
        }
        KernelSupport.checkTarget(source.rows(), target, false, posWeight, norm);
        this.target = target;
        this.posWeight = posWeight;
        this.norm = norm;
        this.kernel = Objects.requireNonNull(kernel, "kernel is null");
    }

    /** With the best available kernel in {@link Precision#FLOAT}. */
    public static SourceTargetFullGraphBce of(
            Variable source, Variable targetRows, SparseMatrix target, double posWeight, double norm) {
        return of(
                source,
                targetRows,
                target,
                posWeight,
                norm,
                SourceTargetBceKernels.forNodes(source.rows(), Precision.FLOAT));
    }

    /** With an explicit kernel. */
    public static SourceTargetFullGraphBce of(
            Variable source,
            Variable targetRows,
            SparseMatrix target,
            double posWeight,
            double norm,
            SourceTargetBceKernel kernel) {
        return new SourceTargetFullGraphBce(source, targetRows, target, posWeight, norm, kernel);
    }

    public SourceTargetBceKernel kernel() {
        return kernel;
    }

    @Override
    protected double lossAndGradients(double[][] values, double[][] grads, Parallelism parallelism) {
        Variable source = input(0);
        return kernel.lossAndGradient(
                values[0],
                values[1],
                source.rows(),
                source.cols(),
                target,
                posWeight,
                norm,
                grads[0],
                grads[1],
                parallelism);
    }

    @Override
    public String render() {
        return "SourceTargetFullGraphBce[" + kernel.name() + "]" + shape();
    }
}
