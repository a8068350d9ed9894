// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.runtime.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.gae4j.core.error.ConfigException;
import io.github.gae4j.core.error.UnknownComponentException;
import io.github.gae4j.core.graph.Graph;
import io.github.gae4j.core.graph.LinkSplit;
import io.github.gae4j.core.parallel.Parallelism;
import io.github.gae4j.runtime.checkpoint.SavedModel;
import io.github.gae4j.runtime.checkpoint.SavedModelFile;
import io.github.gae4j.runtime.files.ModelDescription;
import io.github.gae4j.runtime.model.GraphAutoencoder;
import io.github.gae4j.runtime.model.ModelSpec;
import io.github.gae4j.testkit.TestGraphs;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Optimisers chosen by name train, resume bit for bit through checkpoint files, and fail clearly when misnamed. */
final class OptimizerTrainingTest {

    @TempDir
    Path dir;

    private static LinkSplit split;

    @BeforeAll
    static void data() {
        Graph graph = TestGraphs.twoCommunities(40, 8, 3);
        split = LinkSplit.of(graph, 4);
    }

    private static TrainerConfig config(String optimizer, Map<String, ?> options) {
        return TrainerConfig.builder()
                .epochs(30)
                .seed(5)
                .restoreBest(true)
                .optimizer(optimizer, options)
                .build();
    }

    /**
     * For one optimiser: a run stopped after 12 epochs, written to a checkpoint file and read back, continues in a
     * fresh model (other initial weights, two threads) exactly as the uninterrupted run.
     */
    private void resumesBitForBit(TrainerConfig cfg) {
        GraphAutoencoder whole = TrainerTest.model(1, new TrainerTest.RandomlyWeightedNorm());
        TrainingResult uninterrupted = new Trainer(cfg, Parallelism.singleThreaded()).fit(whole, split);

        TrainerTest.StopAfter stop = new TrainerTest.StopAfter(12);
        TrainingResult stopped = new Trainer(cfg, Parallelism.singleThreaded(), stop)
                .fit(TrainerTest.model(1, new TrainerTest.RandomlyWeightedNorm()), split);
        assertThat(stopped.finalState().optimizer().name())
                .isEqualTo(cfg.optimizer().name());

        Path file = dir.resolve(cfg.optimizer().name() + ".gae4j");
        GraphAutoencoder second = TrainerTest.model(99, new TrainerTest.RandomlyWeightedNorm());
        SavedModelFile.write(
                SavedModel.checkpoint(
                        new ModelDescription(ModelSpec.gae(), cfg),
                        java.util.Optional.empty(),
                        second,
                        stopped.finalState()),
                file);
        SavedModel saved = SavedModelFile.read(file);
        assertThat(saved.description().training()).isEqualTo(cfg);
        TrainingState state = saved.training().orElseThrow();
        assertThat(state.optimizer().name()).isEqualTo(cfg.optimizer().name());
        assertThat(state.optimizer().tensors().keySet())
                .containsExactlyElementsOf(
                        stopped.finalState().optimizer().tensors().keySet());

        TrainingResult resumed;
        try (Parallelism two = Parallelism.of(2)) {
            resumed = new Trainer(saved.description().training(), two).fit(second, split, state);
        }
        assertThat(TrainerTest.numbers(resumed)).isEqualTo(TrainerTest.numbers(uninterrupted));
        for (int k = 0; k < whole.weights().size(); k++) {
            assertThat(second.weights().get(k).data().data())
                    .isEqualTo(whole.weights().get(k).data().data());
        }
        assertThat(resumed.finalState().optimizer().tensors().keySet())
                .containsExactlyElementsOf(
                        uninterrupted.finalState().optimizer().tensors().keySet());
        uninterrupted
                .finalState()
                .optimizer()
                .tensors()
                .forEach((name, value) -> assertThat(resumed.finalState()
                                .optimizer()
                                .tensors()
                                .get(name)
                                .data())
                        .as(name)
                        .isEqualTo(value.data()));
    }

    @Test
    void adamResumesBitForBit() {
        resumesBitForBit(config("adam", Map.of()));
    }

    @Test
    void adamWithL2DecayResumesBitForBit() {
        resumesBitForBit(config("adam", Map.of("weight-decay", 5e-4, "beta2", 0.99)));
    }

    @Test
    void adamwResumesBitForBit() {
        resumesBitForBit(config("adamw", Map.of("weight-decay", 0.05)));
    }

    @Test
    void sgdWithMomentumResumesBitForBit() {
        resumesBitForBit(config("sgd", Map.of("momentum", 0.9, "dampening", 0.1, "weight-decay", 1e-4)));
    }

    @Test
    void sgdWithNesterovMomentumResumesBitForBit() {
        resumesBitForBit(config("sgd", Map.of("momentum", 0.9, "nesterov", true)));
    }

    @Test
    void plainSgdResumesBitForBit() {
        resumesBitForBit(config("sgd", Map.of()));
    }

    @Test
    void eachOptimizerTrainsAndTheyDiffer() {
        TrainerConfig base =
                TrainerConfig.builder().epochs(100).seed(5).learningRate(0.01).build();
        List<TrainerConfig> configs = List.of(
                base,
                base.toBuilder().optimizer("adamw").build(),
                base.toBuilder()
                        .learningRate(0.5)
                        .optimizer("sgd", Map.of("momentum", 0.9))
                        .build());
        List<List<Double>> seen = new java.util.ArrayList<>();
        for (TrainerConfig cfg : configs) {
            TrainingResult r = new Trainer(cfg, Parallelism.singleThreaded()).fit(TrainerTest.model(1), split);
            assertThat(r.last().loss())
                    .as(cfg.optimizer().name())
                    .isLessThan(0.8 * r.history().get(0).loss());
            assertThat(r.test().auc()).as(cfg.optimizer().name()).isGreaterThan(0.75);
            seen.add(TrainerTest.numbers(r).get(5));
        }
        assertThat(seen).doesNotHaveDuplicates();
    }

