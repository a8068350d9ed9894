// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.losses.adversarial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.gae4j.core.autodiff.ComputationContext;
import io.github.gae4j.core.autodiff.Constant;
import io.github.gae4j.core.autodiff.Variable;
import io.github.gae4j.core.autodiff.Weights;
import io.github.gae4j.core.autodiff.functions.Add;
import io.github.gae4j.core.autodiff.functions.BceWithLogits;
import io.github.gae4j.core.error.ConfigException;
import io.github.gae4j.core.error.GaeException;
import io.github.gae4j.core.graph.Graph;
import io.github.gae4j.core.graph.LinkSplit;
import io.github.gae4j.core.graph.TrainingGraph;
import io.github.gae4j.core.parallel.Parallelism;
import io.github.gae4j.core.spi.ComponentConfig;
import io.github.gae4j.core.spi.CreationContext;
import io.github.gae4j.core.spi.Encoder;
import io.github.gae4j.core.spi.Encoding;
import io.github.gae4j.core.spi.GraphInput;
import io.github.gae4j.core.spi.Loss;
import io.github.gae4j.core.spi.LossFactory;
import io.github.gae4j.core.spi.LossInput;
import io.github.gae4j.core.spi.Mode;
import io.github.gae4j.core.tensor.Matrix;
import io.github.gae4j.decoders.innerproduct.InnerProductDecoder;
import io.github.gae4j.losses.LossesPlugin;
import io.github.gae4j.losses.reconstruction.FullGraphBceLoss;
import io.github.gae4j.runtime.model.GraphAutoencoder;
import io.github.gae4j.runtime.plugin.ComponentKind;
import io.github.gae4j.runtime.plugin.PluginRegistry;
import io.github.gae4j.runtime.train.Trainer;
import io.github.gae4j.runtime.train.TrainerConfig;
import io.github.gae4j.runtime.train.TrainingResult;
import io.github.gae4j.testkit.GradientCheck;
import io.github.gae4j.testkit.TestGraphs;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

final class AdversarialLossTest implements GradientCheck {

    private static final int NODES = 200;
    private static final int LATENT = 4;

    private final Graph graph = TestGraphs.twoCommunities(8, 3, 5);
    private final TrainingGraph training = new TrainingGraph(graph);
    private final Parallelism parallelism = Parallelism.singleThreaded();

    private static LossFactory factory() {
        return PluginRegistry.of(List.of(new LossesPlugin())).factory(ComponentKind.LOSS, "adversarial");
    }

    private static AdversarialLoss create(ComponentConfig config, long seed) {
        return (AdversarialLoss) factory().create(config, new CreationContext(LATENT, NODES, seed));
    }

    private LossInput input(Variable z, SplittableRandom random) {
        return new LossInput(
                Encoding.deterministic(z),
                z,
                new InnerProductDecoder(),
                training,
                random,
                new ComputationContext(parallelism));
    }

    /** N(shift, I) embeddings: what the discriminator must tell from the prior N(0, I). */
    private static Matrix shifted(int n, double shift, long seed) {
        Matrix m = AdversarialLoss.prior(n, LATENT, new SplittableRandom(seed));
        double[] d = m.data();
        for (int k = 0; k < d.length; k++) {
            d[k] += shift;
        }
        return m;
    }

    private static double mean(double[] values) {
        return Arrays.stream(values).average().orElseThrow();
    }

    @Test
    void discriminatorLearnsToSeparateAShiftedGaussianFromThePrior() {
        AdversarialLoss loss = create(ComponentConfig.of("learning-rate", 0.01), 7);
        Weights z = new Weights("z", shifted(NODES, 1.5, 1));
        Matrix heldOutPrior = AdversarialLoss.prior(NODES, LATENT, new SplittableRandom(99));
        Matrix heldOutShifted = shifted(NODES, 1.5, 98);
        double before = loss.discriminatorLoss(heldOutPrior, heldOutShifted, parallelism);
        assertThat(before).as("untrained discriminator loss, near 2 log 2").isBetween(1.0, 2.0);

        SplittableRandom random = new SplittableRandom(3);
        for (int pass = 0; pass < 150; pass++) {
            loss.loss(input(z, random));
        }
        double after = loss.discriminatorLoss(heldOutPrior, heldOutShifted, parallelism);
        assertThat(after).as("trained discriminator loss on held-out samples").isLessThan(0.5);
        assertThat(mean(loss.realProbability(heldOutPrior, parallelism)))
                .as("P(real) of prior samples")
                .isGreaterThan(0.8);
        assertThat(mean(loss.realProbability(heldOutShifted, parallelism)))
                .as("P(real) of shifted samples")
                .isLessThan(0.2);
    }

