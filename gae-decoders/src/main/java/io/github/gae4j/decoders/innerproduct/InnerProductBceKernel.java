// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.decoders.innerproduct;

import io.github.gae4j.core.parallel.Parallelism;
import io.github.gae4j.core.tensor.SparseMatrix;
import io.github.gae4j.decoders.fused.Precision;

/**
 * The exact full-graph weighted BCE of the inner-product decoder and its gradient, never
 * materialising the N×N logits:
 *
 * <pre>
 *   loss = norm / N² · Σ_{i,j} [ pw · t_ij · softplus(−x_ij) + (1 − t_ij) · softplus(x_ij) ],   x = Z Zᵀ,
 * </pre>
 *
 * where t is the stored pattern of the symmetric target (A_train + I; values are ignored).
 *
 * <p>Implementations must give bitwise identical results for any {@link Parallelism#threads()}
 * (fixed chunking, partial results combined in chunk order) and must be safe to call from
 * several threads at once (no mutable state).
 */
public interface InnerProductBceKernel {

    /** Short name for logs and benchmark tables, e.g. {@code "vector-float"}. */
    String name();

    Precision precision();

    /**
     * Computes the loss and writes d loss / dZ.
     *
     * @param z         Z, row-major n × f (read only)
     * @param target    the symmetric n × n target, flagged symmetric
     * @param gradOut   receives d loss / dZ, row-major n × f (overwritten)
     * @return the loss
     */
    double lossAndGradient(
            double[] z,
            int n,
            int f,
            SparseMatrix target,
            double posWeight,
            double norm,
            double[] gradOut,
            Parallelism parallelism);
}
