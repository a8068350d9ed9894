package io.github.gae4j.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.gae4j.core.autodiff.Variable;
import io.github.gae4j.core.autodiff.Weights;
import io.github.gae4j.core.autodiff.functions.Sigmoid;
import io.github.gae4j.core.autodiff.functions.Sum;
import io.github.gae4j.core.graph.EdgeList;
import io.github.gae4j.runtime.plugin.ComponentKind;
import io.github.gae4j.core.spi.ComponentConfig;
import io.github.gae4j.core.spi.CreationContext;
import io.github.gae4j.core.spi.Decoder;
import io.github.gae4j.core.spi.DecoderFactory;
import io.github.gae4j.core.spi.Mode;
import io.github.gae4j.core.tensor.Matrix;
import io.github.gae4j.testkit.GradientCheck;
import io.github.gae4j.testkit.TestGraphs;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The contract of a {@link DecoderFactory} and its {@link Decoder}s. Supply {@link #factory()}, and override
 * {@link #symmetric()} to {@code true} if the decoder scores (i, j) and (j, i) alike:
 *
 * <pre>{@code
 * final class MyDecoderContractTest implements DecoderContract {
 *     public DecoderFactory factory() { return new MyDecoderFactory(); }
 *     public boolean symmetric() { return true; }
 * }
 * }</pre>
 *
 * <p>Checks, on a seeded 5 × {@link #latentDim()} Z and pairs that include a self pair: logits are an E × 1 column,
 * finite; symmetric where declared; decoders created with the same seed agree; evaluation passes draw nothing and
 * training passes are seeded; gradients (of plain and of training passes) of a scalar function of
 * the logits with respect to Z and the decoder's {@code weights()} match central finite differences; an unknown
 * option is rejected listing {@code optionNames(factory)}.
 */
public interface DecoderContract extends GradientCheck {

    /** The factory under test. */
    DecoderFactory factory();

    /** Options of the decoder; empty by default. */
    default ComponentConfig config() {
        return ComponentConfig.empty();
    }

    /** Whether logits(i, j) = logits(j, i); false by default (not checked). */
    default boolean symmetric() {
        return false;
    }

    /** Width of Z (the {@code inputDim} of the {@link CreationContext}). */
    default int latentDim() {
        return 3;
    }

    default long seed() {
        return 42;
    }

    /** Pairs to score among 5 nodes; includes a self pair. */
    default EdgeList pairs() {
        return new EdgeList(new int[] {0, 0, 1, 3, 2, 4}, new int[] {1, 2, 3, 4, 2, 0});
    }

    /** Creates a decoder, checking {@link #config()} as the model assembler does. */
    default Decoder createDecoder(long seed) {
        return Contracts.create(ComponentKind.DECODER, factory(), config(), new CreationContext(latentDim(), 5, seed));
    }

    private Weights z() {
        return new Weights("z", TestGraphs.randomMatrix(5, latentDim(), seed()));
    }

    @Test
    default void logitsAreAFiniteColumnWithOneRowPerPair() {
        Matrix logits = Contracts.forward(createDecoder(seed()).logits(z(), pairs()));
        Contracts.assertShape(logits, pairs().size(), 1, "logits");
        Contracts.assertFinite(logits, "logits");
    }

    @Test
    default void logitsAreSymmetricWhereDeclared() {
        if (!symmetric()) {
            return;
        }
        EdgeList pairs = pairs();
        EdgeList reversed = new EdgeList(pairs.dstArray(), pairs.srcArray());
        Decoder decoder = createDecoder(seed());
        Weights z = z();
        double[] forward = Contracts.forward(decoder.logits(z, pairs)).toRowMajor();
        double[] backward = Contracts.forward(decoder.logits(z, reversed)).toRowMajor();
        for (int k = 0; k < forward.length; k++) {
            assertThat(backward[k]).as("logit of (%d, %d) against (%d, %d)", pairs.dst(k), pairs.src(k), pairs.src(k),
                    pairs.dst(k)).isCloseTo(forward[k], within(1e-12));
        }
    }

    @Test
    default void sameSeedGivesSameLogits() {
        Weights z = z();
        double[] first = Contracts.forward(createDecoder(seed()).logits(z, pairs())).toRowMajor();
        assertThat(Contracts.forward(createDecoder(seed()).logits(z, pairs())).toRowMajor())
                .as("logits of two decoders created with seed %d", seed()).containsExactly(first);
    }

    /**
     * Evaluation passes ({@link Mode#EVAL}) score exactly as {@code logits(z, pairs)} and draw nothing from the random
     * source; training passes ({@link Mode#TRAIN}, as losses call it) give an E × 1 finite column that is the same for
     * the same seed of the random source.
     */
    @Test
    default void trainingPassesAreSeededAndEvaluationPassesDrawNothing() {
        Decoder decoder = createDecoder(seed());
        Weights z = z();
        double[] plain = Contracts.forward(decoder.logits(z, pairs())).toRowMajor();
        SplittableRandom random = new SplittableRandom(7);
        assertThat(Contracts.forward(decoder.logits(z, pairs(), Mode.EVAL, random)).toRowMajor())
                .as("evaluation-pass logits").containsExactly(plain);
        assertThat(random.nextLong()).as("draws in an evaluation pass").isEqualTo(new SplittableRandom(7).nextLong());
        Matrix train = Contracts.forward(decoder.logits(z, pairs(), Mode.TRAIN, new SplittableRandom(8)));
        assertThat(train.rows()).isEqualTo(pairs().size());
        assertThat(train.cols()).isEqualTo(1);
        assertThat(java.util.Arrays.stream(train.toRowMajor()).allMatch(Double::isFinite)).as("finite logits").isTrue();
        assertThat(Contracts.forward(decoder.logits(z, pairs(), Mode.TRAIN, new SplittableRandom(8))).toRowMajor())
                .as("training-pass logits with the same seed").containsExactly(train.toRowMajor());
    }

    /**
     * Gradients of a training pass (dropout masks fixed when the pass is built) match finite differences. The
     * decoder's weights are first moved off their initial values (zero biases would put a unit whose inputs were all
     * dropped exactly on a ReLU kink, where no finite difference agrees with any subgradient).
     */
    @Test
    default void trainingPassGradientsMatchFiniteDifferences() {
        Decoder decoder = createDecoder(seed());
        SplittableRandom jitter = new SplittableRandom(seed() + 1);
        for (Weights w : decoder.weights()) {
            double[] values = w.data().data();
            for (int k = 0; k < values.length; k++) {
                values[k] += 0.2 * (jitter.nextDouble() - 0.5);
            }
        }
        Weights z = z();
        Variable loss = Sum.of(Sigmoid.of(decoder.logits(z, pairs(), Mode.TRAIN, new SplittableRandom(9))));
        List<Weights> weights = new ArrayList<>();
        weights.add(z);
        weights.addAll(decoder.weights());
        assertGradientsMatch(weights, loss);
    }

    @Test
    default void gradientsMatchFiniteDifferences() {
        Decoder decoder = createDecoder(seed());
        Weights z = z();
        Variable loss = Sum.of(Sigmoid.of(decoder.logits(z, pairs())));
        List<Weights> weights = new ArrayList<>();
        weights.add(z);
        weights.addAll(decoder.weights());
        assertGradientsMatch(weights, loss);
    }

    /**
     * Every option {@code parameters()} declares passes the model assembler's option check, and every declared
     * non-empty default, given explicitly, is accepted by {@code create} and gives a component.
     */
    @Test
    default void declaredParametersAndTheirDefaultsAreAccepted() {
        Contracts.assertDeclaredParametersAreAccepted(ComponentKind.DECODER, factory(), config(),
                new CreationContext(latentDim(), 5, seed()));
    }

    @Test
    default void unknownOptionIsRejectedListingParameterNames() {
        Contracts.assertRejectsUnknownOption(ComponentKind.DECODER, factory(), config(),
                new CreationContext(latentDim(), 5, seed()));
    }
}
