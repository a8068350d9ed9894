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
import io.github.gae4j.core.spi.CreationContext;
import io.github.gae4j.core.spi.Decoder;
import io.github.gae4j.core.spi.Encoding;
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
 * fused kernel) and a seeded generator. Checks: the loss is a finite 1 × 1 scalar; the same generator seed gives
 * the same value; gradients with respect to μ = Z (and log σ) match central finite differences; an unknown
 * option is rejected listing {@code parameterNames()}.
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

    /** Creates a loss, checking {@link #config()} as the model assembler does. */
    default Loss createLoss() {
        Graph graph = graph();
        return Contracts.create(ComponentKind.LOSS, factory(), config(),
                new CreationContext(latentDim(), graph.nodeCount(), seed()));
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

    /** The loss over {@code weights} with a generator seeded with {@code randomSeed}. */
    default Variable loss(List<Weights> weights, TrainingGraph training, long randomSeed, Parallelism parallelism) {
        Encoding encoding = weights.size() > 1 ? Encoding.gaussian(weights.get(0), weights.get(1))
                : Encoding.deterministic(weights.get(0));
        return createLoss().loss(new LossInput(encoding, weights.get(0), decoder(), training,
                new SplittableRandom(randomSeed), parallelism));
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
            List<Weights> weights = encodingWeights();
            assertGradientsMatch(weights, loss(weights, new TrainingGraph(graph()), seed(), parallelism));
        }
    }

    @Test
    default void unknownOptionIsRejectedListingParameterNames() {
        Contracts.assertRejectsUnknownOption(ComponentKind.LOSS, factory(), config(),
                new CreationContext(latentDim(), graph().nodeCount(), seed()));
    }
}
