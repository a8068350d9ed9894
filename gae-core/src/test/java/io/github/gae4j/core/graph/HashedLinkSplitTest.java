// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.core.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.gae4j.testkit.TestGraphs;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The rule itself is checked against Spark in gae4j-spark ({@code HashedLinkSplitEquivalenceTest}); here: counts,
 * disjointness, no leakage, determinism, and that the split depends on the node ids, not on the node numbering.
 */
final class HashedLinkSplitTest {

    /** 500 nodes with ids 7k + 3 (node k), 2,000 random edges. */
    private static Graph sparseIds() {
        Graph g = TestGraphs.randomGraph(500, 2000, 11);
        long[] ids = new long[500];
        for (int k = 0; k < ids.length; k++) {
            ids[k] = 7L * k + 3;
        }
        return Graph.builder(500)
                .name("sparse-ids")
                .edges(g.upperTriangleEdges())
                .numericNodeIds(ids)
                .build();
    }

    private static Set<List<Long>> idPairs(Graph graph, EdgeList pairs) {
        Set<List<Long>> set = new HashSet<>();
        for (int k = 0; k < pairs.size(); k++) {
            long a = Long.parseLong(graph.nodeIds().get(pairs.src(k)));
            long b = Long.parseLong(graph.nodeIds().get(pairs.dst(k)));
            assertThat(a).as("smaller id first").isLessThan(b);
            set.add(List.of(a, b));
        }
        assertThat(set).as("no pair twice").hasSize(pairs.size());
        return set;
    }

    private static List<Set<List<Long>>> parts(Graph graph, LinkSplit split) {
        return List.of(
                idPairs(graph, split.trainPositives()),
                idPairs(graph, split.valPositives()),
                idPairs(graph, split.valNegatives()),
                idPairs(graph, split.testPositives()),
                idPairs(graph, split.testNegatives()));
    }

    @Test
    void countsAreLinkSplitsAndThePartsAreDisjointWithoutLeakage() {
        Graph graph = sparseIds();
        LinkSplit split = HashedLinkSplit.of(graph, 0.05, 0.10, 7);
        LinkSplit reference = LinkSplit.of(graph, 0.05, 0.10, 7);
        assertThat(split.testPositives().size())
                .isEqualTo(reference.testPositives().size())
                .isEqualTo(200);
        assertThat(split.valPositives().size())
                .isEqualTo(reference.valPositives().size())
                .isEqualTo(100);
        assertThat(split.trainPositives().size()).isEqualTo(1700);
        assertThat(split.testNegatives().size()).isEqualTo(200);
        assertThat(split.valNegatives().size()).isEqualTo(100);

        List<Set<List<Long>>> parts = parts(graph, split);
        Set<List<Long>> all = idPairs(graph, graph.upperTriangleEdges());
        Set<List<Long>> union = new HashSet<>(parts.get(0));
        union.addAll(parts.get(1));
        union.addAll(parts.get(3));
        assertThat(union).isEqualTo(all);
        assertThat(parts.get(0)).doesNotContainAnyElementsOf(parts.get(1)).doesNotContainAnyElementsOf(parts.get(3));
        assertThat(parts.get(1)).doesNotContainAnyElementsOf(parts.get(3));
        assertThat(parts.get(2)).doesNotContainAnyElementsOf(parts.get(4)).doesNotContainAnyElementsOf(all);
        assertThat(parts.get(4)).doesNotContainAnyElementsOf(all);

        // The training graph holds the training edges only: no held-out edge leaks into what the encoder sees.
        Graph train = split.trainGraph();
        assertThat(train.edgeCount()).isEqualTo(1700);
        assertThat(train.nodeIds()).isEqualTo(graph.nodeIds());
        for (EdgeList held : List.of(split.valPositives(), split.testPositives())) {
            for (int k = 0; k < held.size(); k++) {
                assertThat(train.adjacency().contains(held.src(k), held.dst(k))).isFalse();
            }
        }
    }

