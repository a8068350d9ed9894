// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.core.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.gae4j.testkit.TestGraphs;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

final class LinkSplitTest {

    private static Graph graph;
    private static LinkSplit split;

    @BeforeAll
    static void split() {
        graph = TestGraphs.randomGraph(500, 2000, 11);
        split = LinkSplit.of(graph, 42);
    }

    private static PairSet pairs(EdgeList... lists) {
        PairSet set = new PairSet(16);
        for (EdgeList list : lists) {
            for (int k = 0; k < list.size(); k++) {
                set.add(list.src(k), list.dst(k));
            }
        }
        return set;
    }

    @Test
    void allEdgesInTrainingKeepsEveryEdgeAndChecksOnTrainingEdges() {
        LinkSplit whole = LinkSplit.allEdgesInTraining(graph, 0.01, 7);
        assertThat(whole.trainGraph().edgeCount()).isEqualTo(graph.edgeCount());
        assertThat(whole.trainPositives().size()).isEqualTo(2000);
        assertThat(whole.testPositives().size()).isEqualTo(20);
        assertThat(whole.valPositives().size()).isEqualTo(20);
        PairSet check = pairs(whole.valPositives(), whole.testPositives());
        assertThat(check.size())
                .as("validation and test positives are distinct edges")
                .isEqualTo(40);
        for (EdgeList positives : new EdgeList[] {whole.valPositives(), whole.testPositives()}) {
            for (int k = 0; k < positives.size(); k++) {
                assertThat(whole.trainGraph().adjacency().contains(positives.src(k), positives.dst(k)))
                        .isTrue();
            }
        }
        PairSet negatives = pairs(whole.valNegatives(), whole.testNegatives());
        assertThat(negatives.size()).isEqualTo(40);
        for (EdgeList list : new EdgeList[] {whole.valNegatives(), whole.testNegatives()}) {
            for (int k = 0; k < list.size(); k++) {
                assertThat(graph.adjacency().contains(list.src(k), list.dst(k))).isFalse();
                assertThat(list.src(k)).isNotEqualTo(list.dst(k));
            }
        }
        LinkSplit again = LinkSplit.allEdgesInTraining(graph, 0.01, 7);
        assertThat(again.testPositives()).isEqualTo(whole.testPositives());
        assertThat(again.valNegatives()).isEqualTo(whole.valNegatives());
        assertThatThrownBy(() -> LinkSplit.allEdgesInTraining(TestGraphs.randomGraph(20, 30, 1), 0.01, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("too few");
    }

    @Test
    void sizesFollowTheReferenceFractions() {
        assertThat(split.testPositives().size()).isEqualTo(200);
        assertThat(split.valPositives().size()).isEqualTo(100);
        assertThat(split.trainPositives().size()).isEqualTo(1700);
        assertThat(split.testNegatives().size()).isEqualTo(200);
        assertThat(split.valNegatives().size()).isEqualTo(100);
        assertThat(split.toString()).contains("train 1700", "validation 100+100", "test 200+200");
    }

    @Test
    void sizesFloorFractionalCounts() {
        // 5278 edges (Cora's count): floor(527.8) test, floor(263.9) validation, the rest train.
        LinkSplit cora = LinkSplit.of(TestGraphs.randomGraph(2708, 5278, 12), 1);
        assertThat(cora.testPositives().size()).isEqualTo(527);
        assertThat(cora.valPositives().size()).isEqualTo(263);
        assertThat(cora.trainPositives().size()).isEqualTo(4488);
        assertThat(cora.testNegatives().size()).isEqualTo(527);
        assertThat(cora.valNegatives().size()).isEqualTo(263);
    }

    @Test
    void positivesAreDisjointAndCoverEveryEdge() {
        EdgeList[] parts = {split.trainPositives(), split.valPositives(), split.testPositives()};
        PairSet all = pairs(parts);
        assertThat(all.size()).isEqualTo(graph.edgeCount());
        for (EdgeList part : parts) {
            for (int k = 0; k < part.size(); k++) {
                assertThat(graph.adjacency().contains(part.src(k), part.dst(k))).isTrue();
                assertThat(part.src(k)).isLessThan(part.dst(k));
            }
        }
    }

    @Test
    void negativesAreUniqueNonEdgesAndDisjointAcrossSets() {
        EdgeList val = split.valNegatives();
        EdgeList test = split.testNegatives();
        PairSet negatives = pairs(val, test);
        assertThat(negatives.size()).as("unique and disjoint").isEqualTo(val.size() + test.size());
        for (EdgeList list : new EdgeList[] {val, test}) {
            for (int k = 0; k < list.size(); k++) {
                int i = list.src(k);
                int j = list.dst(k);
                assertThat(i).isNotEqualTo(j);
                assertThat(graph.adjacency().contains(i, j))
                        .as("(%d, %d) is an edge", i, j)
                        .isFalse();
            }
        }
    }

    @Test
    void trainGraphHasOnlyTrainEdges() {
        Graph train = split.trainGraph();
        assertThat(train.nodeCount()).isEqualTo(graph.nodeCount());
        assertThat(train.edgeCount()).isEqualTo(split.trainPositives().size());
        PairSet trainPairs = pairs(split.trainPositives());
        EdgeList edges = train.upperTriangleEdges();
        for (int k = 0; k < edges.size(); k++) {
            assertThat(trainPairs.contains(edges.src(k), edges.dst(k))).isTrue();
        }
        for (EdgeList held : new EdgeList[] {split.valPositives(), split.testPositives()}) {
            for (int k = 0; k < held.size(); k++) {
                assertThat(train.adjacency().contains(held.src(k), held.dst(k))).isFalse();
            }
        }
    }

    @Test
    void sameSeedSameSplitDifferentSeedDifferentSplit() {
        LinkSplit again = LinkSplit.of(graph, 42);
        assertThat(again.trainPositives()).isEqualTo(split.trainPositives());
        assertThat(again.valPositives()).isEqualTo(split.valPositives());
        assertThat(again.testPositives()).isEqualTo(split.testPositives());
        assertThat(again.valNegatives()).isEqualTo(split.valNegatives());
        assertThat(again.testNegatives()).isEqualTo(split.testNegatives());
        LinkSplit other = LinkSplit.of(graph, 43);
        assertThat(other.testPositives()).isNotEqualTo(split.testPositives());
        assertThat(other.testNegatives()).isNotEqualTo(split.testNegatives());
    }

    @Test
    void tooSmallGraphFails() {
        assertThatThrownBy(() -> LinkSplit.of(TestGraphs.triangle(), 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Graph 'triangle' has 3 edges: too few for a link split with 10% test edges,"
                        + " which needs at least 10 edges");
    }

    @Test
    void tooDenseGraphFails() {
        // A complete graph has no negative pairs at all.
        int n = 6;
        int m = n * (n - 1) / 2;
        int[] s = new int[m];
        int[] d = new int[m];
        int k = 0;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                s[k] = i;
                d[k++] = j;
            }
        }
        Graph complete = Graph.builder(n).name("k6").edges(s, d).build();
        assertThatThrownBy(() -> LinkSplit.of(complete, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("too dense")
                .hasMessageContaining("only 0 non-edges");
    }

    @Test
    void rejectsBadFractions() {
        assertThatThrownBy(() -> LinkSplit.of(graph, 0.5, 0.5, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("0.5 and 0.5");
        assertThatThrownBy(() -> LinkSplit.of(graph, 0.1, 0.0, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("0 < test");
        LinkSplit noValidation = LinkSplit.of(graph, 0.0, 0.2, 1);
        assertThat(noValidation.valPositives().size()).isZero();
        assertThat(noValidation.valNegatives().size()).isZero();
        assertThat(noValidation.testPositives().size()).isEqualTo(400);
    }

    @Test
    void withTestHiddenReplacesOnlyTheTestPairsByTheValidationPairs() {
        LinkSplit hidden = split.withTestHidden();
        assertThat(hidden.testPositives()).isSameAs(split.valPositives());
        assertThat(hidden.testNegatives()).isSameAs(split.valNegatives());
        assertThat(hidden.valPositives()).isSameAs(split.valPositives());
        assertThat(hidden.trainGraph()).isSameAs(split.trainGraph());
        assertThat(hidden.trainPositives()).isSameAs(split.trainPositives());
        assertThat(split.testPositives().size())
                .isNotEqualTo(split.valPositives().size());
    }

    @Test
    void withTrainGraphKeepsThePairsAndRefusesAnotherGraph() {
        Graph featured = TestGraphs.twoCommunities(30, 4, 2L);
        LinkSplit s = LinkSplit.of(featured, 3);
        LinkSplit plain = s.withTrainGraph(s.trainGraph().withoutFeatures());
        assertThat(plain.trainGraph().features()).isEmpty();
        assertThat(plain.testPositives()).isSameAs(s.testPositives());
        assertThat(plain.valNegatives()).isSameAs(s.valNegatives());
        assertThatThrownBy(() -> s.withTrainGraph(featured))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is not this split's");
    }
}
