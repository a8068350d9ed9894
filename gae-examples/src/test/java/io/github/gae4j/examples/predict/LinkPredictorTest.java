// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.examples.predict;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.gae4j.core.error.ConfigException;
import io.github.gae4j.core.graph.EdgeList;
import io.github.gae4j.core.graph.Graph;
import io.github.gae4j.core.graph.LinkSplit;
import io.github.gae4j.core.parallel.Parallelism;
import io.github.gae4j.core.spi.GraphInput;
import io.github.gae4j.runtime.Gae;
import io.github.gae4j.runtime.TrainedModel;
import io.github.gae4j.runtime.model.ModelSpec;
import io.github.gae4j.runtime.plugin.PluginRegistry;
import io.github.gae4j.runtime.predict.Link;
import io.github.gae4j.runtime.predict.LinkPredictor;
import io.github.gae4j.runtime.predict.NodePair;
import io.github.gae4j.runtime.predict.PredictorOptions;
import io.github.gae4j.runtime.predict.UnknownNodeException;
import io.github.gae4j.runtime.train.TrainerConfig;
import io.github.gae4j.testkit.TestGraphs;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The application API: a model file opened once, pair scores and top-k by original id, from many threads. */
class LinkPredictorTest {

    @TempDir
    static Path dir;

    private static Graph graph;
    private static TrainedModel trained;
    private static Path file;

    @BeforeAll
    static void train() {
        graph = TestGraphs.twoCommunities(30, 8, 11L);
        try (Parallelism two = Parallelism.of(2)) {
            trained = Gae.train(
                    graph,
                    ModelSpec.gae(),
                    TrainerConfig.builder().epochs(30).seed(5).build(),
                    PluginRegistry.discover(),
                    two);
        }
        file = dir.resolve("model.gae4j");
        trained.save(file);
    }

    private static LinkPredictor open() {
        return LinkPredictor.open(file, graph, PredictorOptions.defaults().withThreads(2));
    }

    @Test
    void pairScoresAreTheModelsProbabilities() {
        LinkPredictor predictor = open();
        List<String> ids = graph.nodeIds();
        EdgeList pairs = new EdgeList(new int[] {0, 3, 7, 59}, new int[] {1, 40, 7, 2});
        double[] expected;
        try (Parallelism one = Parallelism.of(1)) {
            LinkSplit split = trained.provenance().linkSplit(graph);
            expected = trained.model().score(GraphInput.of(split.trainGraph()), pairs, one);
        }
        List<NodePair> byId = new ArrayList<>();
        for (int k = 0; k < pairs.size(); k++) {
            byId.add(new NodePair(ids.get(pairs.src(k)), ids.get(pairs.dst(k))));
            assertThat(predictor.score(ids.get(pairs.src(k)), ids.get(pairs.dst(k))))
                    .isEqualTo(expected[k]);
        }
        assertThat(predictor.score(byId)).containsExactly(expected);
        assertThat(predictor.directed()).isFalse();
        assertThat(predictor.dimensions()).isEqualTo(16);
    }

    @Test
    void recommendationsLeaveOutKnownLinksAndComeBestFirst() {
        LinkPredictor predictor = open();
        LinkSplit split = trained.provenance().linkSplit(graph);
        Set<String> known = new HashSet<>();
        for (EdgeList edges : List.of(split.trainPositives(), split.valPositives(), split.testPositives())) {
            for (int k = 0; k < edges.size(); k++) {
                String u = graph.nodeIds().get(edges.src(k));
                String v = graph.nodeIds().get(edges.dst(k));
                known.add(u + " " + v);
                known.add(v + " " + u);
            }
        }
        String node = graph.nodeIds().get(0);
        List<Link> top = predictor.topK(node, 5);
        assertThat(top).hasSize(5);
        assertThat(top).allSatisfy(link -> {
            assertThat(link.source()).isEqualTo(node);
            assertThat(link.target()).isNotEqualTo(node);
            assertThat(known).doesNotContain(link.source() + " " + link.target());
            assertThat(link.score()).isEqualTo(predictor.score(link.source(), link.target()));
        });
        for (int i = 1; i < top.size(); i++) {
            assertThat(top.get(i).score()).isLessThanOrEqualTo(top.get(i - 1).score());
        }

        List<Link> global = predictor.topK(20);
        assertThat(global).hasSize(20);
        Set<String> seen = new HashSet<>();
        for (Link link : global) {
            assertThat(known).doesNotContain(link.source() + " " + link.target());
            assertThat(seen.add(link.source() + " " + link.target()) && seen.add(link.target() + " " + link.source()))
                    .as("an undirected pair is listed once")
                    .isTrue();
        }
        // No other candidate pair beats the 20th.
        double last = global.get(19).score();
        List<String> ids = graph.nodeIds();
        for (int u = 0; u < ids.size(); u++) {
            for (int v = u + 1; v < ids.size(); v++) {
                String pair = ids.get(u) + " " + ids.get(v);
                if (!known.contains(pair) && !seen.contains(pair)) {
                    assertThat(predictor.score(ids.get(u), ids.get(v))).isLessThanOrEqualTo(last);
                }
            }
        }
        Map<String, List<Link>> batch = predictor.topK(List.of(ids.get(0), ids.get(9)), 5);
        assertThat(batch.keySet()).containsExactly(ids.get(0), ids.get(9));
        assertThat(batch.get(ids.get(0))).isEqualTo(top);
    }

