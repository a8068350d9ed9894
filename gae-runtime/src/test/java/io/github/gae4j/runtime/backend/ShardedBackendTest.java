// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.runtime.backend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.gae4j.core.autodiff.ComputationContext;
import io.github.gae4j.core.autodiff.Constant;
import io.github.gae4j.core.autodiff.Variable;
import io.github.gae4j.core.autodiff.Weights;
import io.github.gae4j.core.autodiff.functions.BceWithLogits;
import io.github.gae4j.core.autodiff.functions.MatMul;
import io.github.gae4j.core.autodiff.functions.RowDot;
import io.github.gae4j.core.autodiff.functions.Scale;
import io.github.gae4j.core.graph.EdgeList;
import io.github.gae4j.core.graph.Graph;
import io.github.gae4j.core.graph.LinkSplit;
import io.github.gae4j.core.graph.TrainingGraph;
import io.github.gae4j.core.optim.Adam;
import io.github.gae4j.core.optim.GlorotUniform;
import io.github.gae4j.core.parallel.Parallelism;
import io.github.gae4j.core.spi.GraphInput;
import io.github.gae4j.core.tensor.Matrix;
import io.github.gae4j.runtime.model.GraphAutoencoder;
import io.github.gae4j.runtime.train.TrainingStep;
import io.github.gae4j.testkit.TestGraphs;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The seam works: a backend that cuts a batch of labelled pairs in two shards, computes each through the local
 * backend (as two executors would) and sums them gives the loss and gradients of the whole batch, and a training
 * step through it takes the same steps.
 */
final class ShardedBackendTest {

    private static Graph graph;
    private static WorkBatch.Pairs batch;

    /** Negative-sampling pairs: the training edges (label 1) and as many sampled non-edges (label 0). */
    @BeforeAll
    static void data() {
        graph = TestGraphs.twoCommunities(40, 8, 3);
        LinkSplit split = LinkSplit.of(graph, 4);
        TrainingGraph training = new TrainingGraph(split.trainGraph());
        EdgeList positives = training.positives();
        EdgeList negatives = training.negativeSampler().sample(positives.size(), new SplittableRandom(11));
        double[] labels = new double[positives.size() + negatives.size()];
        Arrays.fill(labels, 0, positives.size(), 1.0);
        batch = WorkBatch.pairs(positives.concat(negatives), labels);
    }

    /**
     * Σ over the batch's pairs of BCE(z_i · z_j, label) with Z = X · W: a batch loss that is a sum over its
     * examples, as a backend's objective must be for parts to add up.
     */
    static final class PairBce implements TrainingObjective {
        private final Weights w;
        private final Constant x;

        PairBce(long seed) {
            w = new Weights("w", GlorotUniform.sample(8, 16, new SplittableRandom(seed)));
            x = Constant.of(graph.featuresOrIdentity().toDense());
        }

        @Override
        public List<Weights> weights() {
            return List.of(w);
        }

        @Override
        public BatchLoss loss(WorkBatch batch, SplittableRandom random, ComputationContext ctx) {
            if (!(batch instanceof WorkBatch.Pairs pairs)) {
                throw new UnsupportedOperationException("pairs only");
            }
            Variable z = MatMul.of(x, w);
            Variable logits = RowDot.of(z, pairs.pairs());
            Variable mean = BceWithLogits.of(logits, Matrix.wrapRowMajor(pairs.size(), 1, pairs.labels()));
            Variable sum = Scale.of(mean, pairs.size());
            return new BatchLoss(sum, Map.of("bce", sum), pairs.size());
        }
    }

    /** Cuts a batch of pairs in halves, computes each half through {@code shard}, and sums them in order. */
    static final class HalvesBackend implements ExecutionBackend {
        private final ExecutionBackend shard;

        HalvesBackend(ExecutionBackend shard) {
            this.shard = shard;
        }

        @Override
        public LossAndGradients lossAndGradients(
                TrainingObjective objective, List<Matrix> weights, WorkBatch batch, long stepSeed) {
            if (!(batch instanceof WorkBatch.Pairs pairs)) {
                return shard.lossAndGradients(objective, weights, batch, stepSeed);
            }
            int half = pairs.size() / 2;
            // Each shard gets the same weights (a driver would broadcast copies) and a seed of its own.
            List<Matrix> copies = weights.stream().map(Matrix::copy).toList();
            LossAndGradients first = shard.lossAndGradients(objective, copies, pairs.slice(0, half), stepSeed);
            LossAndGradients second =
                    shard.lossAndGradients(objective, copies, pairs.slice(half, pairs.size()), stepSeed + 1);
            return LossAndGradients.sum(List.of(first, second));
        }
    }

    private static void assertClose(double actual, double expected) {
        assertThat(actual).isCloseTo(expected, within(1e-12 * Math.max(1, Math.abs(expected))));
    }

