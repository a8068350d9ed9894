// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.runtime.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.gae4j.core.autodiff.Constant;
import io.github.gae4j.core.autodiff.Variable;
import io.github.gae4j.core.autodiff.Weights;
import io.github.gae4j.core.autodiff.functions.Add;
import io.github.gae4j.core.autodiff.functions.FeaturesTimes;
import io.github.gae4j.core.autodiff.functions.FullGraphBce;
import io.github.gae4j.core.autodiff.functions.RowDot;
import io.github.gae4j.core.autodiff.functions.SparseMatMul;
import io.github.gae4j.core.error.NumericalException;
import io.github.gae4j.core.graph.EdgeList;
import io.github.gae4j.core.graph.Graph;
import io.github.gae4j.core.graph.LinkSplit;
import io.github.gae4j.core.optim.GlorotUniform;
import io.github.gae4j.core.parallel.Parallelism;
import io.github.gae4j.core.spi.Decoder;
import io.github.gae4j.core.spi.Encoder;
import io.github.gae4j.core.spi.Encoding;
import io.github.gae4j.core.spi.GraphInput;
import io.github.gae4j.core.spi.Loss;
import io.github.gae4j.core.spi.LossInput;
import io.github.gae4j.core.spi.Mode;
import io.github.gae4j.core.spi.Sampler;
import io.github.gae4j.core.tensor.Matrix;
import io.github.gae4j.core.tensor.SparseMatrix;
import io.github.gae4j.runtime.model.GraphAutoencoder;
import io.github.gae4j.testkit.TestGraphs;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

final class TrainerTest {

    /** Z = Â · (X · W): one linear graph convolution. */
    static final class LinearEncoder implements Encoder {
        private final Weights w;

        LinearEncoder(int inputDim, int latentDim, long seed) {
            w = new Weights("w", GlorotUniform.sample(inputDim, latentDim, new SplittableRandom(seed)));
        }

        @Override
        public Encoding encode(GraphInput input, Mode mode) {
            Variable xw = FeaturesTimes.of(input.features(), w);
            return Encoding.deterministic(SparseMatMul.of(input.normalizedAdjacency(), xw));
        }

        @Override
        public List<Weights> weights() {
            return List.of(w);
        }

        @Override
        public int latentDim() {
            return w.cols();
        }
    }

    static final class IdentitySampler implements Sampler {
        @Override
        public Variable sample(Encoding encoding, Mode mode, java.util.random.RandomGenerator random) {
            return encoding.mu();
        }
    }

    static final class InnerProductDecoder implements Decoder {
        @Override
        public Variable logits(Variable z, EdgeList pairs) {
            return RowDot.of(z, pairs.srcArray(), z, pairs.dstArray());
        }
    }

    /**
     * Kipf &amp; Welling's full-graph weighted BCE, the N² logits materialised (the fused kernels belong to
     * gae-decoders, which the runtime does not see; the test graph is small).
     */
    static final class FullGraphLoss implements Loss {
        @Override
        public Variable loss(LossInput input) {
            SparseMatrix target = input.training().reconstructionTarget();
            return FullGraphBce.materialised(
                    pairs -> input.decoder().logits(input.z(), pairs), target, FullGraphBce.BceWeights.of(target));
        }
    }

    @org.junit.jupiter.api.io.TempDir
    java.nio.file.Path dir;

    private static Graph graph;
    private static LinkSplit split;

    @BeforeAll
    static void data() {
        graph = TestGraphs.twoCommunities(40, 8, 3);
        split = LinkSplit.of(graph, 4);
    }

    static GraphAutoencoder model(long seed, Loss... extra) {
        GraphAutoencoder.Builder b = GraphAutoencoder.builder()
                .encoder(new LinearEncoder(8, 16, seed))
                .sampler(new IdentitySampler())
                .decoder(new InnerProductDecoder())
                .loss("reconstruction", new FullGraphLoss());
        for (int k = 0; k < extra.length; k++) {
            b.loss("extra" + k, extra[k]);
        }
        return b.build();
    }

    /** These tests look at the last epoch's weights (the paper's protocol), not the best validation epoch's. */
    private static TrainerConfig config(int epochs) {
        return TrainerConfig.builder().epochs(epochs).seed(5).restoreBest(false).build();
    }

