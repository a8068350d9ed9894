// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.core.autodiff.functions;

import io.github.gae4j.core.autodiff.Variable;
import io.github.gae4j.core.error.GaeException;
import io.github.gae4j.core.graph.EdgeList;
import io.github.gae4j.core.tensor.Matrix;
import io.github.gae4j.core.tensor.SparseMatrix;
import java.util.Locale;
import java.util.function.Function;

/**
 * The pieces of Kipf &amp; Welling's full-graph weighted BCE that do not depend on the decoder: its
 * two weights, and the materialised form (all N² logits) that the fused kernels are checked
 * against and that decoders without a kernel fall back to. One place, so the loss, the kernels'
 * tests and the benchmarks agree on the definition.
 */
public final class FullGraphBce {

    /**
     * pos_weight = (N² − E) / E and norm = N² / (2 (N² − E)) for N nodes and E positive entries of
     * the target.
     */
    public record BceWeights(double posWeight, double norm) {

        /** The weights for {@code n} nodes and {@code e} positives; fails unless 0 &lt; E &lt; N². */
        public static BceWeights of(long n, long e) {
            double n2 = (double) n * n;
            if (e <= 0 || e >= n2) {
                throw new GaeException(String.format(
                        Locale.ROOT, "Full-graph BCE needs 0 < E < N² positives, got E = %d for N = %d", e, n));
            }
            return new BceWeights((n2 - e) / e, n2 / (2.0 * (n2 - e)));
        }

        /** The weights with E = nnz(target), self-loops included. */
        public static BceWeights of(SparseMatrix target) {
            return of(target.rows(), target.nnz());
        }
    }

    /**
     * norm · mean weighted BCE over every ordered pair (i, j), row-major, labelled from
     * {@code target}; {@code logits} maps those N² pairs to an N² × 1 logit column. Memory is
     * O(N²): for tests, benchmarks and small graphs.
     */
    public static Variable materialised(Function<EdgeList, Variable> logits, SparseMatrix target, BceWeights weights) {
        int n = target.rows();
        int[] src = new int[n * n];
        int[] dst = new int[n * n];
        Matrix labels = Matrix.zeros(n * n, 1);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                src[i * n + j] = i;
                dst[i * n + j] = j;
            }
            for (int p = target.rowStart(i); p < target.rowEnd(i); p++) {
                labels.set(i * n + target.colAt(p), 0, 1.0);
            }
        }
        return Scale.of(
                BceWithLogits.of(logits.apply(new EdgeList(src, dst)), labels, weights.posWeight()), weights.norm());
    }

    private FullGraphBce() {}
}