    @Test
    void generatorTermPullsTheEmbeddingsTowardThePrior() {
        AdversarialLoss loss = create(ComponentConfig.of("learning-rate", 0.01, "steps", 5), 7);
        Weights z = new Weights("z", shifted(NODES, 2.0, 1));
        SplittableRandom random = new SplittableRandom(3);
        Variable generator = null;
        for (int pass = 0; pass < 40; pass++) {
            generator = loss.loss(input(z, random));
        }
        ComputationContext ctx = new ComputationContext();
        double value = ctx.forward(generator).scalarValue();
        assertThat(value).as("generator loss against a trained discriminator").isGreaterThan(Math.log(2));
        ctx.backward(generator);
        // Gradient descent moves z against the gradient: a positive mean gradient moves the +2 shift toward 0.
        assertThat(mean(ctx.gradient(z).data())).as("mean d generator / d z").isPositive();
        for (Weights w : loss.discriminatorWeights()) {
            assertThat(ctx.gradient(w))
                    .as("gradient of %s through the generator term", w.render())
                    .isNull();
        }
    }

    @Test
    void sameSeedGivesTheSameNumbersAndAnotherSeedDiffers() {
        double[] first = run(11, 5);
        double[] second = run(11, 5);
        assertThat(second).containsExactly(first);
        assertThat(run(12, 5)).isNotEqualTo(first);
        assertThat(run(11, 6)).as("another prior stream").isNotEqualTo(first);
    }

