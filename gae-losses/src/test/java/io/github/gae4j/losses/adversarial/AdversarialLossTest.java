package io.github.gae4j.losses.adversarial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.gae4j.core.autodiff.ComputationContext;
import io.github.gae4j.core.autodiff.Constant;
import io.github.gae4j.core.autodiff.Variable;
import io.github.gae4j.core.autodiff.Weights;
import io.github.gae4j.core.autodiff.functions.Add;
import io.github.gae4j.core.autodiff.functions.BceWithLogits;
import io.github.gae4j.core.graph.Graph;
import io.github.gae4j.core.graph.LinkSplit;
import io.github.gae4j.core.graph.TrainingGraph;
import io.github.gae4j.core.model.GraphAutoencoder;
import io.github.gae4j.core.parallel.Parallelism;
import io.github.gae4j.core.plugin.ComponentKind;
import io.github.gae4j.core.plugin.PluginRegistry;
import io.github.gae4j.core.spi.ComponentConfig;
import io.github.gae4j.core.spi.ConfigException;
import io.github.gae4j.core.spi.CreationContext;
import io.github.gae4j.core.spi.Encoder;
import io.github.gae4j.core.spi.Encoding;
import io.github.gae4j.core.spi.GaeException;
import io.github.gae4j.core.spi.GraphInput;
import io.github.gae4j.core.spi.Loss;
import io.github.gae4j.core.spi.LossFactory;
import io.github.gae4j.core.spi.LossInput;
import io.github.gae4j.core.spi.Mode;
import io.github.gae4j.core.tensor.Matrix;
import io.github.gae4j.core.testing.GradientCheck;
import io.github.gae4j.core.testing.TestGraphs;
import io.github.gae4j.core.train.Trainer;
import io.github.gae4j.core.train.TrainerConfig;
import io.github.gae4j.core.train.TrainingResult;
import io.github.gae4j.decoders.innerproduct.InnerProductDecoder;
import io.github.gae4j.losses.LossesPlugin;
import io.github.gae4j.losses.reconstruction.FullGraphBceLoss;
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
        return new LossInput(Encoding.deterministic(z), z, new InnerProductDecoder(), training, random, parallelism);
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
        assertThat(mean(loss.realProbability(heldOutPrior, parallelism))).as("P(real) of prior samples")
                .isGreaterThan(0.8);
        assertThat(mean(loss.realProbability(heldOutShifted, parallelism))).as("P(real) of shifted samples")
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
            assertThat(ctx.gradient(w)).as("gradient of %s through the generator term", w.render()).isNull();
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
            out.add(new ComputationContext().forward(loss.loss(input(z, random))).scalarValue());
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
        List<double[]> before = loss.discriminatorWeights().stream().map(w -> w.data().data().clone()).toList();
        for (int pass = 0; pass < 3; pass++) {
            loss.loss(input(z, new SplittableRandom(3 + pass)));
        }
        List<double[]> after = loss.discriminatorWeights().stream().map(w -> w.data().data()).toList();
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
            List<double[]> now = loss.discriminatorWeights().stream().map(w -> w.data().data().clone()).toList();
            if (call % 3 == 0) {
                assertThat(term.requireGradient()).as("call %d reaches z", call).isTrue();
                if (trainedOnce != null) {
                    assertThat(now.get(0)).as("call %d trains the discriminator", call).isNotEqualTo(trainedOnce.get(0));
                }
            } else {
                assertThat(term.requireGradient()).as("call %d is a constant", call).isFalse();
                assertThat(new ComputationContext().forward(term).scalarValue()).isZero();
                assertThat(now.get(0)).as("call %d leaves the discriminator alone", call)
                        .containsExactly(trainedOnce.get(0));
            }
            trainedOnce = now;
        }
        assertThatThrownBy(() -> create(ComponentConfig.of("period", 0), 1)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("period");
    }

    @Test
    void defaultsAreTheReferenceDiscriminator() {
        AdversarialLoss loss = create(ComponentConfig.empty(), 7);
        loss.loss(input(new Weights("z", shifted(10, 0, 1)), new SplittableRandom(3)));
        assertThat(loss.discriminatorWeights()).extracting(Weights::shape)
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
                BceWithLogits.of(d.logits(Constant.of(AdversarialLoss.prior(12, LATENT, new SplittableRandom(5))),
                        parallelism), ones),
                BceWithLogits.of(d.logits(Constant.of(shifted(12, 0.7, 6)), parallelism), Matrix.zeros(12, 1)));
        assertGradientsMatch(d.weights(), loss);
    }

    @Test
    void badOptionsAreRejectedNamingTheOption() {
        assertThatThrownBy(() -> create(ComponentConfig.of("hidden", "64,x"), 1)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("'hidden'").hasMessageContaining("'64,x'");
        assertThatThrownBy(() -> create(ComponentConfig.of("hidden", "64,0"), 1)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("'hidden'");
        assertThatThrownBy(() -> create(ComponentConfig.of("steps", -1), 1)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("'steps'");
        assertThatThrownBy(() -> create(ComponentConfig.of("learning-rate", 0), 1))
                .isInstanceOf(ConfigException.class).hasMessageContaining("learning-rate");
    }

    @Test
    void oneInstanceServesOneLatentDimension() {
        AdversarialLoss loss = create(ComponentConfig.empty(), 7);
        loss.loss(input(new Weights("z", shifted(10, 0, 1)), new SplittableRandom(3)));
        Weights wide = new Weights("z", Matrix.zeros(10, LATENT + 1));
        assertThatThrownBy(() -> loss.loss(input(wide, new SplittableRandom(3)))).isInstanceOf(GaeException.class)
                .hasMessageContaining("latent dimension 4").hasMessageContaining("now gets 5");
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
        TrainingResult result = new Trainer(TrainerConfig.defaults().withEpochs(30).withLogEvery(100), parallelism)
                .fit(model, LinkSplit.of(g, 3));
        assertThat(result.history()).hasSize(30).allSatisfy(e -> assertThat(e.loss()).isFinite());
        assertThat(adversarial.discriminatorWeights()).hasSize(6);
        Set<Weights> modelWeights = Collections.newSetFromMap(new IdentityHashMap<>());
        modelWeights.addAll(model.weights());
        assertThat(adversarial.discriminatorWeights()).noneMatch(modelWeights::contains);
    }
}