    /** Positives go in hash-key order: every test key at most every validation key, at most every training key. */
    @Test
    void heldOutEdgesAreTheFirstInSparksKeyOrder() {
        Graph graph = sparseIds();
        long seed = 5;
        LinkSplit split = HashedLinkSplit.of(graph, 0.05, 0.10, seed);
        long[] test = keys(graph, split.testPositives(), seed);
        long[] val = keys(graph, split.valPositives(), seed);
        long[] train = keys(graph, split.trainPositives(), seed);
        for (int k = 1; k < test.length; k++) {
            assertThat(test[k]).isGreaterThanOrEqualTo(test[k - 1]);
        }
        for (int k = 1; k < val.length; k++) {
            assertThat(val[k]).isGreaterThanOrEqualTo(val[k - 1]);
        }
        assertThat(val[0]).isGreaterThanOrEqualTo(test[test.length - 1]);
        assertThat(Arrays.stream(train).min().orElseThrow()).isGreaterThanOrEqualTo(val[val.length - 1]);

        // The first test negative is the first draw (ranks pmod(xxhash64(seed, 1|2, d), N)) that is a non-edge.
        int n = graph.nodeCount();
        for (long d = 0; ; d++) {
            int a = (int) Math.floorMod(XxHash64.sparkXxhash64(seed, 1, d), (long) n);
            int b = (int) Math.floorMod(XxHash64.sparkXxhash64(seed, 2, d), (long) n);
            if (a != b && !graph.adjacency().contains(a, b)) {
                // Ids 7k + 3 ascend with k: rank = node index.
                assertThat(split.testNegatives().src(0)).isEqualTo(Math.min(a, b));
                assertThat(split.testNegatives().dst(0)).isEqualTo(Math.max(a, b));
                break;
            }
        }
    }

    private static long[] keys(Graph graph, EdgeList pairs, long seed) {
        long[] keys = new long[pairs.size()];
        for (int k = 0; k < keys.length; k++) {
            keys[k] = XxHash64.sparkXxhash64(
                    seed,
                    Long.parseLong(graph.nodeIds().get(pairs.src(k))),
                    Long.parseLong(graph.nodeIds().get(pairs.dst(k))));
        }
        return keys;
    }

    @Test
    void theSameSeedGivesTheSameSplitAndAnotherSeedAnother() {
        Graph graph = sparseIds();
        List<Set<List<Long>>> once = parts(graph, HashedLinkSplit.of(graph, 0.05, 0.10, 7));
        List<Set<List<Long>>> again = parts(graph, HashedLinkSplit.of(graph, 0.05, 0.10, 7));
        List<Set<List<Long>>> other = parts(graph, HashedLinkSplit.of(graph, 0.05, 0.10, 8));
        assertThat(again).isEqualTo(once);
        assertThat(other.get(3)).isNotEqualTo(once.get(3));
        assertThat(other.get(4)).isNotEqualTo(once.get(4));
    }

    /**
     * The split is one of node ids: the same graph with its nodes numbered in another order (ids shuffled over the
     * indices, some negative), or with the ids given as strings, gives the same pairs of ids.
     */
    @Test
    void theSplitDependsOnTheIdsNotOnHowNodesAreNumbered() {
        Graph base = TestGraphs.randomGraph(300, 900, 3);
        SplittableRandom rng = new SplittableRandom(9);
        long[] ascending = new long[300];
        long next = -1_000_000_000_000L;
        for (int k = 0; k < ascending.length; k++) {
            next += 1 + rng.nextInt(1_000_000_000);
            ascending[k] = next;
        }
        Graph sorted = Graph.builder(300)
                .edges(base.upperTriangleEdges())
                .numericNodeIds(ascending)
                .build();
        // Node k of the shuffled graph is node perm[k] of the sorted one.
        int[] perm = LinkSplit.shuffledOrder(300, new SplittableRandom(4));
        int[] position = new int[300];
        long[] shuffledIds = new long[300];
        for (int k = 0; k < 300; k++) {
            position[perm[k]] = k;
            shuffledIds[k] = ascending[perm[k]];
        }
        EdgeList edges = base.upperTriangleEdges();
        int[] s = new int[edges.size()];
        int[] d = new int[edges.size()];
        for (int k = 0; k < s.length; k++) {
            s[k] = position[edges.src(k)];
            d[k] = position[edges.dst(k)];
        }
        Graph shuffled =
                Graph.builder(300).edges(s, d).numericNodeIds(shuffledIds).build();
        List<String> names = new ArrayList<>();
        for (long id : shuffledIds) {
            names.add(Long.toString(id));
        }
        Graph named = Graph.builder(300).edges(s, d).nodeIds(names).build();

        List<Set<List<Long>>> expected = parts(sorted, HashedLinkSplit.of(sorted, 0.05, 0.10, 21));
        assertThat(parts(shuffled, HashedLinkSplit.of(shuffled, 0.05, 0.10, 21)))
                .isEqualTo(expected);
        assertThat(parts(named, HashedLinkSplit.of(named, 0.05, 0.10, 21))).isEqualTo(expected);
    }