    /** Everything of the history except the wall times. */
    static List<List<Double>> numbers(TrainingResult r) {
        List<List<Double>> out = new ArrayList<>();
        for (EpochStats s : r.history()) {
            out.add(List.of((double) s.epoch(), s.loss(), s.valAuc(), s.valAp()));
        }
        out.add(List.of(r.test().auc(), r.test().ap(), (double) r.bestEpoch()));
        return out;
    }

    @Test
    void learnsTwoCommunities() {
        TrainingResult result = new Trainer(config(200), Parallelism.singleThreaded()).fit(model(1), split);
        assertThat(result.history()).hasSize(200);
        assertThat(result.last().loss()).isLessThan(result.history().get(0).loss());
        assertThat(result.test().auc()).isGreaterThan(0.8);
        assertThat(result.test().ap()).isGreaterThan(0.75);
        assertThat(result.last().valAuc()).isGreaterThan(0.8);
        assertThat(result.medianEpochMillis()).isPositive();
    }

    @Test
    void sameSeedsGiveIdenticalHistories() {
        TrainingResult a = new Trainer(config(30), Parallelism.singleThreaded()).fit(model(1), split);
        TrainingResult b = new Trainer(config(30), Parallelism.singleThreaded()).fit(model(1), split);
        assertThat(numbers(b)).isEqualTo(numbers(a));
        TrainingResult c = new Trainer(config(30), Parallelism.singleThreaded()).fit(model(2), split);
        assertThat(numbers(c)).isNotEqualTo(numbers(a));
    }

    @Test
    void threadCountDoesNotChangeTheNumbers() {
        TrainingResult one = new Trainer(config(30), Parallelism.of(1)).fit(model(1), split);
        try (Parallelism two = Parallelism.of(2)) {
            TrainingResult parallel = new Trainer(config(30), two).fit(model(1), split);
            assertThat(numbers(parallel)).isEqualTo(numbers(one));
        }
    }

    private static List<double[]> weightValues(GraphAutoencoder m) {
        return m.weights().stream().map(w -> w.data().data().clone()).toList();
    }

    @Test
    void gradientClippingAboveEveryNormIsBitIdenticalToNone() {
        GraphAutoencoder plain = model(1);
        TrainingResult a = new Trainer(config(30), Parallelism.singleThreaded()).fit(plain, split);
        GraphAutoencoder clipped = model(1);
        TrainingResult b = new Trainer(
                        config(30).toBuilder().gradientClipNorm(1e9).build(), Parallelism.singleThreaded())
                .fit(clipped, split);
        assertThat(numbers(b)).isEqualTo(numbers(a));
        assertThat(weightValues(clipped)).containsExactlyElementsOf(weightValues(plain));
    }

    @Test
    void tightGradientClippingChangesTheStepsAndStillLearns() {
        GraphAutoencoder plain = model(1);
        new Trainer(config(200), Parallelism.singleThreaded()).fit(plain, split);
        GraphAutoencoder clipped = model(1);
        // The gradient norm starts near 2 here and falls below 0.1 after some 20 epochs: the early steps are clipped.
        TrainingResult r = new Trainer(
                        config(200).toBuilder().gradientClipNorm(0.1).build(), Parallelism.singleThreaded())
                .fit(clipped, split);
        assertThat(weightValues(clipped).get(0))
                .isNotEqualTo(weightValues(plain).get(0));
        assertThat(r.last().loss()).isLessThan(0.5 * r.history().get(0).loss());
        assertThat(r.test().auc()).isGreaterThan(0.8);
        assertThat(r.test().ap()).isGreaterThan(0.75);
        assertThat(r.last().valAuc()).isGreaterThan(0.75);
    }

    @Test
    void gradientClippingDoesNotDependOnTheThreadCount() {
        TrainerConfig cfg = config(30).toBuilder().gradientClipNorm(0.01).build();
        TrainingResult one = new Trainer(cfg, Parallelism.of(1)).fit(model(1), split);
        try (Parallelism two = Parallelism.of(2)) {
            assertThat(numbers(new Trainer(cfg, two).fit(model(1), split))).isEqualTo(numbers(one));
        }
    }

