// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.decoders.fused;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.gae4j.core.autodiff.functions.FullGraphBce;
import io.github.gae4j.core.graph.EdgeList;
import io.github.gae4j.core.graph.NormalizedAdjacency;
import io.github.gae4j.core.tensor.Matrix;
import io.github.gae4j.core.tensor.SparseMatrix;
import io.github.gae4j.testkit.DirectedTestGraphs;

/** What the fused-kernel tests of the three decoders share: targets, weights, the N² pairs and labels, tolerances. */
public final class FusedTestSupport {

    private FusedTestSupport() {}

    /** The directed A + I of a seeded random directed graph. */
    public static SparseMatrix directedTarget(int n, int edges, long seed) {
        return NormalizedAdjacency.withSelfLoops(
                DirectedTestGraphs.random(n, edges, 0.2, seed).adjacency());
    }

    public static double posWeight(SparseMatrix target) {
        return FullGraphBce.BceWeights.of(target).posWeight();
    }

    public static double norm(SparseMatrix target) {
        return FullGraphBce.BceWeights.of(target).norm();
    }

    /** Every ordered pair (i, j), row-major. */
    public static EdgeList allPairs(int n) {
        int[] s = new int[n * n];
        int[] d = new int[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                s[i * n + j] = i;
                d[i * n + j] = j;
            }
        }
        return new EdgeList(s, d);
    }

    /** The N² labels of the target, row-major, as a column. */
    public static Matrix labels(SparseMatrix target) {
        int n = target.rows();
        Matrix m = Matrix.zeros(n * n, 1);
        for (int i = 0; i < n; i++) {
            for (int p = target.rowStart(i); p < target.rowEnd(i); p++) {
                m.set(i * n + target.colAt(p), 0, 1.0);
            }
        }
        return m;
    }

    public static void assertClose(Matrix actual, Matrix expected, boolean exact, String what) {
        double scale = expected.maxAbs();
        assertThat(scale).as(what).isGreaterThan(0);
        double[] a = actual.data();
        double[] e = expected.data();
        for (int k = 0; k < a.length; k++) {
            double tolerance = exact ? 1e-9 * Math.max(Math.abs(e[k]), 1e-3 * scale) : 1e-4 * scale;
            assertThat(a[k]).as("%s entry %d", what, k).isCloseTo(e[k], within(tolerance));
        }
    }
}
