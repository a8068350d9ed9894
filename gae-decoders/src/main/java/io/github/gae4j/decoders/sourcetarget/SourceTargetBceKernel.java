// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.decoders.sourcetarget;

import io.github.gae4j.core.parallel.Parallelism;
import io.github.gae4j.core.tensor.SparseMatrix;
import io.github.gae4j.decoders.fused.Precision;

/**
 * The exact full-graph weighted BCE of an asymmetric bilinear decoder, x_ij = s_i · t_j (the
 * source-target decoder; the inner product on a directed target with s = t = z), over all N²
 * <em>ordered</em> pairs, and its gradient, never materialising the N×N logits:
 *
 * <pre>
 *   loss = norm / N² · Σ_{i,j} [ pw · t_ij · softplus(−x_ij) + (1 − t_ij) · softplus(x_ij) ],
 * </pre>
 *
 * where t is the stored pattern of {@code target} (any n × n pattern: a directed A_train + I, or a
 * symmetric one; values are ignored).
 *
 * <p>Implementations must give bitwise identical results for any {@link Parallelism#threads()}
 * (fixed chunking, partial results combined in chunk order) and hold no mutable state.
 */
public interface SourceTargetBceKernel {

    /** Short name for logs and benchmark tables, e.g. {@code "scalar-double"}. */
    String name();

    Precision precision();

    /**
     * Computes the loss and writes its gradients.
     *
     * @param s      source rows S, row-major n × f (read only)
     * @param t      target rows T, row-major n × f (read only; may be the same array as {@code s})
     * @param gradS  receives d loss / dS, row-major n × f (overwritten)
     * @param gradT  receives d loss / dT, row-major n × f (overwritten; a different array from gradS)
     * @return the loss
     */
    double lossAndGradient(
            double[] s,
            double[] t,
            int n,
            int f,
            SparseMatrix target,
            double posWeight,
            double norm,
            double[] gradS,
            double[] gradT,
            Parallelism parallelism);
}
