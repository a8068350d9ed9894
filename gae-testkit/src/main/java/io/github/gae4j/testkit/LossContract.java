package io.github.gae4j.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.gae4j.core.autodiff.Variable;
import io.github.gae4j.core.autodiff.Weights;
import io.github.gae4j.core.autodiff.functions.RowDot;
import io.github.gae4j.core.graph.Graph;
import io.github.gae4j.core.graph.TrainingGraph;
import io.github.gae4j.core.parallel.Parallelism;
import io.github.gae4j.core.plugin.ComponentKind;
import io.github.gae4j.core.spi.ComponentConfig;
import io.github.gae4j.core.spi.CorruptedInput;
import io.github.gae4j.core.spi.CreationContext;
import io.github.gae4j.core.spi.Decoder;
import io.github.gae4j.core.spi.Encoding;
import io.github.gae4j.core.spi.GraphInput;
import io.github.gae4j.core.spi.Loss;
import io.github.gae4j.core.spi.LossFactory;
import io.github.gae4j.core.spi.LossInput;
import io.github.gae4j.core.tensor.Matrix;
import io.github.gae4j.core.testing.GradientCheck;
import io.github.gae4j.core.testing.TestGraphs;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The contract of a {@link LossFactory} and its {@link Loss}es. Supply {@link #factory()}; a loss that needs a
 * variational encoding (log σ) overrides {@link #variationalEncoding()} to {@code true}:
 *
 * <pre>{@code
 * final class MyLossContractTest implements LossContract {
 *     public LossFactory factory() { return new MyLossFactory(); }
 * }
 * }</pre>
 *
 * <p>The loss sees {@link #graph()} as its training graph, Z = μ as {@link Weights} (seeded), log σ as
 * {@link Weights} if variational, {@link #decoder()} (a plain inner product {@code z_i · z_j} by default, without a
 * fused kernel), a seeded generator and {@link #corruption} (nothing hidden, unless overridden). Checks: the loss is
 * a finite 1 × 1 scalar; the same generator seed gives the same value; gradients with respect to μ = Z (and log σ)
 * and the loss's own {@code weights()} match central finite differences; its own weights require gradients, in a
 * stable order; an unknown option is rejected listing {@code parameterNames()}.
 */
public interface LossContract extends GradientCheck {

    /** The factory under test. */
    LossFactory factory();

    /** Options of the loss; empty by default. */
    default ComponentConfig config() {
        return ComponentConfig.empty();
    }

    /** Whether the encoding carries log σ; the loss must then depend on both μ and log σ. */
    default boolean variationalEncoding() {
        return false;
    }

    /** The decoder the loss may call; an inner product without a fused kernel by default. */
    default Decoder decoder() {
        return RowDot::of;
    }

    /** The training graph; small, so that full-graph losses stay cheap. */
    default Graph graph() {
        return TestGraphs.starWithIsolatedNode(3);
    }

    default int latentDim() {
        return 3;
    }

    default long seed() {
        return 42;
    }

    /**
     * Creates a loss, checking {@link #config()} as the model assembler does: its input dimension is
     * {@link #latentDim()}, its feature dimension that of {@link #graph()}'s features (X = I if it has none).
     */
    default Loss createLoss() {
        Graph graph = graph();
        return Contracts.create(ComponentKind.LOSS, factory(), config(), new CreationContext(latentDim(),
                graph.nodeCount(), seed(), graph.featuresOrIdentity().dim()));
    }

    /**
     * What the model's corruptions hid from the encoder in the pass the loss sees: nothing by default. Losses that
     * reconstruct hidden parts (masked nodes, removed edges) override this to hand them some, e.g. with
     * {@code CorruptedInput.clean(clean).then(...)}.
     */
    default CorruptedInput corruption(GraphInput clean) {
        return CorruptedInput.clean(clean);
    }

    /** μ (= Z), then log σ if {@link #variationalEncoding()}; seeded, fresh each call. */
    default List<Weights> encodingWeights() {
        int n = graph().nodeCount();
        List<Weights> weights = new ArrayList<>();
        weights.add(new Weights("z", TestGraphs.randomMatrix(n, latentDim(), seed())));
        if (variationalEncoding()) {
            weights.add(new Weights("logStd", TestGraphs.randomMatrix(n, latentDim(), seed() + 1).scale(0.5)));
        }
        return weights;
    }

    /** A new loss over {@code weights} with a generator seeded with {@code randomSeed}. */
    default Variable loss(List<Weights> weights, TrainingGraph training, long randomSeed, Parallelism parallelism) {
        return loss(createLoss(), weights, training, randomSeed, parallelism);
    }

    /** {@code loss} over {@code weights} with a generator seeded with {@code randomSeed}, shown {@link #corruption}. */
    default Variable loss(Loss loss, List<Weights> weights, TrainingGraph training, long randomSeed,
                          Parallelism parallelism) {
        Encoding encoding = weights.size() > 1 ? Encoding.gaussian(weights.get(0), weights.get(1))
                : Encoding.deterministic(weights.get(0));
        CorruptedInput corruption = corruption(GraphInput.of(training.graph(), parallelism));
        return loss.loss(new LossInput(encoding, weights.get(0), decoder(), training,
                new SplittableRandom(randomSeed), parallelism, corruption));
    }

    @Test
    default void lossIsAFiniteScalar() {
        try (Parallelism parallelism = Parallelism.singleThreaded()) {
            Matrix value = Contracts.forward(loss(encodingWeights(), new TrainingGraph(graph()), seed(), parallelism));
            Contracts.assertShape(value, 1, 1, "loss");
            Contracts.assertFinite(value, "loss");
        }
    }

    @Test
    default void sameGeneratorSeedGivesSameValue() {
        TrainingGraph training = new TrainingGraph(graph());
        try (Parallelism parallelism = Parallelism.singleThreaded()) {
            double first = Contracts.forward(loss(encodingWeights(), training, seed(), parallelism)).scalarValue();
            double second = Contracts.forward(loss(encodingWeights(), new TrainingGraph(graph()), seed(), parallelism))
                    .scalarValue();
            assertThat(second).as("loss for generator seed %d", seed()).isEqualTo(first);
        }
    }

    @Test
    default void gradientsMatchFiniteDifferences() {
        try (Parallelism parallelism = Parallelism.singleThreaded()) {
            Loss loss = createLoss();
            List<Weights> weights = encodingWeights();
            Variable value = loss(loss, weights, new TrainingGraph(graph()), seed(), parallelism);
            List<Weights> all = new ArrayList<>(weights);
            all.addAll(loss.weights());
            assertGradientsMatch(all, value);
        }
    }

    @Test
    default void ownWeightsRequireGradientsInAStableOrder() {
        Loss loss = createLoss();
        List<Weights> weights = loss.weights();
        assertThat(weights).as("weights() of the loss").isNotNull().doesNotContainNull()
                .allSatisfy(w -> assertThat(w.requireGradient()).as("%s requires a gradient", w.render()).isTrue());
        assertThat(loss.weights()).as("weights() of the loss in a stable order").containsExactlyElementsOf(weights);
    }

    @Test
    default void unknownOptionIsRejectedListingParameterNames() {
        Contracts.assertRejectsUnknownOption(ComponentKind.LOSS, factory(), config(),
                new CreationContext(latentDim(), graph().nodeCount(), seed()));
    }
}
