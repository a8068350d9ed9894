// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.decoders.gravity;

import io.github.gae4j.core.parallel.Parallelism;
import io.github.gae4j.core.tensor.SparseMatrix;
import io.github.gae4j.decoders.fused.Precision;

/**
 * The exact full-graph weighted BCE of the gravity-inspired decoder (Salha et al. 2019) over all N²
 * ordered pairs, and its gradient, never materialising the N×N logits:
 *
 * <pre>
 *   x_ij = m_j − λ · log(‖p_i − p_j‖² + ε),
 *   loss = norm / N² · Σ_{i,j} [ pw · t_ij · softplus(−x_ij) + (1 − t_ij) · softplus(x_ij) ],
 * </pre>
 *
 * with p_i the position (the first d embedding columns), m_j the mass (the last column) and t the
 * stored pattern of {@code target} (any n × n pattern, typically the directed A_train + I; values
 * are ignored). ‖p_i − p_j‖² is computed as ‖p_i‖² + ‖p_j‖² − 2 p_i · p_j, clamped at 0 (as the
 * reference code does), so a pair costs one d-long dot product.
 *
 * <p>Implementations must give bitwise identical results for any {@link Parallelism#threads()} and
 * hold no mutable state.
 */
public interface GravityBceKernel {

    /** Short name for logs and benchmark tables, e.g. {@code "scalar-double"}. */
    String name();

    Precision precision();

    /**
     * Computes the loss and writes its gradients.
     *
     * @param p         positions, row-major n × d (read only)
     * @param mass      masses, length n (read only)
     * @param lambda    λ, the weight of the distance term
     * @param epsilon   ε &gt; 0, added to squared distances
     * @param gradP     receives d loss / dP, row-major n × d (overwritten)
     * @param gradMass  receives d loss / dm, length n (overwritten)
     * @return the loss
     */
    double lossAndGradient(
            double[] p,
            double[] mass,
            int n,
            int d,
            double lambda,
            double epsilon,
            SparseMatrix target,
            double posWeight,
            double norm,
            double[] gradP,
            double[] gradMass,
            Parallelism parallelism);
}
