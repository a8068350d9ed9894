// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.examples.minibatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.gae4j.core.error.ConfigException;
import io.github.gae4j.core.graph.Graph;
import io.github.gae4j.core.graph.LinkSplit;
import io.github.gae4j.core.parallel.Parallelism;
import io.github.gae4j.core.spi.CreationContext;
import io.github.gae4j.core.tensor.Matrix;
import io.github.gae4j.runtime.minibatch.FanOut;
import io.github.gae4j.runtime.minibatch.MiniBatchSettings;
import io.github.gae4j.runtime.minibatch.NegativeSampling;
import io.github.gae4j.runtime.model.ComponentSpec;
import io.github.gae4j.runtime.model.GraphAutoencoder;
import io.github.gae4j.runtime.model.ModelAssembler;
import io.github.gae4j.runtime.model.ModelSpec;
import io.github.gae4j.runtime.plugin.PluginRegistry;
import io.github.gae4j.runtime.train.BatchStats;
import io.github.gae4j.runtime.train.EpochStats;
import io.github.gae4j.runtime.train.Trainer;
import io.github.gae4j.runtime.train.TrainerConfig;
import io.github.gae4j.runtime.train.TrainingListener;
import io.github.gae4j.runtime.train.TrainingResult;
import io.github.gae4j.testkit.StopAfter;
import io.github.gae4j.testkit.TestGraphs;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Mini-batch training through {@link Trainer}, with the real plugins: one exact batch is one full-batch epoch,
 * results do not depend on the thread count, a resumed run is the uninterrupted one, and what cannot run in
 * mini-batches is refused by name.
 */
final class MiniBatchTrainingTest {

    private static final PluginRegistry PLUGINS = PluginRegistry.discover(MiniBatchTrainingTest.class.getClassLoader());
    private static final Graph GRAPH = TestGraphs.twoCommunities(30, 6, 5);
    private static final LinkSplit SPLIT = LinkSplit.of(GRAPH, 3);
    private static final ModelSpec GAE = ModelSpec.gae().withNegativeSampling();

    private static GraphAutoencoder model(ModelSpec spec) {
        return model(spec, 7);
    }

    private static GraphAutoencoder model(ModelSpec spec, long initSeed) {
        return new ModelAssembler(PLUGINS)
                .assemble(spec, new CreationContext(GRAPH.featuresOrIdentity().dim(), GRAPH.nodeCount(), initSeed));
    }

    private static TrainerConfig.Builder config(int epochs) {
        return TrainerConfig.builder()
                .epochs(epochs)
                .seed(11)
                .restoreBest(false)
                .logEvery(100);
    }

    /**
     * The exactness check through the trainer: with fan-out −1 and a batch of every training edge, one
     * mini-batch epoch is one full-batch negative-sampling epoch (the negatives agree because batch 0 of an epoch
     * draws from the epoch's seed): the epoch's loss and the weights after its step agree within 1e-6 relative.
     */
    @Test
    void oneExactBatchIsOneFullBatchEpoch() {
        int edges = SPLIT.trainGraph().edges().size();
        GraphAutoencoder full = model(GAE);
        GraphAutoencoder mini = model(GAE);
        TrainingResult a;
        TrainingResult b;
        List<BatchStats> batches = new ArrayList<>();
        try (Parallelism threads = Parallelism.singleThreaded()) {
            a = new Trainer(config(1).build(), threads).fit(full, SPLIT);
            b = new Trainer(
                            config(1)
                                    .miniBatch(MiniBatchSettings.of(edges + 5, FanOut.all(2)))
                                    .build(),
                            threads,
                            new BatchRecorder(batches))
                    .fit(mini, SPLIT);
        }
        assertThat(batches).hasSize(1);
        double loss = a.history().get(0).loss();
        assertThat(b.history().get(0).loss()).isCloseTo(loss, within(1e-6 * Math.abs(loss)));
        assertThat(batches.get(0).loss()).isCloseTo(loss, within(1e-6 * Math.abs(loss)));
        assertClose(b.finalState().weights(), a.finalState().weights(), 1e-6);
        // The step moved the weights: the comparison is not of two untouched initialisations.
        GraphAutoencoder initial = model(GAE);
        assertThat(a.finalState().weights().get(0).data())
                .isNotEqualTo(initial.weights().get(0).data().data());
    }

    /** Sampling and negatives are seeded per (seed, epoch, batch): one thread and four give the same bits. */
    @Test
    void resultsDoNotDependOnTheThreadCount() {
        TrainerConfig cfg = config(3).miniBatch(miniBatch()).build();
        TrainingResult one;
        TrainingResult four;
        try (Parallelism threads = Parallelism.of(1)) {
            one = new Trainer(cfg, threads).fit(model(GAE), SPLIT);
        }
        try (Parallelism threads = Parallelism.of(4)) {
            four = new Trainer(cfg, threads).fit(model(GAE), SPLIT);
        }
        assertThat(numbers(four)).isEqualTo(numbers(one));
        assertIdentical(four.finalState().weights(), one.finalState().weights());
    }

