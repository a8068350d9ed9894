// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.gae4j.core.autodiff.Variable;
import io.github.gae4j.core.autodiff.Weights;
import io.github.gae4j.core.autodiff.functions.Mean;
import io.github.gae4j.core.autodiff.functions.Sigmoid;
import io.github.gae4j.core.spi.ComponentConfig;
import io.github.gae4j.core.spi.CreationContext;
import io.github.gae4j.core.spi.Encoding;
import io.github.gae4j.core.spi.Mode;
import io.github.gae4j.core.spi.Sampler;
import io.github.gae4j.core.spi.SamplerFactory;
import io.github.gae4j.core.tensor.Matrix;
import io.github.gae4j.runtime.plugin.ComponentKind;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The contract of a {@link SamplerFactory} and its {@link Sampler}s. Supply {@link #factory()}; override
 * {@link #variationalEncoding()} to {@code false} if the sampler takes deterministic encodings only.
 *
 * <pre>{@code
 * final class MySamplerContractTest implements SamplerContract {
 *     public SamplerFactory factory() { return new MySamplerFactory(); }
 * }
 * }</pre>
 *
 * <p>Checks, on a seeded 5 × 3 encoding: {@link Mode#EVAL} is deterministic whatever the generator;
 * {@link Mode#TRAIN} gives Z of μ's shape, finite; the same generator seed gives the same Z; gradients of a scalar
 * function of Z with respect to μ (and log σ) match central finite differences; an unknown option is rejected
 * listing {@code optionNames(factory)}.
 */
public interface SamplerContract extends GradientCheck {

    /** The factory under test. */
    SamplerFactory factory();

    /** Options of the sampler; empty by default. */
    default ComponentConfig config() {
        return ComponentConfig.empty();
    }

    /** Whether the test encoding carries log σ (true by default: a sampler may need it). */
    default boolean variationalEncoding() {
        return true;
    }

    /** Seed of the {@link CreationContext} and the generators. */
    default long seed() {
        return 42;
    }

    /** Parameters of the test encoding: μ, then log σ if {@link #variationalEncoding()}. Fresh each call. */
    default List<Weights> encodingWeights() {
        List<Weights> weights = new ArrayList<>();
        weights.add(new Weights("mu", TestGraphs.randomMatrix(5, 3, seed())));
        if (variationalEncoding()) {
            weights.add(new Weights(
                    "logStd", TestGraphs.randomMatrix(5, 3, seed() + 1).scale(0.5)));
        }
        return weights;
    }

    /** The encoding over {@code weights} from {@link #encodingWeights()}. */
    default Encoding encoding(List<Weights> weights) {
        return weights.size() > 1
                ? Encoding.gaussian(weights.get(0), weights.get(1))
                : Encoding.deterministic(weights.get(0));
    }

    /** Creates a sampler, checking {@link #config()} as the model assembler does. */
    default Sampler createSampler() {
        return Contracts.create(ComponentKind.SAMPLER, factory(), config(), new CreationContext(3, 5, seed()));
    }

    @Test
    default void evalModeIsDeterministic() {
        Encoding encoding = encoding(encodingWeights());
        Sampler sampler = createSampler();
        double[] first = Contracts.forward(sampler.sample(encoding, Mode.EVAL, new SplittableRandom(1)))
                .toRowMajor();
        double[] second = Contracts.forward(sampler.sample(encoding, Mode.EVAL, new SplittableRandom(2)))
                .toRowMajor();
        assertThat(second)
                .as("Z in EVAL mode with differently seeded generators")
                .containsExactly(first);
    }

    @Test
    default void trainModeHasTheShapeOfMuAndIsFinite() {
        Encoding encoding = encoding(encodingWeights());
        Matrix z = Contracts.forward(createSampler().sample(encoding, Mode.TRAIN, new SplittableRandom(seed())));
        Contracts.assertShape(z, encoding.mu().rows(), encoding.mu().cols(), "Z in TRAIN mode");
        Contracts.assertFinite(z, "Z in TRAIN mode");
    }

    @Test
    default void sameGeneratorSeedGivesSameZ() {
        Encoding encoding = encoding(encodingWeights());
        double[] first = Contracts.forward(createSampler().sample(encoding, Mode.TRAIN, new SplittableRandom(seed())))
                .toRowMajor();
        double[] second = Contracts.forward(createSampler().sample(encoding, Mode.TRAIN, new SplittableRandom(seed())))
                .toRowMajor();
        assertThat(second).as("Z in TRAIN mode for generator seed %d", seed()).containsExactly(first);
    }

    @Test
    default void gradientsMatchFiniteDifferences() {
        List<Weights> weights = encodingWeights();
        Variable z = createSampler().sample(encoding(weights), Mode.TRAIN, new SplittableRandom(seed()));
        Variable loss = Mean.of(Sigmoid.of(z));
        assertGradientsMatch(gradientWeights(weights), loss);
    }

    /**
     * The encoding weights Z depends on in TRAIN mode: all of them by default; a sampler that ignores log σ
     * (such as Z = μ) returns {@code weights.subList(0, 1)}.
     */
    default List<Weights> gradientWeights(List<Weights> weights) {
        return weights;
    }

    /**
     * Every option {@code parameters()} declares passes the model assembler's option check, and every declared
     * non-empty default, given explicitly, is accepted by {@code create} and gives a component.
     */
    @Test
    default void declaredParametersAndTheirDefaultsAreAccepted() {
        Contracts.assertDeclaredParametersAreAccepted(
                ComponentKind.SAMPLER, factory(), config(), new CreationContext(3, 5, seed()));
    }

    @Test
    default void unknownOptionIsRejectedListingParameterNames() {
        Contracts.assertRejectsUnknownOption(
                ComponentKind.SAMPLER, factory(), config(), new CreationContext(3, 5, seed()));
    }
}
