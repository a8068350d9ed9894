// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.runtime.minibatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.gae4j.core.graph.EdgeList;
import io.github.gae4j.core.graph.Graph;
import io.github.gae4j.core.graph.TrainingGraph;
import io.github.gae4j.core.tensor.SparseMatrix;
import io.github.gae4j.runtime.backend.WorkBatch;
import io.github.gae4j.testkit.TestGraphs;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

final class LinkBatchPlanTest {

    private static final Graph GRAPH = TestGraphs.randomGraph(80, 300, 21);
    private static final TrainingGraph TRAINING = new TrainingGraph(GRAPH);
    private static final MiniBatchSettings SETTINGS = MiniBatchSettings.of(64, FanOut.of(5, 5));

    @Test
    void aBatchIsAFunctionOfSeedEpochAndIndexAlone() {
        LinkBatchPlan a = new LinkBatchPlan(TRAINING, SETTINGS, 7);
        LinkBatchPlan b = new LinkBatchPlan(TRAINING, SETTINGS, 7);
        WorkBatch.Links first = a.batch(3, 2);
        // Another epoch in between (the plan caches one epoch's shuffles), then back.
        a.batch(4, 0);
        assertThat(a.batch(3, 2)).isEqualTo(first);
        assertThat(b.batch(3, 2)).isEqualTo(first);
        assertThat(a.stepSeed(3, 2)).isEqualTo(b.stepSeed(3, 2)).isEqualTo(Seeds.step(7, 3, 2));
        assertThat(a.batch(4, 2)).as("another epoch").isNotEqualTo(first);
        assertThat(a.batch(3, 1)).as("another batch").isNotEqualTo(first);
        assertThat(new LinkBatchPlan(TRAINING, SETTINGS, 8).batch(3, 2))
                .as("another seed")
                .isNotEqualTo(first);
    }

    @Test
    void theBatchesOfAnEpochCoverEveryTrainingEdgeOnce() {
        LinkBatchPlan plan = new LinkBatchPlan(TRAINING, SETTINGS, 1);
        int edges = TRAINING.positives().size();
        assertThat(plan.batches(1)).isEqualTo((edges + 63) / 64);
        for (int epoch = 1; epoch <= 2; epoch++) {
            List<Long> seen = new ArrayList<>();
            for (int b = 0; b < plan.batches(epoch); b++) {
                WorkBatch.Links batch = plan.batch(epoch, b);
                assertThat(batch.size()).isEqualTo(b < plan.batches(epoch) - 1 ? 64 : edges - 64 * b);
                for (int e = 0; e < batch.positives().size(); e++) {
                    seen.add(key(batch.positives().src(e), batch.positives().dst(e)));
                }
            }
            List<Long> expected = new ArrayList<>();
            EdgeList positives = TRAINING.positives();
            for (int e = 0; e < positives.size(); e++) {
                expected.add(key(positives.src(e), positives.dst(e)));
            }
            assertThat(seen).as("epoch %d's positives", epoch).containsExactlyInAnyOrderElementsOf(expected);
        }
        assertThat(plan.batch(1, 0).positives())
                .as("shuffled per epoch")
                .isNotEqualTo(plan.batch(2, 0).positives());
    }

    @Test
    void theNodeSharesPartitionTheNodesAndTheirScalesAverageToOne() {
        LinkBatchPlan plan = new LinkBatchPlan(TRAINING, SETTINGS, 2);
        int batches = plan.batches(5);
        Set<Integer> seen = new HashSet<>();
        double scales = 0;
        int total = 0;
        for (int b = 0; b < batches; b++) {
            WorkBatch.Links batch = plan.batch(5, b);
            for (int node : batch.nodes()) {
                assertThat(seen.add(node)).as("node %d in two shares", node).isTrue();
            }
            total += batch.nodes().length;
            assertThat(batch.nodeScale())
                    .isCloseTo((double) batch.nodes().length * batches / GRAPH.nodeCount(), within(1e-12));
            scales += batch.nodeScale();
        }
        assertThat(total).isEqualTo(GRAPH.nodeCount());
        assertThat(seen).hasSize(GRAPH.nodeCount());
        assertThat(scales / batches).isCloseTo(1.0, within(1e-12));
    }