    @Test
    void aConstantScheduleIsBitIdenticalToARunWithoutTheSetting() {
        TrainerConfig without = config(30);
        GraphAutoencoder plain = model(1);
        TrainingResult a = new Trainer(without, Parallelism.singleThreaded()).fit(plain, split);
        GraphAutoencoder constant = model(1);
        TrainerConfig explicit = config(30).toBuilder()
                .learningRateSchedule(LearningRateSchedule.CONSTANT)
                .build();
        TrainingResult b = new Trainer(explicit, Parallelism.singleThreaded()).fit(constant, split);
        assertThat(numbers(b)).isEqualTo(numbers(a));
        assertThat(weightValues(constant)).containsExactlyElementsOf(weightValues(plain));
    }

    @Test
    void aCosineScheduleTakesItsFirstStepAtTheFullRateAndChangesTheRest() {
        TrainingResult constant = new Trainer(config(30), Parallelism.singleThreaded()).fit(model(1), split);
        TrainingResult cosine = new Trainer(
                        config(30).toBuilder()
                                .learningRateSchedule(LearningRateSchedule.COSINE)
                                .build(),
                        Parallelism.singleThreaded())
                .fit(model(1), split);
        // Epoch 2's loss is measured after epoch 1's step alone, which runs at factor 1 (PyTorch's epoch 0).
        assertThat(cosine.history().get(1).loss())
                .isEqualTo(constant.history().get(1).loss());
        assertThat(cosine.history().get(2).loss())
                .isNotEqualTo(constant.history().get(2).loss());
    }

    @Test
    void aCosineScheduleChangesTheStepsAndStillLearns() {
        GraphAutoencoder plain = model(1);
        new Trainer(config(200), Parallelism.singleThreaded()).fit(plain, split);
        GraphAutoencoder cosine = model(1);
        TrainingResult r = new Trainer(
                        config(200).toBuilder()
                                .learningRateSchedule(LearningRateSchedule.COSINE)
                                .build(),
                        Parallelism.singleThreaded())
                .fit(cosine, split);
        assertThat(weightValues(cosine).get(0)).isNotEqualTo(weightValues(plain).get(0));
        assertThat(r.last().loss()).isLessThan(0.5 * r.history().get(0).loss());
        assertThat(r.test().auc()).isGreaterThan(0.8);
        assertThat(r.test().ap()).isGreaterThan(0.75);
        assertThat(r.last().valAuc()).isGreaterThan(0.75);
    }

    @Test
    void divergingRunThrowsWithTheEpoch() {
        Trainer trainer = new Trainer(config(10).toBuilder().learningRate(1e200).build(), Parallelism.singleThreaded());
        assertThatThrownBy(() -> trainer.fit(model(1), split))
                .isInstanceOf(NumericalException.class)
                .hasMessageContaining("at epoch 1")
                .hasMessageContaining("learning rate 1.0E200")
                .hasMessageContaining("diverged");
    }

    @Test
    void divergingRunWithoutValidationStopsAtTheLoss() {
        LinkSplit noValidation = LinkSplit.of(graph, 0.0, 0.1, 4);
        Trainer trainer = new Trainer(config(10).toBuilder().learningRate(1e200).build(), Parallelism.singleThreaded());
        assertThatThrownBy(() -> trainer.fit(model(1), noValidation))
                .isInstanceOf(NumericalException.class)
                .hasMessageContaining("Loss is")
                .hasMessageContaining("at epoch 2");
    }

    @Test
    void nanLossTermThrowsAtTheFirstEpoch() {
        Loss nan = input -> Add.of(Constant.scalar(Math.log(-1.0)), Constant.scalar(0.0));
        Trainer trainer = new Trainer(config(10), Parallelism.singleThreaded());
        assertThatThrownBy(() -> trainer.fit(model(1, nan), split))
                .isInstanceOf(NumericalException.class)
                .hasMessageContaining("Loss is NaN at epoch 1");
    }

    @Test
    void restoreBestReportsTheBestValidationEpoch() {
        TrainingResult r = new Trainer(config(40).toBuilder().restoreBest(true).build(), Parallelism.singleThreaded())
                .fit(model(1), split);
        int best = 0;
        double bestAuc = Double.NEGATIVE_INFINITY;
        for (EpochStats s : r.history()) {
            if (s.valAuc() > bestAuc) {
                bestAuc = s.valAuc();
                best = s.epoch();
            }
        }
        assertThat(r.bestEpoch()).isEqualTo(best);
    }