    @Test
    void aTrainedModelPredictsAsItsSavedFileDoes() {
        LinkPredictor fromFile = open();
        LinkPredictor fromModel = trained.predictor(PredictorOptions.defaults().withThreads(1));
        assertThat(fromModel.topK(15)).isEqualTo(fromFile.topK(15));
        String node = graph.nodeIds().get(4);
        assertThat(fromModel.embedding(node)).containsExactly(fromFile.embedding(node));
    }

    @Test
    void heldOutPositivesAreCandidatesOnlyWhenAskedFor() {
        LinkPredictor all = LinkPredictor.open(
                file,
                graph,
                PredictorOptions.defaults().withExcludeHeldOut(false).withThreads(1));
        LinkPredictor known = open();
        LinkSplit split = trained.provenance().linkSplit(graph);
        long heldOut = split.valPositives().size() + split.testPositives().size();
        assertThat(all.candidatePairs() - known.candidatePairs()).isEqualTo(heldOut);
    }

    @Test
    void kBeyondTheCandidatesReturnsWhatExists() {
        LinkPredictor predictor = open();
        String node = graph.nodeIds().get(0);
        List<Link> all = predictor.topK(node, 10_000);
        assertThat((long) all.size()).isEqualTo(predictor.candidatesFrom(node));
    }

    @Test
    void unknownIdsAndBadKAreNamed() {
        LinkPredictor predictor = open();
        String known = graph.nodeIds().get(0);
        assertThatThrownBy(() -> predictor.score(known, "nope"))
                .isInstanceOf(UnknownNodeException.class)
                .hasMessageContaining("'nope'");
        assertThatThrownBy(() -> predictor.score(List.of(
                        new NodePair("a1", known),
                        new NodePair("a2", "a3"),
                        new NodePair("a4", "a5"),
                        new NodePair("a6", "a1"))))
                .isInstanceOf(UnknownNodeException.class)
                .hasMessageContaining("6 unknown node ids")
                .hasMessageContaining("'a1', 'a2', 'a3', 'a4', 'a5', …");
        assertThatThrownBy(() -> predictor.topK(known, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("k must be positive");
        assertThatThrownBy(() -> predictor.embedding("x")).isInstanceOf(UnknownNodeException.class);
    }

    @Test
    void aGraphBuiltInCodeMustBeGivenAndMustMatch() {
        assertThatThrownBy(() -> LinkPredictor.open(file))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("built in code");
        Graph other = TestGraphs.twoCommunities(30, 8, 12L);
        assertThatThrownBy(() -> LinkPredictor.open(file, other, PredictorOptions.defaults()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("the model was trained on a graph with");
    }

    @Test
    void oneInstanceAnswersManyThreadsAlike() throws Exception {
        LinkPredictor predictor = open();
        List<String> ids = graph.nodeIds();
        Map<String, List<Link>> expected = predictor.topK(ids, 3);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> answers = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int offset = t;
                answers.add(pool.submit(() -> {
                    boolean same = true;
                    for (int r = 0; r < 200; r++) {
                        String node = ids.get((r * 7 + offset) % ids.size());
                        same &= predictor.topK(node, 3).equals(expected.get(node));
                    }
                    return same;
                }));
            }
            for (Future<Boolean> answer : answers) {
                assertThat(answer.get()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
