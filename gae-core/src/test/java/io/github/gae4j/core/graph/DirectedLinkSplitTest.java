// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.core.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.gae4j.core.graph.DirectedLinkSplit.Task;
import io.github.gae4j.testkit.DirectedTestGraphs;
import io.github.gae4j.testkit.TestGraphs;
import org.junit.jupiter.api.Test;

final class DirectedLinkSplitTest {

    /** 1000 directed edges among 400 nodes, about 15 % of them reciprocated. */
    private static final Graph GRAPH = DirectedTestGraphs.random(400, 1000, 0.15, 5);

    private static PairSet ordered(EdgeList... lists) {
        PairSet set = PairSet.ordered(16);
        for (EdgeList list : lists) {
            for (int k = 0; k < list.size(); k++) {
                set.add(list.src(k), list.dst(k));
            }
        }
        return set;
    }

    private static int reciprocatedPairs(Graph g) {
        int count = 0;
        for (int k = 0; k < g.edges().size(); k++) {
            int i = g.edges().src(k);
            int j = g.edges().dst(k);
            if (i < j && g.adjacency().contains(j, i)) {
                count++;
            }
        }
        return count;
    }

    @Test
    void generalSplitsDirectedEdgesWithTheReferenceFractions() {
        int e = GRAPH.edgeCount();
        LinkSplit split = DirectedLinkSplit.of(GRAPH, Task.GENERAL, 42);
        assertThat(split.testPositives().size()).isEqualTo(e / 10);
        assertThat(split.valPositives().size()).isEqualTo(e / 20);
        assertThat(split.trainPositives().size()).isEqualTo(e - e / 10 - e / 20);
        assertThat(split.testNegatives().size()).isEqualTo(e / 10);
        assertThat(split.valNegatives().size()).isEqualTo(e / 20);
        PairSet positives = ordered(split.trainPositives(), split.valPositives(), split.testPositives());
        assertThat(positives.size()).isEqualTo(e);
        Graph train = split.trainGraph();
        assertThat(train.isDirected()).isTrue();
        assertThat(train.edgeCount()).isEqualTo(split.trainPositives().size());
        assertThat(train.edges())
                .isEqualTo(train.withEdges(split.trainPositives()).edges());
        for (EdgeList held : new EdgeList[] {split.valPositives(), split.testPositives()}) {
            for (int k = 0; k < held.size(); k++) {
                assertThat(train.adjacency().contains(held.src(k), held.dst(k))).isFalse();
            }
        }
    }

    @Test
    void generalNegativesAreDistinctOrderedNonEdges() {
        LinkSplit split = DirectedLinkSplit.of(GRAPH, Task.GENERAL, 7);
        PairSet negatives = ordered(split.testNegatives(), split.valNegatives());
        assertThat(negatives.size())
                .isEqualTo(split.testNegatives().size() + split.valNegatives().size());
        for (EdgeList list : new EdgeList[] {split.testNegatives(), split.valNegatives()}) {
            for (int k = 0; k < list.size(); k++) {
                assertThat(list.src(k)).isNotEqualTo(list.dst(k));
                assertThat(GRAPH.adjacency().contains(list.src(k), list.dst(k))).isFalse();
            }
        }
    }

    @Test
    void generalNegativesMayBeReversesOfEdges() {
        // A dense graph: 30 nodes, 200 directed edges, so some sampled non-edges are reverses of edges.
        Graph dense = DirectedTestGraphs.random(30, 200, 0.0, 9);
        LinkSplit split = DirectedLinkSplit.general(dense, 0.2, 0.3, 3);
        int reverses = 0;
        for (EdgeList list : new EdgeList[] {split.testNegatives(), split.valNegatives()}) {
            for (int k = 0; k < list.size(); k++) {
                assertThat(dense.adjacency().contains(list.src(k), list.dst(k))).isFalse();
                if (dense.adjacency().contains(list.dst(k), list.src(k))) {
                    reverses++;
                }
            }
        }
        assertThat(reverses).isPositive();
    }

    @Test
    void linkSplitOfADirectedGraphIsTheGeneralTask() {
        LinkSplit a = LinkSplit.of(GRAPH, 11);
        LinkSplit b = DirectedLinkSplit.of(GRAPH, Task.GENERAL, 11);
        assertThat(a.testPositives()).isEqualTo(b.testPositives());
        assertThat(a.testNegatives()).isEqualTo(b.testNegatives());
        assertThat(a.valNegatives()).isEqualTo(b.valNegatives());
        assertThat(a.trainGraph().isDirected()).isTrue();
    }

    @Test
    void sameSeedSameSplitOtherSeedOther() {
        for (Task task : Task.values()) {
            LinkSplit a = DirectedLinkSplit.of(GRAPH, task, 1);
            LinkSplit b = DirectedLinkSplit.of(GRAPH, task, 1);
            LinkSplit c = DirectedLinkSplit.of(GRAPH, task, 2);
            assertThat(a.testPositives()).isEqualTo(b.testPositives());
            assertThat(a.testNegatives()).isEqualTo(b.testNegatives());
            assertThat(a.trainPositives()).isEqualTo(b.trainPositives());
            if (task != Task.BIDIRECTIONAL) {
                assertThat(a.testPositives()).as(task.toString()).isNotEqualTo(c.testPositives());
            } else {
                assertThat(a.testNegatives()).as(task.toString()).isNotEqualTo(c.testNegatives());
            }
        }
    }

