// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.runtime.minibatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.gae4j.core.graph.Graph;
import io.github.gae4j.core.spi.GraphInput;
import io.github.gae4j.core.tensor.Matrix;
import io.github.gae4j.core.tensor.SparseMatrix;
import io.github.gae4j.testkit.DirectedTestGraphs;
import io.github.gae4j.testkit.TestGraphs;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

final class NeighbourSamplerTest {

    /** 60 nodes, 400 edges: degrees mostly above the fan-outs used here, so sampling really cuts. */
    private static final Graph DENSE = TestGraphs.randomGraph(60, 400, 11);

    private static final int[] SEEDS = {5, 17, 5, 40, 2};

    @Test
    void seedsComeFirstInOrderRepeatsOnce() {
        SampledSubgraph sub = sample(DENSE, FanOut.of(3, 2), SEEDS, 1);
        assertThat(sub.seedCount()).isEqualTo(4);
        assertThat(Arrays.copyOf(sub.nodes(), 4)).containsExactly(5, 17, 40, 2);
        assertThat(sub.hopEnd(0)).isEqualTo(4);
        assertThat(sub.row(40)).isEqualTo(2);
        assertThat(sub.rows(new int[] {2, 5})).containsExactly(3, 0);
        assertThatThrownBy(() -> sub.row(-5)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void eachNodeIsInTheSubgraphOnceAtTheHopWhereItIsFirstReached() {
        FanOut fanOut = FanOut.of(3, 2);
        SampledSubgraph sub = sample(DENSE, fanOut, SEEDS, 2);
        int[] nodes = sub.nodes();
        assertThat(new HashSet<>(Arrays.stream(nodes).boxed().toList())).hasSize(nodes.length);
        assertThat(sub.nodeCount()).isEqualTo(nodes.length);
        assertThat(sub.hopEnd(fanOut.hops())).isEqualTo(nodes.length);
        SparseMatrix a = sub.input().graph().adjacency();
        assertThat(a.rows()).isEqualTo(nodes.length);
        // A node of hop h is reached from a node of hop h - 1, never earlier: rows of hop h point to hops <= h + 1,
        // and every node of hop h + 1 is a column of some row of hop h.
        for (int h = 0; h < fanOut.hops(); h++) {
            Set<Integer> reached = new HashSet<>();
            for (int r = from(sub, h); r < sub.hopEnd(h); r++) {
                for (int p = a.rowStart(r); p < a.rowEnd(r); p++) {
                    assertThat(a.colAt(p)).as("neighbour of a hop-%d row", h).isLessThan(sub.hopEnd(h + 1));
                    reached.add(a.colAt(p));
                }
            }
            for (int r = sub.hopEnd(h); r < sub.hopEnd(h + 1); r++) {
                assertThat(reached)
                        .as("hop-%d node %d reached from hop %d", h + 1, nodes[r], h)
                        .contains(r);
            }
        }
        assertThat(sub.input().features().rows()).isEqualTo(nodes.length);
    }

    @Test
    void fanOutIsRespectedPerHopAndTheLastHopsRowsAreEmpty() {
        FanOut fanOut = FanOut.of(4, 2);
        SampledSubgraph sub = sample(DENSE, fanOut, SEEDS, 3);
        SparseMatrix full = DENSE.adjacency();
        SparseMatrix a = sub.input().graph().adjacency();
        int[] nodes = sub.nodes();
        for (int h = 0; h <= fanOut.hops(); h++) {
            for (int r = from(sub, h); r < sub.hopEnd(h); r++) {
                int degree = full.rowNnz(nodes[r]);
                int expected = h == fanOut.hops() ? 0 : Math.min(degree, fanOut.at(h));
                assertThat(a.rowNnz(r))
                        .as("neighbours kept of hop-%d node %d", h, nodes[r])
                        .isEqualTo(expected);
            }
        }
        assertThat(sub.hopEnd(2)).as("a second hop exists").isGreaterThan(sub.hopEnd(1));
    }

    @Test
    void neighboursAreDrawnWithoutReplacementFromTheNodesOwnNeighbours() {
        SampledSubgraph sub = sample(DENSE, FanOut.of(5, 3), SEEDS, 4);
        SparseMatrix full = DENSE.adjacency();
        SparseMatrix a = sub.input().graph().adjacency();
        int[] nodes = sub.nodes();
        for (int r = 0; r < a.rows(); r++) {
            Set<Integer> seen = new HashSet<>();
            for (int p = a.rowStart(r); p < a.rowEnd(r); p++) {
                int g = nodes[a.colAt(p)];
                assertThat(full.contains(nodes[r], g))
                        .as("%d is a neighbour of %d", g, nodes[r])
                        .isTrue();
                assertThat(seen.add(g)).as("%d drawn twice for %d", g, nodes[r]).isTrue();
                assertThat(a.valueAt(p)).isEqualTo(1.0);
            }
        }
    }

    @Test
    void sampledValuesAreTheFullValuesScaledByDegreeOverKeptWithTheDiagonalKept() {
        assertScaledValues(DENSE, FanOut.of(3, 2), 5);
    }

    @Test
    void directedGraphsSampleOutNeighboursWithTheOutDegreeNormalisation() {
        Graph directed = DirectedTestGraphs.random(50, 300, 0.2, 8);
        GraphInput input = GraphInput.of(directed);
        assertThat(input.normalizedAdjacency().isSymmetric()).isFalse();
        assertScaledValues(directed, FanOut.of(3, 2), 6);
        assertFullRowsAtFanOutAll(directed);
    }

    @Test
    void withFanOutAllTheRowsBeforeTheLastHopAreTheFullRows() {
        assertFullRowsAtFanOutAll(DENSE);
        assertFullRowsAtFanOutAll(TestGraphs.starWithIsolatedNode(4));
    }

    @Test
    void featuresAreTheSubgraphNodesRows() {
        Graph graph = TestGraphs.twoCommunities(20, 3, 4);
        SampledSubgraph sub = sample(graph, FanOut.of(2, 2), new int[] {3, 30}, 9);
        Matrix full = graph.featuresOrIdentity().toDense();
        Matrix local = sub.input().features().toDense();
        int[] nodes = sub.nodes();
        for (int r = 0; r < nodes.length; r++) {
            for (int k = 0; k < full.cols(); k++) {
                assertThat(local.get(r, k)).isEqualTo(full.get(nodes[r], k));
            }
        }
    }

    @Test
    void theSameSeedGivesTheSameSubgraphAndAnotherSeedAnother() {
        FanOut fanOut = FanOut.of(3, 2);
        SampledSubgraph a = sample(DENSE, fanOut, SEEDS, 77);
        SampledSubgraph b = sample(DENSE, fanOut, SEEDS, 77);
        assertThat(b.nodes()).containsExactly(a.nodes());
        assertThat(csr(b.input().normalizedAdjacency())).isEqualTo(csr(a.input().normalizedAdjacency()));
        SampledSubgraph c = sample(DENSE, fanOut, SEEDS, 78);
        assertThat(csr(c.input().normalizedAdjacency()))
                .isNotEqualTo(csr(a.input().normalizedAdjacency()));
    }

    /**
     * The sampled row of a node times any node states h is an unbiased estimate of the full row times h: over many
     * draws the mean comes close to the exact product (the sampling itself moves it by far more than the tolerance).
     */
    @Test
    void theSampledRowIsAnUnbiasedEstimateOfTheFullRow() {
        SplittableRandom values = new SplittableRandom(3);
        double[] h = new double[DENSE.nodeCount()];
        for (int i = 0; i < h.length; i++) {
            h[i] = values.nextDouble() * 4 - 1;
        }
        SparseMatrix hat = GraphInput.of(DENSE).normalizedAdjacency();
        NeighbourSampler sampler = new NeighbourSampler(GraphInput.of(DENSE), FanOut.of(2));
        for (int node : new int[] {0, 13, 29}) {
            double exact = 0;
            for (int p = hat.rowStart(node); p < hat.rowEnd(node); p++) {
                exact += hat.valueAt(p) * h[hat.colAt(p)];
            }
            SplittableRandom random = new SplittableRandom(1234 + node);
            int draws = 20_000;
            double sum = 0;
            double sumSquares = 0;
            for (int k = 0; k < draws; k++) {
                SampledSubgraph sub = sampler.sample(new int[] {node}, random);
                SparseMatrix local = sub.input().normalizedAdjacency();
                int[] nodes = sub.nodes();
                double estimate = 0;
                for (int p = local.rowStart(0); p < local.rowEnd(0); p++) {
                    estimate += local.valueAt(p) * h[nodes[local.colAt(p)]];
                }
                sum += estimate;
                sumSquares += estimate * estimate;
            }
            double mean = sum / draws;
            double spread = Math.sqrt(sumSquares / draws - mean * mean);
            assertThat(spread).as("the estimate of node %d varies", node).isGreaterThan(0.05);
            assertThat(mean)
                    .as("mean sampled row of node %d times h", node)
                    .isCloseTo(exact, within(5 * spread / Math.sqrt(draws) + 1e-9));
        }
    }

    @Test
    void aNormalisedAdjacencyThatIsNotOfAPlusIIsRefused() {
        GraphInput input = GraphInput.of(DENSE);
        GraphInput withoutDiagonal = new GraphInput(DENSE, DENSE.adjacency(), input.features());
        assertThatThrownBy(() -> new NeighbourSampler(withoutDiagonal, FanOut.of(2)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("A + I");
    }

    @Test
    void aSeedOutsideTheGraphIsRefused() {
        NeighbourSampler sampler = new NeighbourSampler(GraphInput.of(DENSE), FanOut.of(2));
        assertThatThrownBy(() -> sampler.sample(new int[] {60}, new SplittableRandom(1)))
                .isInstanceOf(IndexOutOfBoundsException.class);
    }

    private static void assertScaledValues(Graph graph, FanOut fanOut, long seed) {
        GraphInput input = GraphInput.of(graph);
        SparseMatrix fullHat = input.normalizedAdjacency();
        SparseMatrix full = graph.adjacency();
        SampledSubgraph sub = sample(graph, fanOut, new int[] {0, 7, 12}, seed);
        SparseMatrix hat = sub.input().normalizedAdjacency();
        SparseMatrix a = sub.input().graph().adjacency();
        int[] nodes = sub.nodes();
        boolean cut = false;
        for (int r = 0; r < hat.rows(); r++) {
            int g = nodes[r];
            int kept = a.rowNnz(r);
            assertThat(hat.rowNnz(r))
                    .as("Â row %d: kept neighbours and the diagonal", r)
                    .isEqualTo(kept + 1);
            double scale = kept == 0 ? 1.0 : (double) full.rowNnz(g) / kept;
            cut |= scale > 1;
            for (int p = hat.rowStart(r); p < hat.rowEnd(r); p++) {
                int c = hat.colAt(p);
                double expected = c == r ? fullHat.get(g, g) : fullHat.get(g, nodes[c]) * scale;
                assertThat(hat.valueAt(p))
                        .as("Â of sampled (%d, %d) = full Â (%d, %d)%s", r, c, g, nodes[c], c == r ? "" : " × d/s")
                        .isCloseTo(expected, within(1e-15 * Math.abs(expected)));
            }
        }
        assertThat(cut).as("some rows were cut by the fan-out").isTrue();
    }

    private static void assertFullRowsAtFanOutAll(Graph graph) {
        SparseMatrix fullHat = GraphInput.of(graph).normalizedAdjacency();
        int hops = 2;
        SampledSubgraph sub = sample(graph, FanOut.all(hops), new int[] {0, 1}, 1);
        SparseMatrix hat = sub.input().normalizedAdjacency();
        int[] nodes = sub.nodes();
        for (int r = 0; r < sub.hopEnd(hops - 1); r++) {
            Map<Integer, Double> sampled = new LinkedHashMap<>();
            for (int p = hat.rowStart(r); p < hat.rowEnd(r); p++) {
                sampled.put(nodes[hat.colAt(p)], hat.valueAt(p));
            }
            Map<Integer, Double> exact = new LinkedHashMap<>();
            int g = nodes[r];
            for (int p = fullHat.rowStart(g); p < fullHat.rowEnd(g); p++) {
                exact.put(fullHat.colAt(p), fullHat.valueAt(p));
            }
            assertThat(sampled).as("row of node %d at fan-out -1", g).isEqualTo(exact);
        }
    }

    private static int from(SampledSubgraph sub, int hop) {
        return hop == 0 ? 0 : sub.hopEnd(hop - 1);
    }

    private static SampledSubgraph sample(Graph graph, FanOut fanOut, int[] seeds, long seed) {
        return new NeighbourSampler(GraphInput.of(graph), fanOut).sample(seeds, new SplittableRandom(seed));
    }

    private static String csr(SparseMatrix m) {
        StringBuilder out = new StringBuilder();
        for (int r = 0; r < m.rows(); r++) {
            out.append(r).append(':');
            for (int p = m.rowStart(r); p < m.rowEnd(r); p++) {
                out.append(m.colAt(p)).append('=').append(m.valueAt(p)).append(' ');
            }
        }
        return out.toString();
    }
}