    /** A run stopped after epoch 2 and resumed from its state is the uninterrupted run, bit for bit. */
    @Test
    void aResumedRunIsTheUninterruptedOne() {
        TrainerConfig cfg = config(4).miniBatch(miniBatch()).build();
        try (Parallelism threads = Parallelism.singleThreaded()) {
            GraphAutoencoder whole = model(GAE);
            TrainingResult uninterrupted = new Trainer(cfg, threads).fit(whole, SPLIT);

            StopAfter stop = new StopAfter(2);
            TrainingResult stopped = new Trainer(cfg, threads, stop).fit(model(GAE), SPLIT);
            assertThat(stopped.stoppedEarly()).isTrue();
            assertThat(stopped.finalState().epochsDone()).isEqualTo(2);

            // A model of other initial weights continues from the state alone.
            GraphAutoencoder fresh = model(GAE, 99);
            TrainingResult resumed = new Trainer(cfg, threads).fit(fresh, SPLIT, stopped.finalState());
            assertThat(numbers(resumed)).isEqualTo(numbers(uninterrupted));
            assertIdentical(
                    resumed.finalState().weights(), uninterrupted.finalState().weights());
        }
    }

    /** The same with VGAE: the KL's node shares and the noise are seeded per batch, too. */
    @Test
    void aResumedVgaeRunIsTheUninterruptedOne() {
        ModelSpec vgae = ModelSpec.vgae().withNegativeSampling();
        TrainerConfig cfg = config(4)
                .miniBatch(miniBatch().withNegatives(NegativeSampling.DEGREE))
                .build();
        try (Parallelism threads = Parallelism.singleThreaded()) {
            TrainingResult uninterrupted = new Trainer(cfg, threads).fit(model(vgae), SPLIT);
            TrainingResult stopped = new Trainer(cfg, threads, new StopAfter(2)).fit(model(vgae), SPLIT);
            TrainingResult resumed = new Trainer(cfg, threads).fit(model(vgae), SPLIT, stopped.finalState());
            assertThat(numbers(resumed)).isEqualTo(numbers(uninterrupted));
            assertIdentical(
                    resumed.finalState().weights(), uninterrupted.finalState().weights());
        }
    }

    @Test
    void theFullGraphWeightedBceIsRefusedByName() {
        TrainerConfig cfg = config(1).miniBatch(miniBatch()).build();
        try (Parallelism threads = Parallelism.singleThreaded()) {
            Trainer trainer = new Trainer(cfg, threads);
            GraphAutoencoder model = model(ModelSpec.gae());
            assertThatThrownBy(() -> trainer.fit(model, SPLIT))
                    .isInstanceOf(ConfigException.class)
                    .hasMessageContaining("'weighted-bce'");
        }
    }

    @Test
    void aCorruptionThatChangesTheGraphIsRefusedByNameAndAFeatureOneIsNot() {
        TrainerConfig cfg = config(1).miniBatch(miniBatch()).build();
        ModelSpec gae = ModelSpec.gae().withNegativeSampling();
        try (Parallelism threads = Parallelism.singleThreaded()) {
            Trainer trainer = new Trainer(cfg, threads);
            GraphAutoencoder dropping = model(gae.withCorruptions(ComponentSpec.of("edge-dropout")));
            assertThatThrownBy(() -> trainer.fit(dropping, SPLIT))
                    .isInstanceOf(ConfigException.class)
                    .hasMessageContaining("'edge-dropout'")
                    .hasMessageContaining("changes the graph");
            GraphAutoencoder noisy = model(gae.withCorruptions(ComponentSpec.of("feature-noise")));
            assertThat(trainer.fit(noisy, SPLIT).history()).hasSize(1);
        }
    }

    @Test
    void aFanOutOfTheWrongLengthIsRefusedNamingBothCounts() {
        try (Parallelism threads = Parallelism.singleThreaded()) {
            for (String fanOut : new String[] {"10", "10,5,5"}) {
                TrainerConfig cfg = config(1)
                        .miniBatch(MiniBatchSettings.of(32, FanOut.parse(fanOut)))
                        .build();
                assertThatThrownBy(() -> new Trainer(cfg, threads).fit(model(GAE), SPLIT))
                        .as("fan-out %s for a 2-layer gcn", fanOut)
                        .isInstanceOf(ConfigException.class)
                        .hasMessageContaining("has " + FanOut.parse(fanOut).hops() + " ")
                        .hasMessageContaining("'gcn' has 2 message-passing layers");
            }
        }
    }

    private static MiniBatchSettings miniBatch() {
        return MiniBatchSettings.of(32, FanOut.of(4, 3));
    }

    /** Each epoch's loss, validation AUC and AP, then the test scores: everything but the timings. */
    private static List<Double> numbers(TrainingResult r) {
        List<Double> out = new ArrayList<>();
        for (EpochStats s : r.history()) {
            out.add(s.loss());
            out.add(s.valAuc());
            out.add(s.valAp());
        }
        out.add(r.test().auc());
        out.add(r.test().ap());
        return out;
    }

    private static void assertIdentical(List<Matrix> actual, List<Matrix> expected) {
        assertThat(actual).hasSameSizeAs(expected);
        for (int k = 0; k < expected.size(); k++) {
            assertThat(actual.get(k).data())
                    .as("weight %d", k)
                    .isEqualTo(expected.get(k).data());
        }
    }

    private static void assertClose(List<Matrix> actual, List<Matrix> expected, double relative) {
        assertThat(actual).hasSameSizeAs(expected);
        for (int k = 0; k < expected.size(); k++) {
            double[] a = actual.get(k).data();
            double[] e = expected.get(k).data();
            double scale = 0;
            for (double v : e) {
                scale = Math.max(scale, Math.abs(v));
            }
            for (int i = 0; i < e.length; i++) {
                assertThat(a[i]).as("weight %d, entry %d", k, i).isCloseTo(e[i], within(relative * scale));
            }
        }
    }

    private record BatchRecorder(List<BatchStats> batches) implements TrainingListener {
        @Override
        public void onEpoch(EpochStats stats) {}

        @Override
        public void onBatch(BatchStats stats) {
            batches.add(stats);
        }
    }
}