    @Test
    void oneBatchOfEveryEdgeIsTheFullBatchEpoch() {
        int edges = TRAINING.positives().size();
        LinkBatchPlan plan = new LinkBatchPlan(TRAINING, MiniBatchSettings.of(edges, FanOut.all(2)), 9);
        assertThat(plan.batches(4)).isEqualTo(1);
        WorkBatch.Links batch = plan.batch(4, 0);
        assertThat(batch.nodes()).hasSize(GRAPH.nodeCount());
        assertThat(batch.nodeScale()).isEqualTo(1.0);
        // Batch 0 draws from the epoch's seed, so its negatives are those the full-batch loss draws.
        assertThat(Seeds.batch(9, 4, 0)).isEqualTo(Seeds.epoch(9, 4));
        assertThat(batch.negatives())
                .isEqualTo(TRAINING.negativeSampler().sample(edges, new SplittableRandom(Seeds.epoch(9, 4))));
    }

    @ParameterizedTest
    @EnumSource(NegativeSampling.class)
    void negativesAreNeverTrainingEdgesNorSelfPairs(NegativeSampling strategy) {
        LinkBatchPlan plan =
                new LinkBatchPlan(TRAINING, SETTINGS.withNegatives(strategy).withNegativeRatio(2.5), 3);
        SparseMatrix a = GRAPH.adjacency();
        for (int b = 0; b < plan.batches(1); b++) {
            WorkBatch.Links batch = plan.batch(1, b);
            EdgeList negatives = batch.negatives();
            assertThat(negatives.size()).isEqualTo((int) Math.round(batch.size() * 2.5));
            for (int e = 0; e < negatives.size(); e++) {
                int i = negatives.src(e);
                int j = negatives.dst(e);
                assertThat(i).as("self pair").isNotEqualTo(j);
                assertThat(a.contains(i, j) || a.contains(j, i))
                        .as("(%d, %d) is a training edge", i, j)
                        .isFalse();
            }
        }
    }

    @Test
    void batchesPerEpochCapsTheSteps() {
        LinkBatchPlan all = new LinkBatchPlan(TRAINING, SETTINGS, 4);
        LinkBatchPlan capped = new LinkBatchPlan(TRAINING, SETTINGS.withBatchesPerEpoch(2), 4);
        assertThat(all.batches(1)).isGreaterThan(2);
        assertThat(capped.batches(1)).isEqualTo(2);
        // The capped epoch's batches are the first batches of the full epoch.
        assertThat(capped.batch(1, 1)).isEqualTo(all.batch(1, 1));
        assertThatThrownBy(() -> capped.batch(1, 2)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThat(new LinkBatchPlan(TRAINING, SETTINGS.withBatchesPerEpoch(100), 4).batches(1))
                .as("a cap above the batches there are")
                .isEqualTo(all.batches(1));
    }

    @Test
    void degreeNegativesFavourHighDegreeNodes() {
        // Node 0 is joined to half the nodes; the rest is a sparse ring.
        int n = 200;
        List<int[]> edges = new ArrayList<>();
        for (int i = 1; i <= 100; i++) {
            edges.add(new int[] {0, i});
        }
        for (int i = 1; i < n; i++) {
            edges.add(new int[] {i, i % (n - 1) + 1});
        }
        Graph hub = Graph.builder(n)
                .name("hub")
                .edges(
                        edges.stream().mapToInt(e -> e[0]).toArray(),
                        edges.stream().mapToInt(e -> e[1]).toArray())
                .build();
        TrainingGraph training = new TrainingGraph(hub);
        double uniform = hubShare(training, NegativeSampling.UNIFORM);
        double degree = hubShare(training, NegativeSampling.DEGREE);
        assertThat(uniform).isPositive();
        assertThat(degree).as("share of the hub among degree negatives").isGreaterThan(5 * uniform);
    }

    @Test
    void aTrainingGraphWithoutEdgesIsRefused() {
        TrainingGraph empty = new TrainingGraph(Graph.builder(3).name("empty").build());
        assertThatThrownBy(() -> new LinkBatchPlan(empty, SETTINGS, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no edges");
    }

    private static double hubShare(TrainingGraph training, NegativeSampling strategy) {
        LinkBatchPlan plan = new LinkBatchPlan(
                training,
                MiniBatchSettings.of(64, FanOut.of(5)).withNegatives(strategy).withNegativeRatio(20),
                5);
        int hub = 0;
        int endpoints = 0;
        for (int epoch = 1; epoch <= 5; epoch++) {
            for (int b = 0; b < plan.batches(epoch); b++) {
                EdgeList negatives = plan.batch(epoch, b).negatives();
                for (int e = 0; e < negatives.size(); e++) {
                    hub += (negatives.src(e) == 0 ? 1 : 0) + (negatives.dst(e) == 0 ? 1 : 0);
                    endpoints += 2;
                }
            }
        }
        return (double) hub / endpoints;
    }

    private static long key(int i, int j) {
        return (long) Math.min(i, j) << 32 | Math.max(i, j);
    }
}
