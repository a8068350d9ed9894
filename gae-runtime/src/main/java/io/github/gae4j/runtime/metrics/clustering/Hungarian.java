// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.runtime.metrics.clustering;

import java.util.Arrays;
import java.util.Locale;

/**
 * The Hungarian (Kuhn–Munkres) algorithm for the linear assignment problem, in the O(n²·m)
 * shortest-augmenting-path form with dual potentials (O(n³) for square inputs).
 *
 * <p>Cost matrices may be rectangular (n rows × m columns). Every row is matched to a distinct
 * column when n ≤ m; when n &gt; m every column is matched to a distinct row and n − m rows stay
 * unmatched. Either way the matching has min(n, m) pairs and the smallest (or, for
 * {@link #maximise}, largest) total among all such matchings. Costs must be finite: forbid a
 * pairing with a large finite cost, not with infinity. The result is deterministic; among
 * several optimal matchings, which one comes back is an unspecified but fixed function of the
 * input.
 */
public final class Hungarian {

    /** Marks a row left without a column in the arrays returned here. */
    public static final int UNASSIGNED = -1;

    private Hungarian() {}

    /**
     * A matching of least total cost.
     *
     * @param cost n × m matrix (rows of equal length); {@code cost[i][j]} is the cost of matching
     *             row i with column j
     * @return for each row i, its column, or {@link #UNASSIGNED} (only when n &gt; m)
     */
    public static int[] minimise(double[][] cost) {
        int n = cost.length;
        int m = checkShape(cost);
        if (n == 0 || m == 0) {
            int[] none = new int[n];
            Arrays.fill(none, UNASSIGNED);
            return none;
        }
        if (n <= m) {
            return solve(cost, n, m, false);
        }
        // More rows than columns: match each column to a row on the transpose, then invert.
        int[] colToRow = solve(cost, m, n, true);
        int[] rowToCol = new int[n];
        Arrays.fill(rowToCol, UNASSIGNED);
        for (int j = 0; j < m; j++) {
            rowToCol[colToRow[j]] = j;
        }
        return rowToCol;
    }

    /** A matching of greatest total {@code profit}; same shapes and result as {@link #minimise}. */
    public static int[] maximise(double[][] profit) {
        double[][] cost = new double[profit.length][];
        for (int i = 0; i < profit.length; i++) {
            cost[i] = new double[profit[i].length];
            for (int j = 0; j < cost[i].length; j++) {
                cost[i][j] = -profit[i][j];
            }
        }
        return minimise(cost);
    }

    /** Sum of {@code cost[i][assignment[i]]} over the assigned rows. */
    public static double total(double[][] cost, int[] assignment) {
        if (assignment.length != cost.length) {
            throw new IllegalArgumentException(String.format(
                    Locale.ROOT, "assignment has %d entries for %d rows", assignment.length, cost.length));
        }
        double sum = 0;
        for (int i = 0; i < assignment.length; i++) {
            if (assignment[i] != UNASSIGNED) {
                sum += cost[i][assignment[i]];
            }
        }
        return sum;
    }

    /** Checks that rows have equal length and finite entries; returns the column count. */
    private static int checkShape(double[][] cost) {
        int m = cost.length == 0 ? 0 : cost[0].length;
        for (int i = 0; i < cost.length; i++) {
            if (cost[i].length != m) {
                throw new IllegalArgumentException(
                        String.format(Locale.ROOT, "cost row %d has %d columns, expected %d", i, cost[i].length, m));
            }
            for (int j = 0; j < m; j++) {
                if (!Double.isFinite(cost[i][j])) {
                    throw new IllegalArgumentException(
                            String.format(Locale.ROOT, "cost[%d][%d] is %s: costs must be finite", i, j, cost[i][j]));
                }
            }
        }
        return m;
    }

    /**
     * Matches each of the {@code n} rows of the (possibly transposed) matrix to one of its
     * {@code m >= n} columns. Arrays are 1-based with index 0 as the virtual source column.
     */
    private static int[] solve(double[][] a, int n, int m, boolean transposed) {
        double[] u = new double[n + 1];
        double[] v = new double[m + 1];
        int[] p = new int[m + 1]; // p[j]: row matched to column j (1-based), 0 if none
        int[] way = new int[m + 1];
        double[] minv = new double[m + 1];
        boolean[] used = new boolean[m + 1];
        for (int i = 1; i <= n; i++) {
            p[0] = i;
            int j0 = 0;
            Arrays.fill(minv, Double.POSITIVE_INFINITY);
            Arrays.fill(used, false);
            do {
                used[j0] = true;
                int i0 = p[j0];
                double delta = Double.POSITIVE_INFINITY;
                int j1 = -1;
                for (int j = 1; j <= m; j++) {
                    if (!used[j]) {
                        double c = (transposed ? a[j - 1][i0 - 1] : a[i0 - 1][j - 1]) - u[i0] - v[j];
                        if (c < minv[j]) {
                            minv[j] = c;
                            way[j] = j0;
                        }
                        if (minv[j] < delta) {
                            delta = minv[j];
                            j1 = j;
                        }
                    }
                }
                for (int j = 0; j <= m; j++) {
                    if (used[j]) {
                        u[p[j]] += delta;
                        v[j] -= delta;
                    } else {
                        minv[j] -= delta;
                    }
                }
                if (j1 < 0) {
                    // Only reachable when differences of costs overflow to infinity.
                    throw new ArithmeticException("cost magnitudes too large for the assignment: rescale the costs");
                }
                j0 = j1;
            } while (p[j0] != 0);
            do {
                int j1 = way[j0];
                p[j0] = p[j1];
                j0 = j1;
            } while (j0 != 0);
        }
        int[] rowToCol = new int[n];
        Arrays.fill(rowToCol, UNASSIGNED);
        for (int j = 1; j <= m; j++) {
            if (p[j] != 0) {
                rowToCol[p[j] - 1] = j - 1;
            }
        }
        return rowToCol;
    }
}
