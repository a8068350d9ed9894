// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.runtime.baselines;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.gae4j.core.graph.EdgeList;
import io.github.gae4j.core.graph.Graph;
import io.github.gae4j.core.graph.LinkSplit;
import io.github.gae4j.core.parallel.Parallelism;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LinkHeuristicsTest {

    private static final double B = 0.005;

    /**
     * 0 – 1, 0 – 2, 1 – 2, 1 – 3, 2 – 3, 3 – 4, 4 – 5: degrees 2, 3, 3, 3, 2, 1.
     */
    private static Graph small() {
        return Graph.builder(6)
                .name("small")
                .edges(new int[] {0, 0, 1, 1, 2, 3, 4}, new int[] {1, 2, 2, 3, 3, 4, 5})
                .build();
    }

    private static EdgeList pairs(int... flat) {
        int[] s = new int[flat.length / 2];
        int[] d = new int[flat.length / 2];
        for (int k = 0; k < s.length; k++) {
            s[k] = flat[2 * k];
            d[k] = flat[2 * k + 1];
        }
        return new EdgeList(s, d);
    }

    @Test
    void everyHeuristicMatchesTheHandComputedValues() {
        // (0,3): N = {1,2} and {1,2,4}; (0,4): {1,2} and {3,5}; (1,5); (2,4); (3,4) is an edge.
        EdgeList p = pairs(0, 3, 0, 4, 1, 5, 2, 4, 3, 4);
        Map<LinkHeuristic, double[]> s = LinkHeuristics.score(small(), p, B, Parallelism.singleThreaded());
        double ln3 = Math.log(3);
        assertThat(s.get(LinkHeuristic.COMMON_NEIGHBOURS)).containsExactly(2, 0, 0, 1, 0);
        assertThat(s.get(LinkHeuristic.ADAMIC_ADAR))
                .containsExactly(new double[] {2 / ln3, 0, 0, 1 / ln3, 0}, within(1e-15));
        assertThat(s.get(LinkHeuristic.RESOURCE_ALLOCATION))
                .containsExactly(new double[] {2 / 3.0, 0, 0, 1 / 3.0, 0}, within(1e-15));
        assertThat(s.get(LinkHeuristic.PREFERENTIAL_ATTACHMENT)).containsExactly(6, 4, 3, 6, 6);
        // Walks of length 3: 0-1-2-3, 0-2-1-3; 0-1-3-4, 0-2-3-4; 1-3-4-5; 2-1-3-4; 3-1-3-4, 3-2-3-4, 3-4-3-4, 3-4-5-4.
        double b2 = B * B;
        double b3 = B * B * B;
        assertThat(s.get(LinkHeuristic.KATZ))
                .containsExactly(new double[] {2 * b2 + 2 * b3, 2 * b3, b3, b2 + b3, B + 4 * b3}, within(1e-18));
    }

    @Test
    void tiesCountAsScikitLearnCountsThem() {
        // Positives (0,3), (2,4); negatives (0,4), (1,5), (1,4).
        BaselineReport r = LinkHeuristics.evaluate(
                small(), pairs(0, 3, 2, 4), pairs(0, 4, 1, 5, 1, 4), Parallelism.singleThreaded());
        // PA: positives {6, 6}, negatives {4, 3, 6}: each positive beats two and ties one → 5 / 6;
        // one threshold (6) takes in both positives and one negative → AP = 1 · 2/3.
        assertThat(r.get(LinkHeuristic.PREFERENTIAL_ATTACHMENT).auc()).isCloseTo(5 / 6.0, within(1e-12));
        assertThat(r.get(LinkHeuristic.PREFERENTIAL_ATTACHMENT).ap()).isCloseTo(2 / 3.0, within(1e-12));
        // CN: positives {2, 1}, negatives {0, 0, 1}: (3 + 2.5) / 6; AP = ½ · 1 + ½ · ⅔.
        assertThat(r.get(LinkHeuristic.COMMON_NEIGHBOURS).auc()).isCloseTo(5.5 / 6, within(1e-12));
        assertThat(r.get(LinkHeuristic.COMMON_NEIGHBOURS).ap()).isCloseTo(0.5 + 1 / 3.0, within(1e-12));
        assertThat(r.get(LinkHeuristic.COMMON_NEIGHBOURS).positiveScores()).containsExactly(2, 1);
        assertThat(r.get(LinkHeuristic.COMMON_NEIGHBOURS).negativeScores()).containsExactly(0, 0, 1);
    }

    @Test
    void bestIsTheHighestAucAndTheLeadIsInPoints() {
        BaselineReport r = LinkHeuristics.evaluate(
                small(), pairs(0, 3, 2, 4), pairs(0, 4, 1, 5, 1, 4), Parallelism.singleThreaded());
        double top =
                r.heuristics().stream().mapToDouble(HeuristicScore::auc).max().orElseThrow();
        assertThat(r.best().auc()).isEqualTo(top);
        BaselineReport.Lead lead = r.leadOf(new io.github.gae4j.runtime.metrics.LinkScores(top - 0.011, 1.0));
        assertThat(lead.aucPoints()).isCloseTo(-1.1, within(1e-9));
        assertThat(lead.behind()).isTrue();
        assertThat(BaselineReport.Lead.points(-1.1)).isEqualTo("\u22121.1");
        assertThat(BaselineReport.Lead.points(2.34)).isEqualTo("+2.3");
        assertThat(BaselineReport.Lead.points(-0.01)).isEqualTo("0.0");
    }

    @Test
    void agreesWithADenseComputationOnARandomGraph() {
        denseCheck(40, 0.15, false, 7);
    }

    /** A hub joined to every node and many degree-1 nodes: Katz looks walks up in the hub's list by binary search. */
    @Test
    void agreesWithADenseComputationWithAHubAndLeaves() {
        denseCheck(60, 0.04, true, 8);
    }

    private static void denseCheck(int n, double p, boolean hub, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double[][] a = new double[n][n];
        List<int[]> edges = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                if ((hub && i == 0) || rnd.nextDouble() < p) {
                    a[i][j] = 1;
                    a[j][i] = 1;
                    edges.add(new int[] {i, j});
                }
            }
        }
        Graph g = Graph.builder(n)
                .edges(
                        edges.stream().mapToInt(e -> e[0]).toArray(),
                        edges.stream().mapToInt(e -> e[1]).toArray())
                .build();
        double[][] a2 = multiply(a, a);
        double[][] a3 = multiply(a2, a);
        double[] deg = new double[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                deg[i] += a[i][j];
            }
        }
        List<int[]> all = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (i != j) {
                    all.add(new int[] {i, j});
                }
            }
        }
        EdgeList pairs = new EdgeList(
                all.stream().mapToInt(e -> e[0]).toArray(),
                all.stream().mapToInt(e -> e[1]).toArray());
        double beta = 0.05;
        Map<LinkHeuristic, double[]> s = LinkHeuristics.score(g, pairs, beta, Parallelism.of(3));
        for (int k = 0; k < all.size(); k++) {
            int u = all.get(k)[0];
            int v = all.get(k)[1];
            double aa = 0;
            double ra = 0;
            for (int w = 0; w < n; w++) {
                if (a[u][w] == 1 && a[v][w] == 1) {
                    aa += 1 / Math.log(deg[w]);
                    ra += 1 / deg[w];
                }
            }
            assertThat(s.get(LinkHeuristic.COMMON_NEIGHBOURS)[k])
                    .as("CN %d %d", u, v)
                    .isEqualTo(a2[u][v]);
            assertThat(s.get(LinkHeuristic.ADAMIC_ADAR)[k]).as("AA %d %d", u, v).isCloseTo(aa, within(1e-12));
            assertThat(s.get(LinkHeuristic.RESOURCE_ALLOCATION)[k])
                    .as("RA %d %d", u, v)
                    .isCloseTo(ra, within(1e-12));
            assertThat(s.get(LinkHeuristic.PREFERENTIAL_ATTACHMENT)[k])
                    .as("PA %d %d", u, v)
                    .isEqualTo(deg[u] * deg[v]);
            double katz = beta * a[u][v] + beta * beta * a2[u][v] + beta * beta * beta * a3[u][v];
            assertThat(s.get(LinkHeuristic.KATZ)[k]).as("Katz %d %d", u, v).isCloseTo(katz, within(1e-15));
        }
    }

    @Test
    void theSameNumbersForAnyThreadCount() {
        Graph g = randomGraph(500, 3000, 11);
        LinkSplit split = LinkSplit.of(g, 0);
        BaselineReport one = LinkHeuristics.evaluate(split, Parallelism.singleThreaded());
        try (Parallelism three = Parallelism.of(3)) {
            BaselineReport many = LinkHeuristics.evaluate(split, three);
            for (LinkHeuristic h : LinkHeuristic.values()) {
                assertThat(many.get(h).positiveScores()).isEqualTo(one.get(h).positiveScores());
                assertThat(many.get(h).negativeScores()).isEqualTo(one.get(h).negativeScores());
                assertThat(many.get(h).scores()).isEqualTo(one.get(h).scores());
            }
        }
        assertThat(one.heuristics()).extracting(HeuristicScore::heuristic).containsExactly(LinkHeuristic.values());
    }

    @Test
    void badInputIsRejectedWithAClearMessage() {
        assertThatThrownBy(
                        () -> LinkHeuristics.evaluate(small(), pairs(0, 9), pairs(0, 4), Parallelism.singleThreaded()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Pair 0 (0, 9)");
        assertThatThrownBy(() ->
                        LinkHeuristics.evaluate(small(), pairs(0, 3), EdgeList.empty(), Parallelism.singleThreaded()))
                .hasMessageContaining("positive and negative pairs");
        assertThatThrownBy(() ->
                        LinkHeuristics.evaluate(small(), pairs(0, 3), pairs(0, 4), -1, Parallelism.singleThreaded()))
                .hasMessageContaining("Katz");
    }

    private static Graph randomGraph(int n, int m, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        int[] s = new int[m];
        int[] d = new int[m];
        for (int k = 0; k < m; k++) {
            s[k] = rnd.nextInt(n);
            do {
                d[k] = rnd.nextInt(n);
            } while (d[k] == s[k]);
        }
        return Graph.builder(n).edges(s, d).build();
    }

    private static double[][] multiply(double[][] x, double[][] y) {
        int n = x.length;
        double[][] out = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < n; k++) {
                for (int j = 0; j < n; j++) {
                    out[i][j] += x[i][k] * y[k][j];
                }
            }
        }
        return out;
    }
}