    @Test
    void biasedNegativeTestsUnidirectionalEdgesAgainstTheirReverses() {
        LinkSplit split = DirectedLinkSplit.of(GRAPH, Task.BIASED_NEGATIVE, 3);
        int reciprocated = reciprocatedPairs(GRAPH);
        int unidirectional = GRAPH.edgeCount() - 2 * reciprocated;
        assertThat(split.testPositives().size()).isEqualTo(unidirectional / 10);
        assertThat(split.testNegatives().size()).isEqualTo(split.testPositives().size());
        assertThat(split.valPositives().size()).isZero();
        assertThat(split.valNegatives().size()).isZero();
        for (int k = 0; k < split.testPositives().size(); k++) {
            int i = split.testPositives().src(k);
            int j = split.testPositives().dst(k);
            assertThat(GRAPH.adjacency().contains(i, j)).isTrue();
            assertThat(GRAPH.adjacency().contains(j, i)).isFalse();
            assertThat(split.testNegatives().src(k)).isEqualTo(j);
            assertThat(split.testNegatives().dst(k)).isEqualTo(i);
            assertThat(split.trainGraph().adjacency().contains(i, j)).isFalse();
        }
        // The training graph: the other unidirectional edges; reciprocated pairs are left out (as the reference).
        Graph train = split.trainGraph();
        assertThat(train.edgeCount()).isEqualTo(unidirectional - unidirectional / 10);
        assertThat(reciprocatedPairs(train)).isZero();
        for (int k = 0; k < train.edges().size(); k++) {
            assertThat(GRAPH.adjacency()
                            .contains(train.edges().dst(k), train.edges().src(k)))
                    .isFalse();
        }
    }

    @Test
    void bidirectionalTestsReciprocatedPairsAgainstReversesOfUnidirectionalEdges() {
        LinkSplit split = DirectedLinkSplit.of(GRAPH, Task.BIDIRECTIONAL, 4);
        int reciprocated = reciprocatedPairs(GRAPH);
        assertThat(reciprocated).isPositive();
        assertThat(split.testPositives().size()).isEqualTo(reciprocated);
        assertThat(split.testNegatives().size()).isEqualTo(reciprocated);
        assertThat(split.valPositives().size()).isZero();
        Graph train = split.trainGraph();
        assertThat(train.edgeCount()).isEqualTo(GRAPH.edgeCount() - reciprocated);
        for (int k = 0; k < reciprocated; k++) {
            int i = split.testPositives().src(k);
            int j = split.testPositives().dst(k);
            assertThat(i).isLessThan(j);
            assertThat(GRAPH.adjacency().contains(j, i)).isTrue();
            assertThat(train.adjacency().contains(i, j)).isFalse();
            assertThat(train.adjacency().contains(j, i)).isTrue();
            int b = split.testNegatives().src(k);
            int a = split.testNegatives().dst(k);
            assertThat(b).isLessThan(a);
            assertThat(GRAPH.adjacency().contains(b, a)).isFalse();
            assertThat(train.adjacency().contains(a, b)).isTrue();
        }
        assertThat(ordered(split.testNegatives()).size()).isEqualTo(reciprocated);
        assertThat(reciprocatedPairs(train)).isZero();
    }

    @Test
    void tasksParseTheirNames() {
        assertThat(Task.parse("general")).isEqualTo(Task.GENERAL);
        assertThat(Task.parse("Biased-Negative")).isEqualTo(Task.BIASED_NEGATIVE);
        assertThat(Task.parse("BIDIRECTIONAL")).isEqualTo(Task.BIDIRECTIONAL);
        assertThatThrownBy(() -> Task.parse("task4"))
                .hasMessageContaining("known tasks: [general, biased-negative," + " bidirectional]");
    }

    @Test
    void rejectsUndirectedGraphsAndGraphsWithoutReciprocatedPairs() {
        Graph undirected = TestGraphs.randomGraph(50, 100, 1);
        for (Task task : Task.values()) {
            assertThatThrownBy(() -> DirectedLinkSplit.of(undirected, task, 1)).hasMessageContaining("is undirected");
        }
        int[] from = new int[49];
        int[] to = new int[49];
        for (int i = 0; i < 49; i++) {
            from[i] = i;
            to[i] = i + 1;
        }
        Graph oneWay = Graph.builder(50).directed(true).edges(from, to).build();
        assertThatThrownBy(() -> DirectedLinkSplit.of(oneWay, Task.BIDIRECTIONAL, 1))
                .hasMessageContaining("no reciprocated pair");
    }

    @Test
    void undirectedSplitsAreUnchanged() {
        // The numbers of LinkSplitTest's fixture, through the shared shuffle helper.
        Graph g = TestGraphs.randomGraph(500, 2000, 11);
        LinkSplit split = LinkSplit.of(g, 42);
        assertThat(split.trainGraph().isDirected()).isFalse();
        assertThat(split.testPositives().size()).isEqualTo(200);
        for (int k = 0; k < split.testPositives().size(); k++) {
            assertThat(split.testPositives().src(k))
                    .isLessThan(split.testPositives().dst(k));
        }
    }
}
