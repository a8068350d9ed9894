// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.testkit;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.gae4j.core.autodiff.Constant;
import io.github.gae4j.core.autodiff.Variable;
import io.github.gae4j.core.autodiff.Weights;
import io.github.gae4j.core.autodiff.functions.FeaturesTimes;
import io.github.gae4j.core.autodiff.functions.FullGraphBce;
import io.github.gae4j.core.autodiff.functions.RowDot;
import io.github.gae4j.core.autodiff.functions.Scale;
import io.github.gae4j.core.autodiff.functions.Sum;
import io.github.gae4j.core.graph.EdgeList;
import io.github.gae4j.core.graph.Features;
import io.github.gae4j.core.graph.Graph;
import io.github.gae4j.core.graph.NormalizedAdjacency;
import io.github.gae4j.core.spi.ComponentConfig;
import io.github.gae4j.core.spi.Corruption;
import io.github.gae4j.core.spi.CorruptionFactory;
import io.github.gae4j.core.spi.CreationContext;
import io.github.gae4j.core.spi.Decoder;
import io.github.gae4j.core.spi.DecoderFactory;
import io.github.gae4j.core.spi.Encoder;
import io.github.gae4j.core.spi.EncoderFactory;
import io.github.gae4j.core.spi.Encoding;
import io.github.gae4j.core.spi.FusedFullGraphLoss;
import io.github.gae4j.core.spi.GaePlugin;
import io.github.gae4j.core.spi.GaeSpi;
import io.github.gae4j.core.spi.GraphInput;
import io.github.gae4j.core.spi.Loss;
import io.github.gae4j.core.spi.LossFactory;
import io.github.gae4j.core.spi.Mode;
import io.github.gae4j.core.spi.Sampler;
import io.github.gae4j.core.spi.SamplerFactory;
import io.github.gae4j.core.tensor.Matrix;
import io.github.gae4j.core.tensor.SparseMatrix;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The contracts pass a well-behaved toy component and catch broken ones. The contract methods are called
 * directly; the nested implementations are not test classes of their own.
 */
final class ContractSelfCheckTest {

    /** μ = X W with W drawn from the context's generator, or all ones when {@code seeded} is false. */
    private record LinearEncoderFactory(boolean seeded) implements EncoderFactory {
        @Override
        public String name() {
            return "linear";
        }

        @Override
        public Set<String> parameterNames() {
            return Set.of("latent");
        }

        @Override
        public Encoder create(ComponentConfig config, CreationContext context) {
            int latent = config.getPositiveInt("latent", 2);
            SplittableRandom random = context.random();
            Matrix w = Matrix.zeros(context.inputDim(), latent);
            for (int i = 0; i < w.rows(); i++) {
                for (int k = 0; k < latent; k++) {
                    w.set(i, k, seeded ? random.nextDouble() - 0.5 : 1.0);
                }
            }
            Weights weights = new Weights("w", w);
            return new Encoder() {
                @Override
                public Encoding encode(GraphInput input, Mode mode) {
                    return Encoding.deterministic(FeaturesTimes.of(input.features(), weights));
                }

                @Override
                public List<Weights> weights() {
                    return List.of(weights);
                }

                @Override
                public int latentDim() {
                    return latent;
                }
            };
        }
    }

    private record Encoders(EncoderFactory factory) implements EncoderContract {}

    private record Samplers(SamplerFactory factory) implements SamplerContract {}

    private record Decoders(DecoderFactory factory) implements DecoderContract {
        @Override
        public boolean symmetric() {
            return true;
        }
    }

    private record Losses(LossFactory factory) implements LossContract {}

    private record Plugins(GaePlugin plugin) implements PluginContract {}

    private record Corruptions(CorruptionFactory factory) implements CorruptionContract {
        @Override
        public ComponentConfig config() {
            return ComponentConfig.of("rate", 0.5);
        }

        @Override
        public Optional<ComponentConfig> identityConfig() {
            return Optional.of(ComponentConfig.of("rate", 0));
        }
    }

    /**
     * Drops each edge with probability {@code rate}; reports the dropped edges unless {@code honest} is false, and
     * scales the clean (dense) features in place when {@code mutating}.
     */
    private record EdgeDropFactory(boolean honest, boolean mutating) implements CorruptionFactory {
        @Override
        public String name() {
            return "toy-edge-drop";
        }

        @Override
        public Set<String> parameterNames() {
            return Set.of("rate");
        }

