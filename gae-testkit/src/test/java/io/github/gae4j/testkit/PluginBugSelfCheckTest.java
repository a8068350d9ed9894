// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.testkit;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.gae4j.core.autodiff.Constant;
import io.github.gae4j.core.autodiff.Variable;
import io.github.gae4j.core.autodiff.Weights;
import io.github.gae4j.core.autodiff.functions.AddBias;
import io.github.gae4j.core.autodiff.functions.MatMul;
import io.github.gae4j.core.autodiff.functions.RowDot;
import io.github.gae4j.core.autodiff.functions.Sum;
import io.github.gae4j.core.graph.EdgeList;
import io.github.gae4j.core.spi.ComponentConfig;
import io.github.gae4j.core.spi.CreationContext;
import io.github.gae4j.core.spi.Decoder;
import io.github.gae4j.core.spi.DecoderFactory;
import io.github.gae4j.core.spi.Encoder;
import io.github.gae4j.core.spi.EncoderFactory;
import io.github.gae4j.core.spi.Encoding;
import io.github.gae4j.core.spi.GraphInput;
import io.github.gae4j.core.spi.Loss;
import io.github.gae4j.core.spi.LossFactory;
import io.github.gae4j.core.spi.Mode;
import io.github.gae4j.core.spi.Parameter;
import io.github.gae4j.core.tensor.Matrix;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The three bugs a third-party GIN-like plugin had, each planted in a toy component, are caught by the contracts with
 * a message naming the component and the culprit; the same component without the bug passes. The contract methods are
 * called directly; the nested implementations are not test classes of their own.
 */
final class PluginBugSelfCheckTest {

    /** One planted bug, or none. */
    private enum Bug {
        NONE,
        /** Two weights named {@code eps}. */
        DUPLICATE_WEIGHT_NAME,
        /** {@code eps} is used in {@code encode} but left out of {@code weights()}. */
        WEIGHT_NOT_LISTED,
        /** {@code weights()} lists a weight {@code encode} never uses. */
        DEAD_WEIGHT,
        /** {@code create} reads {@code train_eps}, but the factory declares {@code train-eps}. */
        UNDECLARED_OPTION
    }

    /**
     * μ = X W + eps (eps a learnable 1 × latent row, like GIN's ε; a constant when {@code train-eps} is false, yet
     * still listed, the case {@code weightsWithoutGradient()} is for).
     */
    private record GinLikeEncoderFactory(Bug bug) implements EncoderFactory {
        @Override
        public String name() {
            return "gin-like";
        }

        @Override
        public List<Parameter> parameters() {
            return List.of(
                    Parameter.of("latent", 2, "width of μ"), Parameter.of("train-eps", true, "whether eps is learnt"));
        }

        @Override
        public Encoder create(ComponentConfig config, CreationContext context) {
            int latent = config.getPositiveInt("latent", 2);
            boolean trainEps = bug == Bug.UNDECLARED_OPTION
                    ? config.getBoolean("train_eps", true)
                    : config.getBoolean("train-eps", true);
            SplittableRandom random = context.random();
            Matrix w = Matrix.zeros(context.inputDim(), latent);
            for (int i = 0; i < w.rows(); i++) {
                for (int k = 0; k < latent; k++) {
                    w.set(i, k, random.nextDouble() - 0.5);
                }
            }
            Weights weight = new Weights(bug == Bug.DUPLICATE_WEIGHT_NAME ? "eps" : "w", w);
            Weights eps = new Weights("eps", Matrix.zeros(1, latent));
            Weights dead = new Weights("unused", Matrix.zeros(1, latent));
            List<Weights> listed = switch (bug) {
                case WEIGHT_NOT_LISTED -> List.of(weight);
                case DEAD_WEIGHT -> List.of(weight, eps, dead);
                default -> List.of(weight, eps);
            };
            return new Encoder() {
                @Override
                public Encoding encode(GraphInput input, Mode mode) {
                    Variable shift = trainEps ? eps : Constant.of(eps.data());
                    return Encoding.deterministic(AddBias.of(input.featuresTimes(weight), shift));
                }

                @Override
                public List<Weights> weights() {
                    return listed;
                }

                @Override
                public int latentDim() {
                    return latent;
                }
            };
        }
    }

    private record Encoders(EncoderFactory factory, ComponentConfig config, Set<String> weightsWithoutGradient)
            implements EncoderContract {
        Encoders(Bug bug) {
            this(new GinLikeEncoderFactory(bug), ComponentConfig.empty(), Set.of());
        }
    }

    @Test
    void theGinLikeEncoderWithoutBugsPassesEveryEncoderCheck() {
        Encoders contract = new Encoders(Bug.NONE);
        assertThatCode(() -> {
                    contract.encodingHasNodesTimesLatentDimAndIsFinite();
                    contract.sameSeedGivesSameOutputAndDifferentSeedsDiffer();
                    contract.weightsAreNonEmptyAndRequireGradients();
                    contract.weightNamesAreDistinct();
                    contract.weightsAreExactlyTheParametersThatGetGradients();
                    contract.createReadsOnlyDeclaredOptions();
                    contract.gradientsMatchFiniteDifferences();
                    contract.declaredParametersAndTheirDefaultsAreAccepted();
                    contract.unknownOptionIsRejectedListingParameterNames();
                })
                .doesNotThrowAnyException();
    }

    @Test
    void duplicateWeightNamesFail() {
        assertThatThrownBy(new Encoders(Bug.DUPLICATE_WEIGHT_NAME)::weightNamesAreDistinct)
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("encoder 'gin-like'")
                .hasMessageContaining("'eps' (2 times)")
                .hasMessageContaining("each name must be unique");
    }

