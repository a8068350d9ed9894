// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.testkit;

import io.github.gae4j.core.graph.Graph;
import io.github.gae4j.core.graph.PairSet;
import java.util.Arrays;
import java.util.SplittableRandom;

/** Seeded directed graphs for the tests of directed splits, kernels and decoders. */
public final class DirectedTestGraphs {

    private DirectedTestGraphs() {}

    /**
     * {@code edges} distinct directed edges i → j (i ≠ j) drawn uniformly, then the reverse of each
     * with probability {@code reciprocal} (so some pairs point both ways).
     */
    public static Graph random(int n, int edges, double reciprocal, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        PairSet seen = PairSet.ordered(2 * edges);
        int[] s = new int[2 * edges];
        int[] d = new int[2 * edges];
        int m = 0;
        while (m < edges) {
            int i = rng.nextInt(n);
            int j = rng.nextInt(n);
            if (i != j && seen.add(i, j)) {
                s[m] = i;
                d[m] = j;
                m++;
            }
        }
        int k = m;
        for (int e = 0; e < m; e++) {
            if (rng.nextDouble() < reciprocal && seen.add(d[e], s[e])) {
                s[k] = d[e];
                d[k] = s[e];
                k++;
            }
        }
        return Graph.builder(n)
                .name("directed-random")
                .directed(true)
                .edges(Arrays.copyOf(s, k), Arrays.copyOf(d, k))
                .build();
    }
}