        @Override
        public Corruption create(ComponentConfig config, CreationContext context) {
            double rate = config.getDouble("rate", 0.5, 0.0, 1.0);
            return (in, random) -> {
                GraphInput input = in.input();
                if (mutating && input.features() instanceof Features.Dense dense) {
                    dense.matrix().data()[0] += 1.0;
                }
                if (rate == 0) {
                    return in;
                }
                EdgeList edges = input.graph().upperTriangleEdges();
                List<int[]> kept = new ArrayList<>();
                List<int[]> dropped = new ArrayList<>();
                for (int k = 0; k < edges.size(); k++) {
                    (random.nextDouble() < rate ? dropped : kept).add(new int[] {edges.src(k), edges.dst(k)});
                }
                Graph g = input.graph().withEdges(edgeList(kept));
                GraphInput out = new GraphInput(g, NormalizedAdjacency.of(g.adjacency()), input.features());
                return in.then(out, new int[0], honest ? edgeList(dropped) : EdgeList.empty());
            };
        }

        private static EdgeList edgeList(List<int[]> pairs) {
            return new EdgeList(
                    pairs.stream().mapToInt(e -> e[0]).toArray(),
                    pairs.stream().mapToInt(e -> e[1]).toArray());
        }
    }

    private static SamplerFactory sampler(Sampler sampler) {
        return new SamplerFactory() {
            @Override
            public String name() {
                return "toy";
            }

            @Override
            public Sampler create(ComponentConfig config, CreationContext context) {
                return sampler;
            }
        };
    }

    @Test
    void aWellBehavedCorruptionPassesEveryCorruptionCheck() {
        Corruptions contract = new Corruptions(new EdgeDropFactory(true, false));
        assertThatCode(() -> {
                    contract.corruptedInputKeepsShapesAndIsFinite();
                    contract.sameGeneratorSeedGivesSameCorruption();
                    contract.cleanInputIsNotMutated();
                    contract.maskedNodesAreSortedDistinctAndInRange();
                    contract.removedEdgesWereEdgesOfTheInputAndAreGone();
                    contract.earlierCorruptionsAreKept();
                    contract.identityOptionsChangeNothing();
                    contract.unknownOptionIsRejectedListingParameterNames();
                })
                .doesNotThrowAnyException();
    }

    @Test
    void aCorruptionThatHidesEdgesWithoutSayingSoOrMutatesItsInputFails() {
        assertThatThrownBy(
                        new Corruptions(new EdgeDropFactory(false, false))::removedEdgesWereEdgesOfTheInputAndAreGone)
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("listed as removed");
        assertThatThrownBy(new Corruptions(new EdgeDropFactory(true, true))::cleanInputIsNotMutated)
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("features of the clean input");
    }

    @Test
    void aWellBehavedEncoderPassesEveryEncoderCheck() {
        Encoders contract = new Encoders(new LinearEncoderFactory(true));
        assertThatCode(() -> {
                    contract.encodingHasNodesTimesLatentDimAndIsFinite();
                    contract.sameSeedGivesSameOutputAndDifferentSeedsDiffer();
                    contract.weightsAreNonEmptyAndRequireGradients();
                    contract.weightNamesAreDistinct();
                    contract.weightsAreExactlyTheParametersThatGetGradients();
                    contract.createReadsOnlyDeclaredOptions();
                    contract.gradientsMatchFiniteDifferences();
                    contract.unknownOptionIsRejectedListingParameterNames();
                })
                .doesNotThrowAnyException();
    }

    @Test
    void anEncoderThatIgnoresTheSeedFails() {
        Encoders contract = new Encoders(new LinearEncoderFactory(false));
        assertThatThrownBy(contract::sameSeedGivesSameOutputAndDifferentSeedsDiffer)
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("seeds 42 and 43");
    }

    @Test
    void aSamplerThatIsRandomInEvalModeFails() {
        Samplers contract = new Samplers(sampler((encoding, mode, random) -> Constant.of(
                TestGraphs.randomMatrix(encoding.mu().rows(), encoding.mu().cols(), random.nextLong()))));
        assertThatThrownBy(contract::evalModeIsDeterministic)
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("EVAL");
    }

    @Test
    void aSamplerWithTheWrongShapeFails() {
        Samplers contract = new Samplers(sampler((encoding, mode, random) -> Constant.of(Matrix.zeros(1, 1))));
        assertThatThrownBy(contract::trainModeHasTheShapeOfMuAndIsFinite)
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Z in TRAIN mode");
    }