    /** Generator values of three passes, then every discriminator parameter. */
    private double[] run(long creationSeed, long passSeed) {
        AdversarialLoss loss = create(ComponentConfig.of("steps", 2), creationSeed);
        Weights z = new Weights("z", shifted(30, 0.5, 1));
        SplittableRandom random = new SplittableRandom(passSeed);
        List<Double> out = new ArrayList<>();
        for (int pass = 0; pass < 3; pass++) {
            out.add(new ComputationContext()
                    .forward(loss.loss(input(z, random)))
                    .scalarValue());
        }
        for (Weights w : loss.discriminatorWeights()) {
            for (double v : w.data().data()) {
                out.add(v);
            }
        }
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    @Test
    void returnedTermKeepsTheDiscriminatorOfItsPass() {
        AdversarialLoss loss = create(ComponentConfig.empty(), 7);
        Weights z = new Weights("z", shifted(NODES, 1.0, 1));
        SplittableRandom random = new SplittableRandom(3);
        Variable generator = loss.loss(input(z, random));
        double value = new ComputationContext().forward(generator).scalarValue();
        for (int pass = 0; pass < 5; pass++) {
            loss.loss(input(z, random));
        }
        assertThat(new ComputationContext().forward(generator).scalarValue()).isEqualTo(value);
    }

    @Test
    void zeroStepsNeverTrainsTheDiscriminator() {
        AdversarialLoss loss = create(ComponentConfig.of("steps", 0), 7);
        Weights z = new Weights("z", shifted(NODES, 1.0, 1));
        loss.loss(input(z, new SplittableRandom(3)));
        List<double[]> before = loss.discriminatorWeights().stream()
                .map(w -> w.data().data().clone())
                .toList();
        for (int pass = 0; pass < 3; pass++) {
            loss.loss(input(z, new SplittableRandom(3 + pass)));
        }
        List<double[]> after =
                loss.discriminatorWeights().stream().map(w -> w.data().data()).toList();
        for (int k = 0; k < before.size(); k++) {
            assertThat(after.get(k)).containsExactly(before.get(k));
        }
    }

    @Test
    void periodMakesEveryKthCallAdversarialStartingWithTheFirst() {
        AdversarialLoss loss = create(ComponentConfig.of("period", 3), 7);
        Weights z = new Weights("z", shifted(NODES, 1.0, 1));
        SplittableRandom random = new SplittableRandom(3);
        List<double[]> trainedOnce = null;
        for (int call = 0; call < 7; call++) {
            Variable term = loss.loss(input(z, random));
            List<double[]> now = loss.discriminatorWeights().stream()
                    .map(w -> w.data().data().clone())
                    .toList();
            if (call % 3 == 0) {
                assertThat(term.requireGradient()).as("call %d reaches z", call).isTrue();
                if (trainedOnce != null) {
                    assertThat(now.get(0))
                            .as("call %d trains the discriminator", call)
                            .isNotEqualTo(trainedOnce.get(0));
                }
            } else {
                assertThat(term.requireGradient())
                        .as("call %d is a constant", call)
                        .isFalse();
                assertThat(new ComputationContext().forward(term).scalarValue()).isZero();
                assertThat(now.get(0))
                        .as("call %d leaves the discriminator alone", call)
                        .containsExactly(trainedOnce.get(0));
            }
            trainedOnce = now;
        }
        assertThatThrownBy(() -> create(ComponentConfig.of("period", 0), 1))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("period");
    }

    @Test
    void defaultsAreTheReferenceDiscriminator() {
        AdversarialLoss loss = create(ComponentConfig.empty(), 7);
        loss.loss(input(new Weights("z", shifted(10, 0, 1)), new SplittableRandom(3)));
        assertThat(loss.discriminatorWeights())
                .extracting(Weights::shape)
                .containsExactly("(4, 64)", "(1, 64)", "(64, 32)", "(1, 32)", "(32, 1)", "(1, 1)");
        AdversarialLoss linear = create(ComponentConfig.of("hidden", ""), 7);
        linear.loss(input(new Weights("z", shifted(10, 0, 1)), new SplittableRandom(3)));
        assertThat(linear.discriminatorWeights()).extracting(Weights::shape).containsExactly("(4, 1)", "(1, 1)");
    }

    @Test
    void discriminatorGradientsMatchFiniteDifferences() {
        Discriminator d = Discriminator.create(LATENT, new int[] {5, 3}, 0.0, new SplittableRandom(4));
        Matrix ones = Matrix.zeros(12, 1);
        Arrays.fill(ones.data(), 1.0);
        Variable loss = Add.of(
                BceWithLogits.of(
                        d.logits(Constant.of(AdversarialLoss.prior(12, LATENT, new SplittableRandom(5)))), ones),
                BceWithLogits.of(d.logits(Constant.of(shifted(12, 0.7, 6))), Matrix.zeros(12, 1)));
        assertGradientsMatch(d.weights(), loss);
    }

    @Test
    void badOptionsAreRejectedNamingTheOption() {
        assertThatThrownBy(() -> create(ComponentConfig.of("hidden", "64,x"), 1))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("'hidden'")
                .hasMessageContaining("'64,x'");
        assertThatThrownBy(() -> create(ComponentConfig.of("hidden", "64,0"), 1))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("'hidden'");
        assertThatThrownBy(() -> create(ComponentConfig.of("steps", -1), 1))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("'steps'");
        assertThatThrownBy(() -> create(ComponentConfig.of("learning-rate", 0), 1))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("learning-rate");
    }

    @Test
    void oneInstanceServesOneLatentDimension() {
        AdversarialLoss loss = create(ComponentConfig.empty(), 7);
        loss.loss(input(new Weights("z", shifted(10, 0, 1)), new SplittableRandom(3)));
        Weights wide = new Weights("z", Matrix.zeros(10, LATENT + 1));
        assertThatThrownBy(() -> loss.loss(input(wide, new SplittableRandom(3))))
                .isInstanceOf(GaeException.class)
                .hasMessageContaining("latent dimension 4")
                .hasMessageContaining("now gets 5");
    }

    /** Free node embeddings: the smallest encoder, so the whole training loop runs without gae-encoders. */
    private record EmbeddingTable(Weights table) implements Encoder {
        @Override
        public Encoding encode(GraphInput input, Mode mode) {
            return Encoding.deterministic(table);
        }

        @Override
        public List<Weights> weights() {
            return List.of(table);
        }

        @Override
        public int latentDim() {
            return table.cols();
        }
    }

    @Test
    void trainsInsideTheTrainerWithItsWeightsOutsideTheModel() {
        Graph g = TestGraphs.twoCommunities(30, 4, 9);
        AdversarialLoss adversarial = create(ComponentConfig.empty(), 7);
        Loss reconstruction = new FullGraphBceLoss();
        Matrix init = TestGraphs.randomMatrix(g.nodeCount(), LATENT, 2).scale(0.1);
        GraphAutoencoder model = GraphAutoencoder.builder()
                .encoder(new EmbeddingTable(new Weights("table", init)))
                .sampler((encoding, mode, random) -> encoding.mu())
                .decoder(new InnerProductDecoder())
                .loss("weighted-bce", reconstruction)
                .loss("adversarial", adversarial)
                .build();
        TrainingResult result = new Trainer(
                        TrainerConfig.builder().epochs(30).logEvery(100).build(), parallelism)
                .fit(model, LinkSplit.of(g, 3));
        assertThat(result.history())
                .hasSize(30)
                .allSatisfy(e -> assertThat(e.loss()).isFinite());
        assertThat(adversarial.discriminatorWeights()).hasSize(6);
        Set<Weights> modelWeights = Collections.newSetFromMap(new IdentityHashMap<>());
        modelWeights.addAll(model.weights());
        assertThat(adversarial.discriminatorWeights()).noneMatch(modelWeights::contains);
    }

    // ---- checkpoint and resume ------------------------------------------------------------------------------

    /**
     * An ARVGA-like model on the embedding table: the sampler adds noise from the pass's random source (so the
     * discriminator's prior draws come after other draws of the same source), then the weighted BCE and an
     * adversarial term training every second pass with two discriminator steps.
     */
    private static GraphAutoencoder arga(Graph g, AdversarialLoss adversarial, long tableSeed) {
        Matrix init = TestGraphs.randomMatrix(g.nodeCount(), LATENT, tableSeed).scale(0.1);
        return GraphAutoencoder.builder()
                .encoder(new EmbeddingTable(new Weights("table", init)))
                .sampler((encoding, mode, random) -> {
                    if (mode == Mode.EVAL) {
                        return encoding.mu();
                    }
                    Matrix noise =
                            Matrix.zeros(encoding.mu().rows(), encoding.mu().cols());
                    for (int k = 0; k < noise.data().length; k++) {
                        noise.data()[k] = 0.05 * random.nextGaussian();
                    }
                    return Add.of(encoding.mu(), Constant.of(noise));
                })
                .decoder(new InnerProductDecoder())
                .loss("weighted-bce", new FullGraphBceLoss())
                .loss("adversarial", adversarial)
                .build();
    }

    private static ComponentConfig argaOptions() {
        return ComponentConfig.of("hidden", "8,4", "steps", 2, "period", 2, "learning-rate", 0.01);
    }

    private static void assertSameState(java.util.Map<String, Matrix> actual, java.util.Map<String, Matrix> expected) {
        assertThat(actual.keySet()).containsExactlyElementsOf(expected.keySet());
        expected.forEach(
                (name, value) -> assertThat(actual.get(name).data()).as(name).isEqualTo(value.data()));
    }

    /** Losses and validation scores of every epoch (no wall times), then test AUC, AP and the best epoch. */
    private static List<Double> numbers(TrainingResult r) {
        List<Double> out = new ArrayList<>();
        r.history().forEach(e -> out.addAll(List.of((double) e.epoch(), e.loss(), e.valAuc(), e.valAp())));
        out.addAll(List.of(r.test().auc(), r.test().ap(), (double) r.bestEpoch()));
        return out;
    }

    @Test
    void argaStoppedAndResumedFromACheckpointFileEqualsTheUninterruptedRun(
            @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        Graph g = TestGraphs.twoCommunities(30, 4, 9);
        LinkSplit split = LinkSplit.of(g, 3);
        TrainerConfig cfg = TrainerConfig.builder()
                .epochs(16)
                .seed(5)
                .logEvery(100)
                .restoreBest(true)
                .build();

        AdversarialLoss wholeLoss = create(argaOptions(), 7);
        GraphAutoencoder whole = arga(g, wholeLoss, 2);
        TrainingResult uninterrupted = new Trainer(cfg, parallelism).fit(whole, split);

        // Stopped after 7 epochs: mid-period (call 7 of period 2), checkpointed to a file.
        AdversarialLoss firstLoss = create(argaOptions(), 7);
        GraphAutoencoder first = arga(g, firstLoss, 2);
        io.github.gae4j.runtime.train.TrainingState[] stoppedState = new io.github.gae4j.runtime.train.TrainingState[1];
        TrainingResult stopped = new Trainer(cfg, parallelism, new io.github.gae4j.runtime.train.TrainingListener() {
                    @Override
                    public void onEpoch(io.github.gae4j.runtime.train.EpochStats stats) {}

                    @Override
                    public void afterEpoch(
                            io.github.gae4j.runtime.train.EpochStats stats,
                            java.util.function.Supplier<io.github.gae4j.runtime.train.TrainingState> state) {
                        if (stats.epoch() == 7) {
                            stoppedState[0] = state.get();
                        }
                    }

                    @Override
                    public boolean stopRequested() {
                        return stoppedState[0] != null;
                    }
                })
                .fit(first, split);
        assertThat(stopped.stoppedEarly()).isTrue();
        java.nio.file.Path file = dir.resolve("checkpoint.gae4j");
        io.github.gae4j.runtime.files.ModelDescription description =
                new io.github.gae4j.runtime.files.ModelDescription(io.github.gae4j.runtime.model.ModelSpec.gae(), cfg);
        io.github.gae4j.runtime.checkpoint.SavedModelFile.write(
                io.github.gae4j.runtime.checkpoint.SavedModel.checkpoint(
                        description, java.util.Optional.empty(), first, stopped.finalState()),
                file);
        io.github.gae4j.runtime.train.TrainingState saved = io.github.gae4j.runtime.checkpoint.SavedModelFile.read(file)
                .training()
                .orElseThrow();
        assertThat(saved.lossState().get("adversarial").get("calls").scalarValue())
                .isEqualTo(7.0);
        assertThat(saved.lossState().get("adversarial")).containsKey("discriminator.layer1.weight.adam-m");

        // A new model and a new loss: other initial table, other discriminator seed; only the checkpoint carries over.
        AdversarialLoss resumedLoss = create(argaOptions(), 1234);
        GraphAutoencoder resumedModel = arga(g, resumedLoss, 99);
        TrainingResult resumed = new Trainer(cfg, parallelism).fit(resumedModel, split, saved);

        assertThat(numbers(resumed)).isEqualTo(numbers(uninterrupted));
        assertThat(resumed.test().auc()).isEqualTo(uninterrupted.test().auc());
        assertThat(resumed.test().ap()).isEqualTo(uninterrupted.test().ap());
        assertThat(resumedModel.weights().get(0).data().data())
                .isEqualTo(whole.weights().get(0).data().data());
        assertSameState(resumedLoss.state(), wholeLoss.state());
        assertSameState(
                resumed.finalState().lossState().get("adversarial"),
                uninterrupted.finalState().lossState().get("adversarial"));

        // Without the loss state (a checkpoint of an older gae4j) the same resume ends elsewhere.
        io.github.gae4j.runtime.train.TrainingState s = saved;
        io.github.gae4j.runtime.train.TrainingState legacy = new io.github.gae4j.runtime.train.TrainingState(
                s.epochsDone(),
                s.history(),
                s.bestEpoch(),
                s.bestValAuc(),
                s.weights(),
                s.bestWeights(),
                s.optimizer());
        AdversarialLoss freshLoss = create(argaOptions(), 7);
        TrainingResult drifted = new Trainer(cfg, parallelism).fit(arga(g, freshLoss, 2), split, legacy);
        assertThat(numbers(drifted)).isNotEqualTo(numbers(uninterrupted));
    }

    @Test
    void stateHoldsTheCallCountThenEachDiscriminatorParameterWithItsAdamState() {
        AdversarialLoss loss = create(ComponentConfig.of("hidden", "3"), 7);
        assertThat(loss.state().keySet()).containsExactly("calls");
        Weights z = new Weights("z", shifted(20, 1.0, 1));
        SplittableRandom random = new SplittableRandom(3);
        for (int pass = 0; pass < 3; pass++) {
            loss.loss(input(z, random));
        }
        java.util.Map<String, Matrix> state = loss.state();
        assertThat(state.keySet())
                .containsExactly(
                        "calls",
                        "discriminator.layer1.weight",
                        "discriminator.layer1.weight.adam-m",
                        "discriminator.layer1.weight.adam-v",
                        "discriminator.layer1.weight.adam-step",
                        "discriminator.layer1.bias",
                        "discriminator.layer1.bias.adam-m",
                        "discriminator.layer1.bias.adam-v",
                        "discriminator.layer1.bias.adam-step",
                        "discriminator.output.weight",
                        "discriminator.output.weight.adam-m",
                        "discriminator.output.weight.adam-v",
                        "discriminator.output.weight.adam-step",
                        "discriminator.output.bias",
                        "discriminator.output.bias.adam-m",
                        "discriminator.output.bias.adam-v",
                        "discriminator.output.bias.adam-step");
        assertThat(state.get("calls").scalarValue()).isEqualTo(3.0);
        assertThat(state.get("discriminator.layer1.weight").shape()).isEqualTo("(4, 3)");
        assertThat(state.get("discriminator.output.bias.adam-step").scalarValue())
                .isEqualTo(3.0);
        assertThat(state.get("discriminator.layer1.weight").data())
                .isEqualTo(loss.discriminatorWeights().get(0).data().data())
                .isNotSameAs(loss.discriminatorWeights().get(0).data().data());

        // A new instance, other seed, restored: same state, and the next passes give the same numbers.
        AdversarialLoss copy = create(ComponentConfig.of("hidden", "3"), 99);
        copy.restoreState(state);
        assertSameState(copy.state(), state);
        for (int pass = 0; pass < 3; pass++) {
            double a = new ComputationContext()
                    .forward(loss.loss(input(z, new SplittableRandom(10 + pass))))
                    .scalarValue();
            double b = new ComputationContext()
                    .forward(copy.loss(input(z, new SplittableRandom(10 + pass))))
                    .scalarValue();
            assertThat(b).as("pass %d after the restore", pass).isEqualTo(a);
        }
        assertSameState(copy.state(), loss.state());
    }

    @Test
    void restoringStateThatDoesNotFitFailsNamingTheTensorAndChangesNothing() {
        AdversarialLoss trained = create(ComponentConfig.of("hidden", "3"), 7);
        trained.loss(input(new Weights("z", shifted(20, 1.0, 1)), new SplittableRandom(3)));
        java.util.Map<String, Matrix> good = trained.state();
        AdversarialLoss target = create(ComponentConfig.of("hidden", "3"), 99);

        java.util.function.Function<
                        java.util.function.Consumer<java.util.Map<String, Matrix>>, java.util.Map<String, Matrix>>
                edited = edit -> {
                    java.util.Map<String, Matrix> m = new java.util.LinkedHashMap<>(good);
                    edit.accept(m);
                    return m;
                };
        assertThatThrownBy(() -> target.restoreState(edited.apply(m -> m.remove("discriminator.output.bias.adam-v"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no tensor 'discriminator.output.bias.adam-v'");
        assertThatThrownBy(() ->
                        target.restoreState(edited.apply(m -> m.put("discriminator.layer1.bias", Matrix.zeros(1, 4)))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'discriminator.layer1.bias' has shape (1, 4), expected (1, 3)");
        assertThatThrownBy(() -> target.restoreState(
                        edited.apply(m -> m.put("discriminator.layer2.weight", Matrix.zeros(3, 3)))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown tensor 'discriminator.layer2.weight'");
        assertThatThrownBy(() -> target.restoreState(edited.apply(m -> m.put("calls", Matrix.scalar(2.5)))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'calls'");
        assertThatThrownBy(() -> target.restoreState(edited.apply(m -> m.remove("calls"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no tensor 'calls'");
        assertThatThrownBy(() -> target.restoreState(java.util.Map.of("calls", Matrix.scalar(4))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'discriminator.layer1.weight'");
        // A wider discriminator's state does not fit this one's hidden sizes.
        AdversarialLoss wide = create(ComponentConfig.of("hidden", "5"), 7);
        wide.loss(input(new Weights("z", shifted(20, 1.0, 1)), new SplittableRandom(3)));
        assertThatThrownBy(() -> target.restoreState(wide.state()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'discriminator.layer1.weight' has shape (4, 5), expected (4, 3)");

        assertThat(target.state().keySet())
                .as("failed restores leave the loss as it was")
                .containsExactly("calls");
        assertThat(target.discriminatorWeights()).isEmpty();
    }
}