    @Test
    void twoShardsSumToTheWholeBatch() {
        PairBce objective = new PairBce(1);
        List<Matrix> weights = List.of(objective.weights().get(0).data());
        try (Parallelism parallelism = Parallelism.singleThreaded();
                LocalBackend local = new LocalBackend(parallelism);
                HalvesBackend halves = new HalvesBackend(local)) {
            LossAndGradients whole = local.lossAndGradients(objective, weights, batch, 7);
            LossAndGradients summed = halves.lossAndGradients(objective, weights, batch, 7);
            assertThat(summed.weight()).isEqualTo(whole.weight()).isEqualTo(batch.size());
            assertClose(summed.loss(), whole.loss());
            assertClose(summed.terms().get("bce"), whole.terms().get("bce"));
            double[] a = summed.gradients().get(0).data();
            double[] b = whole.gradients().get(0).data();
            assertThat(a).hasSameSizeAs(b);
            for (int k = 0; k < a.length; k++) {
                assertClose(a[k], b[k]);
            }
            assertThat(summed.gradients().get(0))
                    .as("not just the whole computed again")
                    .isNotSameAs(whole.gradients().get(0));
            assertClose(summed.mean().loss(), whole.loss() / batch.size());
        }
    }

    @Test
    void trainingStepsThroughTheShardsMatchTheLocalOnes() {
        PairBce viaShards = new PairBce(1);
        PairBce viaLocal = new PairBce(1);
        try (Parallelism parallelism = Parallelism.singleThreaded();
                LocalBackend local = new LocalBackend(parallelism)) {
            TrainingStep sharded = new TrainingStep(viaShards, new HalvesBackend(local), new Adam(0.01), 0);
            TrainingStep plain = new TrainingStep(viaLocal, local, new Adam(0.01), 0);
            double first = 0;
            double last = 0;
            for (int s = 1; s <= 20; s++) {
                double a = sharded.run(batch, s, 0.01, s).loss();
                double b = plain.run(batch, s, 0.01, s).loss();
                assertClose(a, b);
                first = s == 1 ? b : first;
                last = b;
            }
            assertThat(last).as("the mean pair loss falls").isLessThan(first);
            double[] a = viaShards.weights().get(0).data().data();
            double[] b = viaLocal.weights().get(0).data().data();
            for (int k = 0; k < a.length; k++) {
                assertThat(a[k]).isCloseTo(b[k], within(1e-9));
            }
        }
    }

    @Test
    void sumKeepsNullGradientsOnlyWhereEveryPartHasNone() {
        Matrix g = Matrix.of(new double[][] {{1, 2}});
        LossAndGradients a = new LossAndGradients(1.0, Map.of("t", 1.0), Arrays.asList(g, null, null), 2);
        LossAndGradients b = new LossAndGradients(2.0, Map.of("t", 2.0), Arrays.asList(g, Matrix.scalar(3), null), 3);
        LossAndGradients sum = LossAndGradients.sum(List.of(a, b));
        assertThat(sum.loss()).isEqualTo(3.0);
        assertThat(sum.weight()).isEqualTo(5.0);
        assertThat(sum.terms()).containsEntry("t", 3.0);
        assertThat(sum.gradients().get(0).data()).containsExactly(2, 4);
        assertThat(sum.gradients().get(1).scalarValue()).isEqualTo(3.0);
        assertThat(sum.gradients().get(2)).isNull();
        assertThat(g.data()).as("parts are left alone").containsExactly(1, 2);
        assertThat(sum.mean().gradients().get(0).data()).containsExactly(0.4, 0.8);
        assertThatThrownBy(() -> LossAndGradients.sum(List.of(a, new LossAndGradients(1, Map.of(), List.of(g), 1))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("different objectives");
    }

    @Test
    void theModelsObjectiveRefusesBatchesOfPairsAndNodesClearly() {
        LinkSplit split = LinkSplit.of(graph, 4);
        GraphAutoencoder model = GraphAutoencoder.builder()
                .encoder(new io.github.gae4j.core.spi.Encoder() {
                    private final Weights w = new Weights("w", Matrix.zeros(8, 4));

                    @Override
                    public io.github.gae4j.core.spi.Encoding encode(GraphInput input, io.github.gae4j.core.spi.Mode m) {
                        return io.github.gae4j.core.spi.Encoding.deterministic(input.featuresTimes(w));
                    }

                    @Override
                    public List<Weights> weights() {
                        return List.of(w);
                    }

                    @Override
                    public int latentDim() {
                        return 4;
                    }
                })
                .sampler((encoding, mode, random) -> encoding.mu())
                .decoder(RowDot::of)
                .loss(
                        "pairs",
                        in -> BceWithLogits.of(
                                in.trainingLogits(in.training().positives()),
                                Matrix.zeros(in.training().positives().size(), 1)))
                .build();
        try (Parallelism parallelism = Parallelism.singleThreaded();
                LocalBackend local = new LocalBackend(parallelism)) {
            ModelObjective objective =
                    new ModelObjective(model, GraphInput.of(split.trainGraph()), new TrainingGraph(split.trainGraph()));
            List<Matrix> weights =
                    new ArrayList<>(List.of(objective.weights().get(0).data()));
            assertThatThrownBy(() -> local.lossAndGradients(objective, weights, batch, 1))
                    .isInstanceOf(UnsupportedOperationException.class)
                    .hasMessageContaining("whole graph only, not on Pairs[" + batch.size() + "]")
                    .hasMessageContaining("[pairs]")
                    .hasMessageContaining("mini-batch");
            assertThatThrownBy(() -> local.lossAndGradients(objective, weights, WorkBatch.nodes(new int[] {1, 2}), 1))
                    .isInstanceOf(UnsupportedOperationException.class)
                    .hasMessageContaining("Nodes[2]");
            LossAndGradients whole = local.lossAndGradients(objective, weights, WorkBatch.wholeGraph(), 1);
            assertThat(whole.weight()).isEqualTo(1.0);
            assertThat(whole.terms()).containsOnlyKeys("pairs");
        }
    }
}
