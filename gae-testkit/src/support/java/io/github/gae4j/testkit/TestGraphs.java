// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.testkit;

import io.github.gae4j.core.graph.Features;
import io.github.gae4j.core.graph.Graph;
import io.github.gae4j.core.tensor.Matrix;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/** Tiny seeded graphs for tests: gae-core's, gae-testkit's contract tests and plugins' own. */
public final class TestGraphs {

    private TestGraphs() {}

    public static Graph triangle() {
        return Graph.builder(3)
                .name("triangle")
                .edges(new int[] {0, 1, 2}, new int[] {1, 2, 0})
                .build();
    }

    /** 0-1-2-…-(n-1). */
    public static Graph path(int n) {
        int[] s = new int[n - 1];
        int[] d = new int[n - 1];
        for (int i = 0; i + 1 < n; i++) {
            s[i] = i;
            d[i] = i + 1;
        }
        return Graph.builder(n).name("path" + n).edges(s, d).build();
    }

    /** Node 0 joined to every other node, plus one isolated node at the end. */
    public static Graph starWithIsolatedNode(int leaves) {
        int[] s = new int[leaves];
        int[] d = new int[leaves];
        for (int i = 0; i < leaves; i++) {
            s[i] = 0;
            d[i] = i + 1;
        }
        return Graph.builder(leaves + 2).name("star").edges(s, d).build();
    }

    /**
     * Two dense communities of {@code half} nodes each, sparsely linked, with dense features that
     * correlate with the community: enough structure for a link-prediction sanity check.
     */
    public static Graph twoCommunities(int half, int featureDim, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        int n = 2 * half;
        List<int[]> edges = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                boolean same = (i < half) == (j < half);
                if (rng.nextDouble() < (same ? 0.3 : 0.02)) {
                    edges.add(new int[] {i, j});
                }
            }
        }
        int[] s = edges.stream().mapToInt(e -> e[0]).toArray();
        int[] d = edges.stream().mapToInt(e -> e[1]).toArray();
        Matrix x = Matrix.zeros(n, featureDim);
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = i < half ? 0 : 1;
            for (int k = 0; k < featureDim; k++) {
                double signal = (k % 2 == labels[i]) ? 1.0 : 0.0;
                x.set(i, k, signal + 0.3 * rng.nextGaussian());
            }
        }
        return Graph.builder(n)
                .name("two-communities")
                .edges(s, d)
                .features(Features.dense(x))
                .labels(labels, List.of("a", "b"))
                .build();
    }

    /**
     * A seeded uniform random graph with exactly {@code edges} distinct undirected edges and no
     * features (an Erdős–Rényi G(n, m) graph).
     */
    public static Graph randomGraph(int n, int edges, long seed) {
        long possible = (long) n * (n - 1) / 2;
        if (edges > possible) {
            throw new IllegalArgumentException(edges + " edges do not fit in " + n + " nodes");
        }
        SplittableRandom rng = new SplittableRandom(seed);
        Set<Long> seen = new HashSet<>();
        int[] s = new int[edges];
        int[] d = new int[edges];
        int k = 0;
        while (k < edges) {
            int i = rng.nextInt(n);
            int j = rng.nextInt(n);
            if (i == j || !seen.add((long) Math.min(i, j) * n + Math.max(i, j))) {
                continue;
            }
            s[k] = i;
            d[k] = j;
            k++;
        }
        return Graph.builder(n).name("random" + n).edges(s, d).build();
    }

    /** A seeded random matrix with entries in [-1, 1). */
    public static Matrix randomMatrix(int rows, int cols, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        Matrix m = Matrix.zeros(rows, cols);
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                m.set(i, j, 2 * rng.nextDouble() - 1);
            }
        }
        return m;
    }
}