    @Test
    void aWeightThatGetsAGradientButIsNotListedFails() {
        assertThatThrownBy(new Encoders(Bug.WEIGHT_NOT_LISTED)::weightsAreExactlyTheParametersThatGetGradients)
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("encoder 'gin-like' uses parameter(s) [Weights[eps](1, 2)]")
                .hasMessageContaining("not in its weights() [w]");
    }

    @Test
    void aListedWeightThatGetsNoGradientFails() {
        assertThatThrownBy(new Encoders(Bug.DEAD_WEIGHT)::weightsAreExactlyTheParametersThatGetGradients)
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("encoder 'gin-like' lists weight(s) [Weights[unused](1, 2)]")
                .hasMessageContaining("get no gradient in a training pass");
    }

    @Test
    void aWeightAnOptionSwitchesOffPassesOnlyWhenNamedInWeightsWithoutGradient() {
        ComponentConfig frozen = ComponentConfig.of("train-eps", false);
        GinLikeEncoderFactory factory = new GinLikeEncoderFactory(Bug.NONE);
        assertThatThrownBy(new Encoders(factory, frozen, Set.of())::weightsAreExactlyTheParametersThatGetGradients)
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("[Weights[eps](1, 2)]")
                .hasMessageContaining("weightsWithoutGradient()");
        assertThatCode(new Encoders(factory, frozen, Set.of("eps"))::weightsAreExactlyTheParametersThatGetGradients)
                .doesNotThrowAnyException();
    }

    @Test
    void anOptionReadButNotDeclaredFails() {
        Encoders contract = new Encoders(Bug.UNDECLARED_OPTION);
        assertThatThrownBy(contract::createReadsOnlyDeclaredOptions)
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("encoder 'gin-like' reads option(s) [train_eps]")
                .hasMessageContaining("(declared: [latent, train-eps])");
        // Creating it with its declared defaults goes through the model assembler: caught there too.
        assertThatThrownBy(contract::declaredParametersAndTheirDefaultsAreAccepted)
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("[train_eps]");
    }

    /** logits = (Z W)_i · (Z W)_j; W left out of {@code weights()} or named like another weight when asked. */
    private record ProjectedDecoderFactory(Bug bug) implements DecoderFactory {
        @Override
        public String name() {
            return "projected";
        }

        @Override
        public Decoder create(ComponentConfig config, CreationContext context) {
            Weights w = new Weights(
                    "proj",
                    TestGraphs.randomMatrix(
                            context.inputDim(), 2, context.random().nextLong()));
            Weights twin = new Weights("proj", Matrix.zeros(1, 1));
            return new Decoder() {
                @Override
                public Variable logits(Variable z, EdgeList pairs) {
                    return RowDot.of(MatMul.of(z, w), pairs);
                }

                @Override
                public List<Weights> weights() {
                    return switch (bug) {
                        case WEIGHT_NOT_LISTED -> List.of();
                        case DUPLICATE_WEIGHT_NAME -> List.of(w, twin);
                        default -> List.of(w);
                    };
                }
            };
        }
    }

    private record Decoders(DecoderFactory factory) implements DecoderContract {}

    @Test
    void decoderWeightsAreCheckedToo() {
        assertThatCode(() -> {
                    Decoders good = new Decoders(new ProjectedDecoderFactory(Bug.NONE));
                    good.weightNamesAreDistinct();
                    good.weightsAreExactlyTheParametersThatGetGradients();
                    good.createReadsOnlyDeclaredOptions();
                })
                .doesNotThrowAnyException();
        assertThatThrownBy(
                        new Decoders(new ProjectedDecoderFactory(Bug.WEIGHT_NOT_LISTED))
                                ::weightsAreExactlyTheParametersThatGetGradients)
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("decoder 'projected' uses parameter(s) [Weights[proj](3, 2)]");
        assertThatThrownBy(new Decoders(new ProjectedDecoderFactory(Bug.DUPLICATE_WEIGHT_NAME))::weightNamesAreDistinct)
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("decoder 'projected'")
                .hasMessageContaining("'proj' (2 times)");
    }

    /** Σ Z W, plus a weight it lists but never uses when {@code dead}. */
    private record ProjectedSumLossFactory(boolean dead) implements LossFactory {
        @Override
        public String name() {
            return "projected-sum";
        }

        @Override
        public Loss create(ComponentConfig config, CreationContext context) {
            Weights w = new Weights(
                    "head",
                    TestGraphs.randomMatrix(
                            context.inputDim(), 1, context.random().nextLong()));
            List<Weights> listed = new ArrayList<>(List.of(w));
            if (dead) {
                listed.add(new Weights("stale", Matrix.zeros(1, 1)));
            }
            return new Loss() {
                @Override
                public Variable loss(io.github.gae4j.core.spi.LossInput input) {
                    return Sum.of(MatMul.of(input.z(), w));
                }

                @Override
                public List<Weights> weights() {
                    return listed;
                }
            };
        }
    }

    private record Losses(LossFactory factory) implements LossContract {}

    @Test
    void lossWeightsAreCheckedToo() {
        assertThatCode(new Losses(new ProjectedSumLossFactory(false))::weightsAreExactlyTheParametersThatGetGradients)
                .doesNotThrowAnyException();
        assertThatThrownBy(
                        new Losses(new ProjectedSumLossFactory(true))::weightsAreExactlyTheParametersThatGetGradients)
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("loss 'projected-sum' lists weight(s) [Weights[stale](1, 1)]");
    }
}