    @Test
    void theDefaultIsAdamWithoutOptions() {
        assertThat(TrainerConfig.defaults().optimizer().name()).isEqualTo("adam");
        assertThat(TrainerConfig.defaults().optimizer().config().asMap()).isEmpty();
        TrainingResult explicit = new Trainer(
                        TrainerConfig.builder()
                                .epochs(10)
                                .seed(5)
                                .optimizer(
                                        "adam",
                                        Map.of("beta1", 0.9, "beta2", 0.999, "epsilon", 1e-8, "weight-decay", 0))
                                .build(),
                        Parallelism.singleThreaded())
                .fit(TrainerTest.model(1), split);
        TrainingResult implicit = new Trainer(
                        TrainerConfig.builder().epochs(10).seed(5).build(), Parallelism.singleThreaded())
                .fit(TrainerTest.model(1), split);
        assertThat(TrainerTest.numbers(explicit)).isEqualTo(TrainerTest.numbers(implicit));
    }

    @Test
    void anUnknownOptimizerOrOptionFailsListingTheKnownOnes() {
        assertThatThrownBy(() -> new Trainer(
                                TrainerConfig.builder().optimizer("adma").build(), Parallelism.singleThreaded())
                        .fit(TrainerTest.model(1), split))
                .isInstanceOf(UnknownComponentException.class)
                .hasMessage("Unknown optimizer 'adma'; known optimizers: [adam, adamw, sgd]");
        assertThatThrownBy(() -> new Trainer(
                                TrainerConfig.builder()
                                        .optimizer("sgd", Map.of("momentun", 0.9))
                                        .build(),
                                Parallelism.singleThreaded())
                        .fit(TrainerTest.model(1), split))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("Unknown option 'momentun' for optimizer 'sgd'")
                .hasMessageContaining("[dampening, momentum, nesterov, weight-decay]");
        assertThatThrownBy(() -> new Trainer(
                                TrainerConfig.builder()
                                        .optimizer("adam", Map.of("beta1", 1.0))
                                        .build(),
                                Parallelism.singleThreaded())
                        .fit(TrainerTest.model(1), split))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("Option 'beta1' of optimizer 'adam' must be a number in [0, 1), got '1.0'");
        assertThatThrownBy(() -> new Trainer(
                                TrainerConfig.builder()
                                        .optimizer("sgd", Map.of("nesterov", true))
                                        .build(),
                                Parallelism.singleThreaded())
                        .fit(TrainerTest.model(1), split))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("'nesterov' of optimizer 'sgd' needs momentum > 0");
    }

    @Test
    void resumingWithAnotherOptimizerFailsNamingBoth() {
        TrainerTest.StopAfter stop = new TrainerTest.StopAfter(3);
        TrainingState adam = new Trainer(config("adam", Map.of()), Parallelism.singleThreaded(), stop)
                .fit(TrainerTest.model(1), split)
                .finalState();
        assertThatThrownBy(() -> new Trainer(config("sgd", Map.of("momentum", 0.9)), Parallelism.singleThreaded())
                        .fit(TrainerTest.model(1), split, adam))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(
                        "The saved state is of optimizer 'adam', but the settings select optimizer" + " 'sgd'");
        TrainingState broken = new TrainingState(
                adam.epochsDone(),
                adam.history(),
                adam.bestEpoch(),
                adam.bestValAuc(),
                adam.weights(),
                adam.bestWeights(),
                new OptimizerState("adam", Map.of()),
                adam.lossState());
        assertThatThrownBy(() -> new Trainer(config("adam", Map.of()), Parallelism.singleThreaded())
                        .fit(TrainerTest.model(1), split, broken))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Saved state of optimizer 'adam': no tensor 'w.exp-avg'");
    }

    /** Patience stops the run where no better validation AUC came for that many epochs, and a resume agrees. */
    @Test
    void patienceStopsEarlyAndAResumedRunStopsWhereTheUninterruptedOneDid() {
        TrainerConfig longRun =
                TrainerConfig.builder().epochs(300).seed(5).learningRate(0.05).build();
        TrainingResult full = new Trainer(longRun, Parallelism.singleThreaded()).fit(TrainerTest.model(1), split);
        TrainerConfig patient = longRun.toBuilder().patience(15).build();
        TrainingResult early = new Trainer(patient, Parallelism.singleThreaded()).fit(TrainerTest.model(1), split);
        assertThat(early.stoppedEarly()).as("a listener's stop, not patience").isFalse();
        assertThat(early.history()).hasSize(early.bestEpoch() + 15).hasSizeLessThan(300);
        for (int k = 0; k < early.history().size(); k++) {
            assertThat(early.history().get(k).loss())
                    .isEqualTo(full.history().get(k).loss());
            assertThat(early.history().get(k).valAuc())
                    .isEqualTo(full.history().get(k).valAuc());
        }

        TrainingResult resumed = new Trainer(patient, Parallelism.singleThreaded())
                .fit(TrainerTest.model(99), split, early.finalState());
        assertThat(resumed.history()).as("nothing left to train").hasSameSizeAs(early.history());
        assertThat(TrainerTest.numbers(resumed)).isEqualTo(TrainerTest.numbers(early));
        assertThatThrownBy(() -> TrainerConfig.builder().patience(-1).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("patience must be >= 0");
    }
}
