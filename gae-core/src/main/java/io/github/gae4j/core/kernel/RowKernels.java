// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.core.kernel;

/**
 * Row kernels of the sparse and dense products: CSR · dense, the scatter form of CSRᵀ · dense, and
 * the tall-times-small dense products of GNN layers. Arrays are row-major; a kernel call covers a
 * range of rows [from, to) so callers can split the work into fixed chunks.
 *
 * <p>Contract shared by all implementations, which is what keeps results independent of the
 * thread count: a call touches only the output rows it is given ({@code *MultiplyRows}) or a
 * caller-owned accumulator ({@code *TransposeMultiplyRows}), and every output element is summed in
 * a fixed order (stored-entry order, respectively row order). Implementations may differ from each
 * other in rounding (the Vector API one uses fused multiply-adds), never from run to run.
 *
 * <p>Implementations: {@link #scalar()} here, the Vector API one in {@code core.kernel.vector}; the choice between
 * them ({@code core.kernel.dispatch.RowKernelDispatch.best()}) sits above both, so that neither package points
 * back at the other.
 */
public interface RowKernels {

    /**
     * Rows [from, to) of S · b into o, overwriting them: {@code o[i·k + j] = Σ_p values[p] ·
     * b[colIdx[p]·k + j]} over the stored entries p of row i (CSR arrays rowPtr/colIdx/values).
     */
    void sparseMultiplyRows(
            int[] rowPtr, int[] colIdx, double[] values, double[] b, int k, double[] o, int from, int to);

    /**
     * The scatter form of Sᵀ · g over rows [from, to): {@code acc[colIdx[p]·k + j] += values[p] ·
     * g[i·k + j]} for the stored entries p of rows i = from, …, to − 1, in that order.
     */
    void sparseTransposeMultiplyRows(
            int[] rowPtr, int[] colIdx, double[] values, double[] g, int k, double[] acc, int from, int to);

    /**
     * Rows [from, to) of a · b into o, overwriting them; a has k columns, b is k × m, o has m
     * columns: {@code o[i·m + j] = Σ_t a[i·k + t] · b[t·m + j]}, summed in t order.
     */
    void multiplyRows(double[] a, int k, double[] b, int m, double[] o, int from, int to);

    /**
     * Rows [from, to) of aᵀ · b added into acc (k × m); a has k columns, b has m columns:
     * {@code acc[t·m + j] += a[i·k + t] · b[i·m + j]} for rows i = from, …, to − 1, in that order.
     */
    void transposeMultiplyRows(double[] a, int k, double[] b, int m, double[] acc, int from, int to);

    /** A short description for logs, e.g. "Vector API (double × 8)". */
    String describe();

    /** The plain-Java kernels; always available. */
    static RowKernels scalar() {
        return ScalarRowKernels.INSTANCE;
    }
}