    /** Without ids a graph's nodes are 0 .. N-1, which is what gae-spark sees for tables with those ids. */
    @Test
    void aGraphWithoutIdsUsesItsIndices() {
        Graph plain = TestGraphs.randomGraph(200, 600, 5);
        long[] indices = new long[200];
        Arrays.setAll(indices, i -> i);
        Graph numbered = Graph.builder(200)
                .edges(plain.upperTriangleEdges())
                .numericNodeIds(indices)
                .build();
        assertThat(parts(plain, HashedLinkSplit.of(plain, 0.05, 0.10, 1)))
                .isEqualTo(parts(numbered, HashedLinkSplit.of(numbered, 0.05, 0.10, 1)));
    }

    @Test
    void badGraphsAndFractionsFailClearly() {
        Graph base = TestGraphs.randomGraph(50, 100, 2);
        List<String> names = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            names.add(i == 4 ? "paper-4" : Integer.toString(i));
        }
        Graph named = Graph.builder(50)
                .name("papers")
                .edges(base.upperTriangleEdges())
                .nodeIds(names)
                .build();
        assertThatThrownBy(() -> HashedLinkSplit.of(named, 0.05, 0.10, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Graph 'papers': the hashed link split (gae-spark's) orders nodes by integer id, but node"
                        + " 4 has id 'paper-4'; load the graph with its integer node ids (the 'tables' loader does)");
        names.set(4, "007");
        Graph padded = Graph.builder(50)
                .name("padded")
                .edges(base.upperTriangleEdges())
                .nodeIds(names)
                .build();
        assertThatThrownBy(() -> HashedLinkSplit.of(padded, 0.05, 0.10, 1)).hasMessageContaining("node 4 has id '007'");
        long[] repeated = new long[50];
        Arrays.setAll(repeated, i -> 100 - i);
        repeated[10] = repeated[3];
        Graph twice = Graph.builder(50)
                .name("twice")
                .edges(base.upperTriangleEdges())
                .numericNodeIds(repeated)
                .build();
        assertThatThrownBy(() -> HashedLinkSplit.of(twice, 0.05, 0.10, 1))
                .hasMessage("Graph 'twice': nodes 3 and 10 have the same id 97");
        Graph directed = Graph.builder(3)
                .name("arrows")
                .directed(true)
                .edges(new int[] {0, 1}, new int[] {1, 2})
                .build();
        assertThatThrownBy(() -> HashedLinkSplit.of(directed, 0.05, 0.10, 1))
                .hasMessage("The hashed link split (gae-spark's) is for undirected graphs; 'arrows' is directed");
        assertThatThrownBy(() -> HashedLinkSplit.of(TestGraphs.randomGraph(20, 5, 1), 0.05, 0.10, 1))
                .hasMessageContaining("too few for a link split with 10% test edges, which needs at least 10 edges");
        assertThatThrownBy(() -> HashedLinkSplit.of(TestGraphs.randomGraph(8, 28, 1), 0.05, 0.10, 1))
                .hasMessageContaining("is too dense to sample 3 negative pairs (only 0 non-edges)");
        assertThatThrownBy(() -> HashedLinkSplit.of(base, 0.5, 0.5, 1)).hasMessageContaining("validation + test < 1");
    }
}