    @Test
    void listenerSeesEveryEpochAndLossesSeeOnlyTrainingEdges() {
        List<Integer> epochs = new ArrayList<>();
        List<Integer> edgeCounts = new ArrayList<>();
        Loss spy = input -> {
            edgeCounts.add(input.training().graph().edgeCount());
            return Constant.scalar(0.0);
        };
        new Trainer(config(5), Parallelism.singleThreaded(), s -> epochs.add(s.epoch())).fit(model(1, spy), split);
        assertThat(epochs).containsExactly(1, 2, 3, 4, 5);
        assertThat(edgeCounts).hasSize(5).containsOnly(split.trainPositives().size());
        assertThat(split.trainPositives().size()).isLessThan(graph.edgeCount());
    }

    @Test
    void configRejectsNonPositiveEpochs() {
        assertThatThrownBy(() -> TrainerConfig.builder().epochs(0).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("got 0, 10 and 1");
        assertThatThrownBy(() -> TrainerConfig.builder().evalEvery(-1).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("evalEvery >= 0");
    }

    @Test
    void configChecksTheGradientClipNorm() {
        assertThat(TrainerConfig.defaults().gradientClipNorm()).isZero();
        assertThat(TrainerConfig.builder().gradientClipNorm(1.0).build().gradientClipNorm())
                .isEqualTo(1.0);
        assertThat(TrainerConfig.builder()
                        .gradientClipNorm(1.0)
                        .epochs(5)
                        .build()
                        .gradientClipNorm())
                .as("kept by the other settings")
                .isEqualTo(1.0);
        assertThat(TrainerConfig.builder().gradientClipNorm(-0.0).build()).isEqualTo(TrainerConfig.defaults());
        TrainerConfig d = TrainerConfig.defaults();
        assertThat(new TrainerConfig(
                        d.epochs(),
                        d.learningRate(),
                        d.optimizer(),
                        d.seed(),
                        d.restoreBest(),
                        d.logEvery(),
                        d.evalEvery(),
                        d.patience(),
                        0.0,
                        d.learningRateSchedule(),
                        null))
                .as("the constructor with clipping off")
                .isEqualTo(d);
        for (double bad : new double[] {-1e-9, Double.NaN, Double.POSITIVE_INFINITY}) {
            assertThatThrownBy(
                            () -> TrainerConfig.builder().gradientClipNorm(bad).build())
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("gradientClipNorm must be finite and >= 0");
        }
    }

    @Test
    void configCarriesTheLearningRateSchedule() {
        TrainerConfig d = TrainerConfig.defaults();
        assertThat(d.learningRateSchedule()).isEqualTo(LearningRateSchedule.CONSTANT);
        TrainerConfig cosine =
                d.toBuilder().learningRateSchedule(LearningRateSchedule.COSINE).build();
        assertThat(cosine.learningRateSchedule()).isEqualTo(LearningRateSchedule.COSINE);
        assertThat(cosine.toBuilder().epochs(5).gradientClipNorm(1.0).build().learningRateSchedule())
                .as("kept by the other settings")
                .isEqualTo(LearningRateSchedule.COSINE);
        assertThat(new TrainerConfig(
                        d.epochs(),
                        d.learningRate(),
                        d.optimizer(),
                        d.seed(),
                        d.restoreBest(),
                        d.logEvery(),
                        d.evalEvery(),
                        d.patience(),
                        d.gradientClipNorm(),
                        LearningRateSchedule.CONSTANT,
                        null))
                .as("the constructor with a constant schedule")
                .isEqualTo(d);
        assertThatThrownBy(() -> d.toBuilder().learningRateSchedule(null).build())
                .isInstanceOf(NullPointerException.class)
                .hasMessageContaining("learningRateSchedule");
    }

    @Test
    void medianOfEpochTimes() {
        List<EpochStats> h = List.of(
                new EpochStats(1, 1, 0, 0, 5),
                new EpochStats(2, 1, 0, 0, 1),
                new EpochStats(3, 1, 0, 0, 3),
                new EpochStats(4, 1, 0, 0, 100));
        TrainingState state = new TrainingState(
                4, h, 0, Double.NaN, List.of(), List.of(), new OptimizerState("adam", java.util.Map.of()));
        TrainingResult r =
                new TrainingResult(h, 1, new io.github.gae4j.runtime.metrics.LinkScores(0.5, 0.5), false, state);
        assertThat(r.medianEpochMillis()).isEqualTo(4.0);
        assertThat(r.epochMillis()).containsExactly(5, 1, 3, 100);
        assertThat(Matrix.scalar(r.last().trainMillis()).scalarValue()).isEqualTo(100);
    }

    /** A loss term drawing from the pass's random source, so resuming must reproduce the draws. */
    static final class RandomlyWeightedNorm implements Loss {
        @Override
        public Variable loss(LossInput input) {
            return io.github.gae4j.core.autodiff.functions.Scale.of(
                    io.github.gae4j.core.autodiff.functions.Mean.of(
                            io.github.gae4j.core.autodiff.functions.ElementMul.of(input.z(), input.z())),
                    0.01 * input.random().nextDouble());
        }
    }

    /** Stops after a given epoch, keeping the resumable state it was handed. */
    static final class StopAfter implements TrainingListener {
        private final int epoch;
        TrainingState state;

        StopAfter(int epoch) {
            this.epoch = epoch;
        }

        @Override
        public void onEpoch(EpochStats stats) {}

        @Override
        public void afterEpoch(EpochStats stats, java.util.function.Supplier<TrainingState> snapshot) {
            if (stats.epoch() == epoch) {
                state = snapshot.get();
            }
        }

        @Override
        public boolean stopRequested() {
            return state != null;
        }
    }

    @Test
    void resumingFromAStoppedRunGivesTheUninterruptedResult() {
        TrainerConfig cfg = config(30).toBuilder().restoreBest(true).build();
        GraphAutoencoder whole = model(1, new RandomlyWeightedNorm());
        TrainingResult uninterrupted = new Trainer(cfg, Parallelism.singleThreaded()).fit(whole, split);

        StopAfter stop = new StopAfter(12);
        GraphAutoencoder first = model(1, new RandomlyWeightedNorm());
        TrainingResult stopped = new Trainer(cfg, Parallelism.singleThreaded(), stop).fit(first, split);
        assertThat(stopped.stoppedEarly()).isTrue();
        assertThat(stopped.history()).hasSize(12);
        assertThat(stopped.finalState().epochsDone()).isEqualTo(12);

        // A fresh model (other initial weights) continues from the state alone.
        GraphAutoencoder second = model(99, new RandomlyWeightedNorm());
        TrainingResult resumed =
                new Trainer(cfg, Parallelism.singleThreaded()).fit(second, split, stopped.finalState());
        assertThat(resumed.stoppedEarly()).isFalse();
        assertThat(numbers(resumed)).isEqualTo(numbers(uninterrupted));
        for (int k = 0; k < whole.weights().size(); k++) {
            assertThat(second.weights().get(k).data().data())
                    .isEqualTo(whole.weights().get(k).data().data());
        }
    }

    /**
     * The schedule keeps no state: a cosine run resumed from a checkpoint file, with the training
     * settings read back from that file, steps at the rates of the uninterrupted run.
     */
    @Test
    void resumingACosineRunFromACheckpointGivesTheUninterruptedResult() {
        TrainerConfig cfg = config(30).toBuilder()
                .restoreBest(true)
                .learningRateSchedule(LearningRateSchedule.COSINE)
                .build();
        GraphAutoencoder whole = model(1, new RandomlyWeightedNorm());
        TrainingResult uninterrupted = new Trainer(cfg, Parallelism.singleThreaded()).fit(whole, split);

        StopAfter stop = new StopAfter(12);
        TrainingResult stopped =
                new Trainer(cfg, Parallelism.singleThreaded(), stop).fit(model(1, new RandomlyWeightedNorm()), split);
        java.nio.file.Path file = dir.resolve("cosine.gae4j");
        GraphAutoencoder second = model(99, new RandomlyWeightedNorm());
        io.github.gae4j.runtime.checkpoint.SavedModelFile.write(
                io.github.gae4j.runtime.checkpoint.SavedModel.checkpoint(
                        new io.github.gae4j.runtime.files.ModelDescription(
                                io.github.gae4j.runtime.model.ModelSpec.gae(), cfg),
                        java.util.Optional.empty(),
                        second,
                        stopped.finalState()),
                file);
        io.github.gae4j.runtime.checkpoint.SavedModel saved =
                io.github.gae4j.runtime.checkpoint.SavedModelFile.read(file);
        TrainerConfig fromFile = saved.description().training();
        assertThat(fromFile.learningRateSchedule()).isEqualTo(LearningRateSchedule.COSINE);

        TrainingResult resumed = new Trainer(fromFile, Parallelism.singleThreaded())
                .fit(second, split, saved.training().orElseThrow());
        assertThat(numbers(resumed)).isEqualTo(numbers(uninterrupted));
        for (int k = 0; k < whole.weights().size(); k++) {
            assertThat(second.weights().get(k).data().data())
                    .isEqualTo(whole.weights().get(k).data().data());
        }

        // Resumed at a constant rate the run drifts apart: the check above is not vacuous.
        TrainingResult constant = new Trainer(
                        cfg.toBuilder()
                                .learningRateSchedule(LearningRateSchedule.CONSTANT)
                                .build(),
                        Parallelism.singleThreaded())
                .fit(model(99, new RandomlyWeightedNorm()), split, stopped.finalState());
        assertThat(numbers(constant)).isNotEqualTo(numbers(uninterrupted));
    }

    @Test
    void stoppedStateKeepsTheLastWeightsWhileTheModelGetsTheBest() {
        StopAfter stop = new StopAfter(25);
        GraphAutoencoder m = model(1);
        TrainingResult r = new Trainer(
                        config(40).toBuilder().restoreBest(true).build(), Parallelism.singleThreaded(), stop)
                .fit(m, split);
        TrainingState s = r.finalState();
        assertThat(s.bestEpoch()).isEqualTo(r.bestEpoch()).isBetween(1, 25);
        assertThat(m.weights().get(0).data().data())
                .isEqualTo(s.bestWeights().get(0).data());
        if (s.bestEpoch() != 25) {
            assertThat(s.weights().get(0).data())
                    .isNotEqualTo(s.bestWeights().get(0).data());
        }
    }

    @Test
    void resumingAnotherModelShapeFailsNamingTheParameter() {
        TrainingResult r = new Trainer(config(3), Parallelism.singleThreaded()).fit(model(1), split);
        GraphAutoencoder wider = GraphAutoencoder.builder()
                .encoder(new LinearEncoder(8, 4, 1))
                .sampler(new IdentitySampler())
                .decoder(new InnerProductDecoder())
                .loss("reconstruction", new FullGraphLoss())
                .build();
        assertThatThrownBy(() -> new Trainer(config(5), Parallelism.singleThreaded()).fit(wider, split, r.finalState()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("w")
                .hasMessageContaining("(8, 16)")
                .hasMessageContaining("(8, 4)");
    }

    @Test
    void epochRandomDependsOnSeedAndEpochOnly() {
        assertThat(epochRandom(5, 3).nextLong()).isEqualTo(epochRandom(5, 3).nextLong());
        assertThat(epochRandom(5, 3).nextLong()).isNotEqualTo(epochRandom(5, 4).nextLong());
        assertThat(epochRandom(5, 3).nextLong()).isNotEqualTo(epochRandom(6, 3).nextLong());
    }

    /**
     * A stateful loss term, as a third-party one might be: a penalty on Z whose scale follows a
     * private drift vector, updated every call from the pass's random source, and a call counter.
     * Neither is a parameter of the model, so only {@code state()} carries them across a resume.
     */
    static final class DriftingPenalty implements Loss {
        private Matrix drift;
        private long calls;

        @Override
        public Variable loss(LossInput input) {
            if (drift == null) {
                drift = Matrix.zeros(1, input.z().cols());
            }
            double[] d = drift.data();
            double sum = 0;
            for (int k = 0; k < d.length; k++) {
                d[k] = 0.9 * d[k] + 0.1 * input.random().nextGaussian();
                sum += d[k];
            }
            calls++;
            double scale = 0.01 * (1 + Math.abs(sum)) * (1 + calls % 3);
            return io.github.gae4j.core.autodiff.functions.Scale.of(
                    io.github.gae4j.core.autodiff.functions.Mean.of(
                            io.github.gae4j.core.autodiff.functions.ElementMul.of(input.z(), input.z())),
                    scale);
        }

        @Override
        public java.util.Map<String, Matrix> state() {
            java.util.Map<String, Matrix> out = new java.util.LinkedHashMap<>();
            out.put("calls", Matrix.scalar((double) calls));
            if (drift != null) {
                out.put("drift", drift.copy());
            }
            return out;
        }

        @Override
        public void restoreState(java.util.Map<String, Matrix> state) {
            Matrix c = state.get("calls");
            if (c == null || c.rows() != 1 || c.cols() != 1) {
                throw new IllegalArgumentException("tensor 'calls' is missing or not 1 × 1");
            }
            for (String name : state.keySet()) {
                if (!name.equals("calls") && !name.equals("drift")) {
                    throw new IllegalArgumentException("unknown tensor '" + name + "'");
                }
            }
            Matrix d = state.get("drift");
            if (d != null && d.rows() != 1) {
                throw new IllegalArgumentException("tensor 'drift' has shape " + d.shape() + ", expected one row");
            }
            calls = (long) c.scalarValue();
            drift = d == null ? null : d.copy();
        }
    }

    /** The reconstruction term and two drifting penalties under the same name, so their state keys must differ. */
    private static GraphAutoencoder driftingModel(long seed) {
        return GraphAutoencoder.builder()
                .encoder(new LinearEncoder(8, 16, seed))
                .sampler(new IdentitySampler())
                .decoder(new InnerProductDecoder())
                .loss("reconstruction", new FullGraphLoss())
                .loss("drift", new DriftingPenalty())
                .loss("drift", new DriftingPenalty(), 0.5)
                .build();
    }

    private static void assertSameLossState(TrainingState actual, TrainingState expected) {
        assertThat(actual.lossState().keySet())
                .containsExactlyElementsOf(expected.lossState().keySet());
        expected.lossState().forEach((term, tensors) -> {
            assertThat(actual.lossState().get(term).keySet()).as(term).containsExactlyElementsOf(tensors.keySet());
            tensors.forEach((name, value) -> assertThat(
                            actual.lossState().get(term).get(name).data())
                    .as(term + "/" + name)
                    .isEqualTo(value.data()));
        });
    }

    @Test
    void statesHoldEveryLossTermsOwnStateUnderDistinctKeys() {
        TrainingResult r = new Trainer(config(4), Parallelism.singleThreaded()).fit(driftingModel(1), split);
        TrainingState s = r.finalState();
        assertThat(s.hasLossState()).isTrue();
        assertThat(s.lossState().keySet()).containsExactly("reconstruction", "drift", "drift#2");
        assertThat(s.lossState().get("reconstruction")).isEmpty();
        assertThat(s.lossState().get("drift").keySet()).containsExactly("calls", "drift");
        assertThat(s.lossState().get("drift").get("calls").scalarValue()).isEqualTo(4.0);
        assertThat(s.lossState().get("drift").get("drift").data())
                .isNotEqualTo(s.lossState().get("drift#2").get("drift").data());
    }

    @Test
    void resumingRestoresTheLossTermsOwnStateBitForBit() {
        TrainerConfig cfg = config(20).toBuilder().restoreBest(true).build();
        GraphAutoencoder whole = driftingModel(1);
        TrainingResult uninterrupted = new Trainer(cfg, Parallelism.singleThreaded()).fit(whole, split);

        StopAfter stop = new StopAfter(8);
        TrainingResult stopped = new Trainer(cfg, Parallelism.singleThreaded(), stop).fit(driftingModel(1), split);
        assertThat(stopped.finalState().lossState().get("drift").get("calls").scalarValue())
                .isEqualTo(8.0);

        // Through a checkpoint file, into a fresh model whose penalties start with no drift and no calls.
        java.nio.file.Path file = dir.resolve("checkpoint.gae4j");
        GraphAutoencoder second = driftingModel(99);
        io.github.gae4j.runtime.files.ModelDescription description =
                new io.github.gae4j.runtime.files.ModelDescription(io.github.gae4j.runtime.model.ModelSpec.gae(), cfg);
        io.github.gae4j.runtime.checkpoint.SavedModelFile.write(
                io.github.gae4j.runtime.checkpoint.SavedModel.checkpoint(
                        description, java.util.Optional.empty(), second, stopped.finalState()),
                file);
        TrainingState fromFile = io.github.gae4j.runtime.checkpoint.SavedModelFile.read(file)
                .training()
                .orElseThrow();
        assertSameLossState(fromFile, stopped.finalState());

        TrainingResult resumed = new Trainer(cfg, Parallelism.singleThreaded()).fit(second, split, fromFile);
        assertThat(numbers(resumed)).isEqualTo(numbers(uninterrupted));
        assertThat(second.weights().get(0).data().data())
                .isEqualTo(whole.weights().get(0).data().data());
        assertSameLossState(resumed.finalState(), uninterrupted.finalState());

        // Without the loss state the same resume drifts apart: the check above is not vacuous.
        TrainingState s = stopped.finalState();
        TrainingState withoutLossState = new TrainingState(
                s.epochsDone(),
                s.history(),
                s.bestEpoch(),
                s.bestValAuc(),
                s.weights(),
                s.bestWeights(),
                s.optimizer());
        TrainingResult legacy =
                new Trainer(cfg, Parallelism.singleThreaded()).fit(driftingModel(1), split, withoutLossState);
        assertThat(numbers(legacy)).isNotEqualTo(numbers(uninterrupted));
    }

    /** The stopped state of a drifting model with its loss state replaced. */
    private static TrainingState withLossState(
            TrainingState s, java.util.function.Consumer<java.util.Map<String, java.util.Map<String, Matrix>>> edit) {
        java.util.Map<String, java.util.Map<String, Matrix>> state = new java.util.LinkedHashMap<>();
        s.lossState().forEach((k, v) -> state.put(k, new java.util.LinkedHashMap<>(v)));
        edit.accept(state);
        return new TrainingState(
                s.epochsDone(),
                s.history(),
                s.bestEpoch(),
                s.bestValAuc(),
                s.weights(),
                s.bestWeights(),
                s.optimizer(),
                state);
    }

    @Test
    void resumingWithLossStateThatDoesNotFitFailsNamingTheTermAndTensor() {
        StopAfter stop = new StopAfter(3);
        TrainingState s = new Trainer(config(10), Parallelism.singleThreaded(), stop)
                .fit(driftingModel(1), split)
                .finalState();
        Trainer trainer = new Trainer(config(10), Parallelism.singleThreaded());

        assertThatThrownBy(() -> trainer.fit(
                        driftingModel(1),
                        split,
                        withLossState(s, m -> m.get("drift#2").remove("calls"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("loss term 'drift#2'")
                .hasMessageContaining("'calls'");
        assertThatThrownBy(() -> trainer.fit(
                        driftingModel(1),
                        split,
                        withLossState(s, m -> m.get("drift").put("velocity", Matrix.zeros(1, 16)))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("loss term 'drift'")
                .hasMessageContaining("'velocity'");
        assertThatThrownBy(() -> trainer.fit(
                        driftingModel(1),
                        split,
                        withLossState(s, m -> m.get("drift").put("drift", Matrix.zeros(2, 16)))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("loss term 'drift'")
                .hasMessageContaining("'drift'")
                .hasMessageContaining("(2, 16)");
        assertThatThrownBy(() -> trainer.fit(
                        driftingModel(1),
                        split,
                        withLossState(s, m -> m.get("reconstruction").put("stray", Matrix.scalar(1)))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("loss term 'reconstruction'")
                .hasMessageContaining("'stray'");
        assertThatThrownBy(() -> trainer.fit(driftingModel(1), split, withLossState(s, m -> m.remove("drift#2"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no state of loss term 'drift#2'");
        assertThatThrownBy(() -> trainer.fit(model(1), split, withLossState(s, m -> {})))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("loss term 'drift'")
                .hasMessageContaining("does not have");
    }

    @Test
    void lossTermKeysNumberRepeatedNames() {
        assertThat(driftingModel(1).lossTermKeys()).containsExactly("reconstruction", "drift", "drift#2");
        assertThat(model(1, new FullGraphLoss()).lossTermKeys()).containsExactly("reconstruction", "extra0");
    }

    private static SplittableRandom epochRandom(long seed, int epoch) {
        return new SplittableRandom(TrainingLoop.epochSeed(seed, epoch));
    }
}
