// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.runtime.metrics.clustering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

final class HungarianTest {

    @Test
    void knownSquareProblem() {
        // scipy.optimize.linear_sum_assignment docs example: rows -> columns (1, 0, 2), cost 1 + 2 + 2 = 5.
        double[][] cost = {{4, 1, 3}, {2, 0, 5}, {3, 2, 2}};
        int[] match = Hungarian.minimise(cost);
        assertThat(match).containsExactly(1, 0, 2);
        assertThat(Hungarian.total(cost, match)).isEqualTo(5.0);
    }

    @Test
    void knownWideProblemLeavesOneColumnUnused() {
        // All 24 injections of 3 rows into 4 columns, best first: (1, 0, 2) = 2 + 6 + 1 = 9 is the unique
        // optimum; next are (1, 2, 0) = 2 + 3 + 5 = 10 and (1, 3, 2) = 2 + 7 + 1 = 10. Column 3 stays unused.
        double[][] cost = {{9, 2, 7, 8}, {6, 4, 3, 7}, {5, 8, 1, 8}};
        int[] match = Hungarian.minimise(cost);
        assertThat(match).containsExactly(1, 0, 2);
        assertThat(Hungarian.total(cost, match)).isEqualTo(9.0);
    }

    @Test
    void tallProblemLeavesRowsUnassigned() {
        // Transpose of the wide problem: row 3 (the former column 3) gets no column.
        double[][] cost = {{9, 6, 5}, {2, 4, 8}, {7, 3, 1}, {8, 7, 8}};
        int[] match = Hungarian.minimise(cost);
        assertThat(match).containsExactly(1, 0, 2, Hungarian.UNASSIGNED);
        assertThat(Hungarian.total(cost, match)).isEqualTo(9.0);
    }

    @Test
    void maximiseFindsTheLargestTotal() {
        // Best: row 0 -> 2 (7), row 1 -> 1 (5), row 2 -> 0 (9) = 21.
        double[][] profit = {{1, 2, 7}, {3, 5, 1}, {9, 4, 2}};
        int[] match = Hungarian.maximise(profit);
        assertThat(match).containsExactly(2, 1, 0);
        assertThat(Hungarian.total(profit, match)).isEqualTo(21.0);
    }

    @Test
    void negativeCostsAndTiesAreFine() {
        double[][] cost = {{-1, -1}, {-1, -1}};
        int[] match = Hungarian.minimise(cost);
        assertThat(match).containsExactlyInAnyOrder(0, 1);
        assertThat(Hungarian.total(cost, match)).isEqualTo(-2.0);
    }

    @Test
    void matchesBruteForceOnRandomRectangularMatrices() {
        SplittableRandom rng = new SplittableRandom(7);
        for (int trial = 0; trial < 300; trial++) {
            int n = 1 + rng.nextInt(6);
            int m = 1 + rng.nextInt(6);
            double[][] cost = new double[n][m];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < m; j++) {
                    // Small integers: many ties, exact sums.
                    cost[i][j] = rng.nextInt(-5, 10);
                }
            }
            int[] match = Hungarian.minimise(cost);
            assertThat(match).hasSize(n);
            int assigned = 0;
            boolean[] columnUsed = new boolean[m];
            for (int j : match) {
                if (j != Hungarian.UNASSIGNED) {
                    assertThat(columnUsed[j]).as("column %d used twice", j).isFalse();
                    columnUsed[j] = true;
                    assigned++;
                }
            }
            assertThat(assigned).isEqualTo(Math.min(n, m));
            assertThat(Hungarian.total(cost, match))
                    .as("trial %d (%d x %d)", trial, n, m)
                    .isEqualTo(bruteForce(cost, 0, new boolean[m], Math.min(n, m)));
        }
    }

    /** Least cost matching exactly {@code toAssign} of the rows from {@code row} on into unused columns. */
    private static double bruteForce(double[][] cost, int row, boolean[] used, int toAssign) {
        if (toAssign == 0) {
            return 0;
        }
        if (cost.length - row < toAssign) {
            return Double.POSITIVE_INFINITY;
        }
        // Either leave this row out ...
        double best = bruteForce(cost, row + 1, used, toAssign);
        // ... or give it any free column.
        for (int j = 0; j < used.length; j++) {
            if (!used[j]) {
                used[j] = true;
                best = Math.min(best, cost[row][j] + bruteForce(cost, row + 1, used, toAssign - 1));
                used[j] = false;
            }
        }
        return best;
    }

    @Test
    void emptyInputs() {
        assertThat(Hungarian.minimise(new double[0][0])).isEmpty();
        assertThat(Hungarian.minimise(new double[2][0])).containsExactly(Hungarian.UNASSIGNED, Hungarian.UNASSIGNED);
    }

    @Test
    void rejectsRaggedAndNonFiniteCosts() {
        assertThatThrownBy(() -> Hungarian.minimise(new double[][] {{1, 2}, {3}}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cost row 1 has 1 columns, expected 2");
        assertThatThrownBy(() -> Hungarian.minimise(new double[][] {{1, Double.NaN}}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cost[0][1] is NaN");
        assertThatThrownBy(() -> Hungarian.maximise(new double[][] {{Double.POSITIVE_INFINITY}}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("costs must be finite");
    }
}