    @Test
    void anAsymmetricDecoderDeclaredSymmetricFails() {
        Decoders contract = new Decoders(new DecoderFactory() {
            @Override
            public String name() {
                return "left";
            }

            @Override
            public Decoder create(ComponentConfig config, CreationContext context) {
                // ‖z_i‖²: depends on the first node only, so not symmetric.
                return (z, pairs) -> RowDot.of(z, pairs.srcArray(), z, pairs.srcArray());
            }
        });
        assertThatThrownBy(contract::logitsAreSymmetricWhereDeclared)
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("logit of");
    }

    /** The inner product, with a fused full-graph loss that is off by {@code factor} (1: right). */
    private record FusedInnerProduct(double factor) implements Decoder, FusedFullGraphLoss {
        @Override
        public Variable logits(Variable z, EdgeList pairs) {
            return RowDot.of(z, pairs.srcArray(), z, pairs.dstArray());
        }

        @Override
        public Variable fullGraphBce(Variable z, SparseMatrix target, double posWeight, double norm) {
            Variable exact = FullGraphBce.materialised(
                    pairs -> logits(z, pairs), target, new FullGraphBce.BceWeights(posWeight, norm));
            return factor == 1 ? exact : Scale.of(exact, factor);
        }
    }

    private static DecoderFactory fusedInnerProduct(double factor) {
        return new DecoderFactory() {
            @Override
            public String name() {
                return "fused-inner-product";
            }

            @Override
            public Decoder create(ComponentConfig config, CreationContext context) {
                return new FusedInnerProduct(factor);
            }
        };
    }

    @Test
    void aFusedFullGraphLossThatAgreesWithItsLogitsPasses() {
        assertThatCode(new Decoders(fusedInnerProduct(1))::fusedFullGraphLossAgreesWithItsLogits)
                .doesNotThrowAnyException();
    }

    @Test
    void aFusedFullGraphLossThatDisagreesWithItsLogitsFails() {
        assertThatThrownBy(new Decoders(fusedInnerProduct(1.01))::fusedFullGraphLossAgreesWithItsLogits)
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("fused full-graph loss, symmetric target");
    }

    @Test
    void aLossThatIsNotAScalarFails() {
        Losses contract = new Losses(new LossFactory() {
            @Override
            public String name() {
                return "not-scalar";
            }

            @Override
            public Loss create(ComponentConfig config, CreationContext context) {
                return input -> input.z();
            }
        });
        assertThatThrownBy(contract::lossIsAFiniteScalar)
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("loss");
        Losses good = new Losses(new LossFactory() {
            @Override
            public String name() {
                return "sum-of-logits";
            }

            @Override
            public Loss create(ComponentConfig config, CreationContext context) {
                return input -> Sum.of(
                        input.decoder().logits(input.z(), input.training().positives()));
            }
        });
        assertThatCode(() -> {
                    good.lossIsAFiniteScalar();
                    good.sameGeneratorSeedGivesSameValue();
                    good.gradientsMatchFiniteDifferences();
                    good.weightNamesAreDistinct();
                    good.weightsAreExactlyTheParametersThatGetGradients();
                    good.createReadsOnlyDeclaredOptions();
                    good.unknownOptionIsRejectedListingParameterNames();
                    good.stateRoundTripsThroughRestoreState();
                })
                .doesNotThrowAnyException();
    }

    /** Σ logits scaled by (1 + number of earlier calls); exposes the count through state() when {@code exposed}. */
    private static final class CountingLoss implements Loss {
        private final boolean exposed;
        private long calls;

        CountingLoss(boolean exposed) {
            this.exposed = exposed;
        }

        @Override
        public io.github.gae4j.core.autodiff.Variable loss(io.github.gae4j.core.spi.LossInput input) {
            return io.github.gae4j.core.autodiff.functions.Scale.of(
                    Sum.of(input.decoder().logits(input.z(), input.training().positives())), (double) (1 + calls++));
        }

        @Override
        public java.util.Map<String, io.github.gae4j.core.tensor.Matrix> state() {
            return exposed
                    ? java.util.Map.of("calls", io.github.gae4j.core.tensor.Matrix.scalar((double) calls))
                    : java.util.Map.of();
        }

        @Override
        public void restoreState(java.util.Map<String, io.github.gae4j.core.tensor.Matrix> state) {
            if (!exposed) {
                Loss.super.restoreState(state);
                return;
            }
            for (String name : state.keySet()) {
                if (!name.equals("calls")) {
                    throw new IllegalArgumentException("unknown tensor '" + name + "'");
                }
            }
            calls = (long) state.get("calls").scalarValue();
        }
    }

