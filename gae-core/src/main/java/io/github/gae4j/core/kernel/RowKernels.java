package io.github.gae4j.core.kernel;

import io.github.gae4j.core.kernel.vector.VectorRowKernels;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
 * <p>{@link #best()} is the Vector API implementation when {@code jdk.incubator.vector} is in the
 * boot layer and the system property {@value VectorSupport#PROPERTY} is not {@code scalar} (see
 * {@link VectorSupport}); otherwise the plain-Java one.
 */
public interface RowKernels {

    /**
     * Rows [from, to) of S · b into o, overwriting them: {@code o[i·k + j] = Σ_p values[p] ·
     * b[colIdx[p]·k + j]} over the stored entries p of row i (CSR arrays rowPtr/colIdx/values).
     */
    void sparseMultiplyRows(int[] rowPtr, int[] colIdx, double[] values, double[] b, int k, double[] o, int from,
                            int to);

    /**
     * The scatter form of Sᵀ · g over rows [from, to): {@code acc[colIdx[p]·k + j] += values[p] ·
     * g[i·k + j]} for the stored entries p of rows i = from, …, to − 1, in that order.
     */
    void sparseTransposeMultiplyRows(int[] rowPtr, int[] colIdx, double[] values, double[] g, int k, double[] acc,
                                     int from, int to);

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

    /**
     * The Vector API kernels if {@code jdk.incubator.vector} is in the boot layer, whatever
     * {@value VectorSupport#PROPERTY} says (for tests and benchmarks).
     */
    static Optional<RowKernels> vector() {
        return VectorSupport.modulePresent() ? Optional.of(Choice.vectorKernels()) : Optional.empty();
    }

    /** The fastest available kernels, chosen and logged (INFO) once per JVM. */
    static RowKernels best() {
        return Choice.BEST;
    }

    /** The run-time decision; not part of the API. */
    final class Choice {
        static final RowKernels BEST = choose();

        private Choice() {
        }

        private static RowKernels choose() {
            Logger log = LoggerFactory.getLogger(RowKernels.class);
            if (VectorSupport.scalarForced()) {
                log.info("Row kernels (sparse and dense products): plain Java (disabled by -D{}=scalar)",
                        VectorSupport.PROPERTY);
                return scalar();
            }
            if (!VectorSupport.modulePresent()) {
                log.info("Row kernels (sparse and dense products): plain Java (jdk.incubator.vector is not in the "
                        + "boot layer; run java with --add-modules jdk.incubator.vector for faster products)");
                return scalar();
            }
            RowKernels chosen = vectorKernels();
            log.info("Row kernels (sparse and dense products): {}", chosen.describe());
            return chosen;
        }

        /** Touches the vector package only here, after the module check. */
        static RowKernels vectorKernels() {
            return VectorRowKernels.INSTANCE;
        }
    }
}