    private static Losses counting(boolean exposed) {
        return new Losses(new LossFactory() {
            @Override
            public String name() {
                return "counting";
            }

            @Override
            public Loss create(ComponentConfig config, CreationContext context) {
                return new CountingLoss(exposed);
            }
        });
    }

    @Test
    void aLossKeepingStateOutsideStateFailsTheRoundTrip() {
        assertThatThrownBy(counting(false)::stateRoundTripsThroughRestoreState)
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("restoreState(state())");
        assertThatCode(counting(true)::stateRoundTripsThroughRestoreState).doesNotThrowAnyException();
    }

    /**
     * Gradient descent with a step counter that shrinks the rate: kept in {@code state()} when {@code exposed}, and
     * moving away from the minimum when {@code ascending}.
     */
    private static final class DecayingSgd implements io.github.gae4j.core.optim.Optimizer {
        private final boolean exposed;
        private final boolean ascending;
        private long steps;

        DecayingSgd(boolean exposed, boolean ascending) {
            this.exposed = exposed;
            this.ascending = ascending;
        }

        @Override
        public void step(
                List<Weights> weights, List<io.github.gae4j.core.tensor.Matrix> gradients, double learningRate) {
            if (gradients.size() != weights.size()) {
                throw new IllegalArgumentException("one gradient per parameter");
            }
            double rate = (ascending ? -1 : 1) * learningRate / (1 + steps++);
            for (int k = 0; k < weights.size(); k++) {
                io.github.gae4j.core.tensor.Matrix g = gradients.get(k);
                if (g == null) {
                    continue;
                }
                if (!g.sameShape(weights.get(k).data())) {
                    throw new IllegalArgumentException("shape");
                }
                double[] p = weights.get(k).data().data();
                for (int i = 0; i < p.length; i++) {
                    p[i] -= rate * g.data()[i];
                }
            }
        }

        @Override
        public java.util.Map<String, io.github.gae4j.core.tensor.Matrix> state(List<Weights> weights) {
            return exposed
                    ? java.util.Map.of("steps", io.github.gae4j.core.tensor.Matrix.scalar((double) steps))
                    : java.util.Map.of();
        }

        @Override
        public void restoreState(List<Weights> weights, java.util.Map<String, io.github.gae4j.core.tensor.Matrix> s) {
            for (String name : s.keySet()) {
                if (!name.equals("steps")) {
                    throw new IllegalArgumentException("unknown tensor '" + name + "'");
                }
            }
            if (exposed) {
                steps = (long) s.get("steps").scalarValue();
            }
        }
    }

    private record Optimizers(io.github.gae4j.core.spi.OptimizerFactory factory) implements OptimizerContract {}

    private static Optimizers decaying(boolean exposed, boolean ascending) {
        return new Optimizers(io.github.gae4j.core.spi.SimpleFactory.optimizer(
                "decaying-sgd", "", List.of(), (config, context) -> new DecayingSgd(exposed, ascending)));
    }

    @Test
    void anOptimizerKeepingStateOutsideStateOrClimbingFails() {
        assertThatThrownBy(decaying(false, false)::stateRoundTripGivesABitIdenticalContinuation)
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("from a restored state");
        assertThatThrownBy(decaying(true, true)::stepsDecreaseAConvexQuadratic)
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("f after one step");
        Optimizers good = decaying(true, false);
        assertThatCode(() -> {
                    good.nameIsNonBlankKebabCase();
                    good.unknownOptionIsRejectedListingParameterNames();
                    good.stepsDecreaseAConvexQuadratic();
                    good.aParameterWithoutGradientIsLeftAlone();
                    good.stateRoundTripGivesABitIdenticalContinuation();
                    good.mismatchedGradientsAreRefused();
                })
                .doesNotThrowAnyException();
    }

    @Test
    void aPluginWithABadNameOrNoServiceFileFails() {
        Plugins contract = new Plugins(new GaePlugin() {
            @Override
            public String name() {
                return "My_Plugin";
            }

            @Override
            public String spiVersion() {
                return GaeSpi.VERSION;
            }

            @Override
            public List<EncoderFactory> encoders() {
                return List.of(new LinearEncoderFactory(true));
            }
        });
        assertThatThrownBy(contract::pluginNameIsNonBlankKebabCase)
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("plugin name");
        assertThatThrownBy(contract::isDiscoveredByServiceLoaderWithEveryFactorySelectableByName)
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("META-INF/services");
        assertThatCode(contract::factoryNamesAreNonBlankKebabCaseAndUniquePerKind)
                .doesNotThrowAnyException();
        assertThatCode(contract::spiVersionMajorMatchesTheCore).doesNotThrowAnyException();
    }
}
