// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.runtime.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.gae4j.core.autodiff.Constant;
import io.github.gae4j.core.autodiff.Weights;
import io.github.gae4j.core.autodiff.functions.RowDot;
import io.github.gae4j.core.error.ConfigException;
import io.github.gae4j.core.error.UnknownComponentException;
import io.github.gae4j.core.spi.ComponentConfig;
import io.github.gae4j.core.spi.CreationContext;
import io.github.gae4j.core.spi.Decoder;
import io.github.gae4j.core.spi.DecoderFactory;
import io.github.gae4j.core.spi.Encoder;
import io.github.gae4j.core.spi.EncoderFactory;
import io.github.gae4j.core.spi.Encoding;
import io.github.gae4j.core.spi.GaePlugin;
import io.github.gae4j.core.spi.GaeSpi;
import io.github.gae4j.core.spi.Loss;
import io.github.gae4j.core.spi.LossFactory;
import io.github.gae4j.core.spi.Sampler;
import io.github.gae4j.core.spi.SamplerFactory;
import io.github.gae4j.core.tensor.Matrix;
import io.github.gae4j.runtime.plugin.ComponentKind;
import io.github.gae4j.runtime.plugin.PluginRegistry;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

final class ModelAssemblerTest {

    /** An encoder that only remembers how it was made. */
    record StubEncoder(int latentDim, CreationContext context, Weights w) implements Encoder {
        @Override
        public Encoding encode(io.github.gae4j.core.spi.GraphInput input, io.github.gae4j.core.spi.Mode mode) {
            return Encoding.deterministic(w);
        }

        @Override
        public List<Weights> weights() {
            return List.of(w);
        }
    }

    record StubDecoder(CreationContext context) implements Decoder {
        @Override
        public io.github.gae4j.core.autodiff.Variable logits(
                io.github.gae4j.core.autodiff.Variable z, io.github.gae4j.core.graph.EdgeList pairs) {
            return RowDot.of(z, pairs.srcArray(), z, pairs.dstArray());
        }
    }

    record StubSampler(CreationContext context) implements Sampler {
        @Override
        public io.github.gae4j.core.autodiff.Variable sample(
                Encoding encoding, io.github.gae4j.core.spi.Mode mode, java.util.random.RandomGenerator random) {
            return encoding.mu();
        }
    }

    record StubLoss(double value) implements Loss {
        @Override
        public io.github.gae4j.core.autodiff.Variable loss(io.github.gae4j.core.spi.LossInput input) {
            return Constant.scalar(value);
        }
    }

    static final class LinearFactory implements EncoderFactory {
        @Override
        public String name() {
            return "linear";
        }

        @Override
        public Set<String> parameterNames() {
            return Set.of("latent", "scale");
        }

        @Override
        public Encoder create(ComponentConfig config, CreationContext context) {
            int latent = config.getPositiveInt("latent", 4);
            return new StubEncoder(latent, context, new Weights("w", Matrix.zeros(context.nodeCount(), latent)));
        }
    }

    static final class NullFactory implements EncoderFactory {
        @Override
        public String name() {
            return "broken";
        }

        @Override
        public Encoder create(ComponentConfig config, CreationContext context) {
            return null;
        }
    }

    static final class Plugin implements GaePlugin {
        @Override
        public String name() {
            return "test";
        }

        @Override
        public String spiVersion() {
            return GaeSpi.VERSION;
        }

        @Override
        public List<EncoderFactory> encoders() {
            return List.of(new LinearFactory(), new NullFactory());
        }

        @Override
        public List<SamplerFactory> samplers() {
            return List.of(new SamplerFactory() {
                @Override
                public String name() {
                    return "identity";
                }

                @Override
                public Sampler create(ComponentConfig config, CreationContext context) {
                    return new StubSampler(context);
                }
            });
        }

        @Override
        public List<DecoderFactory> decoders() {
            return List.of(new DecoderFactory() {
                @Override
                public String name() {
                    return "dot";
                }

                @Override
                public Decoder create(ComponentConfig config, CreationContext context) {
                    return new StubDecoder(context);
                }
            });
        }

        @Override
        public List<LossFactory> losses() {
            return List.of(new LossFactory() {
                @Override
                public String name() {
                    return "constant";
                }

                @Override
                public Set<String> parameterNames() {
                    return Set.of("value");
                }

                @Override
                public Loss create(ComponentConfig config, CreationContext context) {
                    return new StubLoss(config.getDouble("value", 1.0));
                }
            });
        }
    }

    private static final ModelAssembler ASSEMBLER = new ModelAssembler(PluginRegistry.of(List.of(new Plugin())));
    private static final CreationContext CONTEXT = new CreationContext(12, 30, 7);

    private static ModelSpec spec(ComponentSpec encoder, ComponentSpec decoder) {
        return new ModelSpec(
                encoder,
                ComponentSpec.of("identity"),
                decoder,
                List.of(LossSpec.of("constant", "value", 2.5), new LossSpec(ComponentSpec.of("constant"), 0.5)));
    }

    @Test
    void assemblesEveryPartWithItsOptionsAndContext() {
        GraphAutoencoder model =
                ASSEMBLER.assemble(spec(ComponentSpec.of("linear", "latent", 6), ComponentSpec.of("dot")), CONTEXT);
        StubEncoder encoder = (StubEncoder) model.encoder();
        assertThat(encoder.latentDim()).isEqualTo(6);
        assertThat(encoder.context()).isEqualTo(CONTEXT);
        // Parts after the encoder see its latent size as their input size, and the feature size apart.
        CreationContext latent = new CreationContext(6, 30, 7, CONTEXT.inputDim());
        assertThat(((StubSampler) model.sampler()).context()).isEqualTo(latent);
        assertThat(((StubDecoder) model.decoder()).context()).isEqualTo(latent);
        assertThat(model.losses()).extracting(WeightedLoss::name).containsExactly("constant", "constant");
        assertThat(model.losses()).extracting(WeightedLoss::weight).containsExactly(1.0, 0.5);
        assertThat(model.losses())
                .extracting(l -> ((StubLoss) l.loss()).value())
                .containsExactly(2.5, 1.0);
        assertThat(model.weights()).containsExactly(encoder.w());
    }

    @Test
    void aBuilderGivenEveryPartByNameRecordsItsSpecAndBuildsWhatAssembleBuilds() {
        ModelSpec spec = spec(ComponentSpec.of("linear", "latent", 6), ComponentSpec.of("dot"))
                .withCorruptions(List.of());
        GraphAutoencoder built = ASSEMBLER
                .builder(CONTEXT)
                .encoder(ComponentSpec.of("linear", "latent", 6))
                .sampler(ComponentSpec.of("identity"))
                .decoder(ComponentSpec.of("dot"))
                .loss(LossSpec.of("constant", "value", 2.5))
                .loss(LossSpec.of("constant").weight(0.5))
                .build();
        assertThat(built.spec()).contains(spec);
        GraphAutoencoder assembled = ASSEMBLER.assemble(spec, CONTEXT);
        StubEncoder a = (StubEncoder) built.encoder();
        StubEncoder b = (StubEncoder) assembled.encoder();
        assertThat(List.of(a.latentDim(), a.context(), a.w().name(), a.w().data()))
                .isEqualTo(List.of(b.latentDim(), b.context(), b.w().name(), b.w().data()));
        assertThat(built.sampler()).isEqualTo(assembled.sampler()); // records: the same latent context
        assertThat(built.decoder()).isEqualTo(assembled.decoder());
        assertThat(built.losses())
                .extracting(l -> List.of(l.name(), l.weight(), l.loss()))
                .isEqualTo(assembled.losses().stream()
                        .map(l -> List.of(l.name(), l.weight(), l.loss()))
                        .toList());
    }

    @Test
    void aBuilderMixingInstancesAndNamesCreatesTheNamedPartsButRecordsNoSpec() {
        StubEncoder encoder = new StubEncoder(5, CONTEXT, new Weights("mine", Matrix.zeros(2, 5)));
        GraphAutoencoder model = ASSEMBLER
                .builder(CONTEXT)
                .encoder(encoder)
                .sampler(ComponentSpec.of("identity"))
                .decoder(ComponentSpec.of("dot"))
                .loss(LossSpec.of("constant", 0.25))
                .build();
        assertThat(model.spec()).isEmpty();
        assertThat(model.encoder()).isSameAs(encoder);
        // The named parts see the instance encoder's latent size, as assemble gives them the named encoder's.
        assertThat(((StubDecoder) model.decoder()).context()).isEqualTo(new CreationContext(5, 30, 7, 12));
        assertThat(model.losses()).extracting(WeightedLoss::weight).containsExactly(0.25);
        assertThat(GraphAutoencoder.builder()
                        .encoder(encoder)
                        .sampler(model.sampler())
                        .decoder(model.decoder())
                        .loss("l", new StubLoss(1))
                        .build()
                        .spec())
                .isEmpty();
    }

    @Test
    void aPlainBuilderRefusesPartsByNameAndSaysWhereToStart() {
        assertThatThrownBy(() -> GraphAutoencoder.builder().decoder(ComponentSpec.of("dot")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage(
                        "A decoder by name ('dot') needs the plugins that provide it: start from"
                                + " new ModelAssembler(PluginRegistry.discover()).builder(context), not GraphAutoencoder.builder()");
    }

    @Test
    void unknownOptionListsKnownOptions() {
        ModelSpec bad = spec(ComponentSpec.of("linear", "latnet", 6), ComponentSpec.of("dot"));
        assertThatThrownBy(() -> ASSEMBLER.assemble(bad, CONTEXT))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("Unknown option 'latnet' for encoder 'linear'; known options: [latent, scale]");
        assertThatThrownBy(
                        () -> ASSEMBLER.create(ComponentKind.DECODER, ComponentSpec.of("dot", "bias", true), CONTEXT))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("Unknown option 'bias' for decoder 'dot'; known options: []");
    }

    @Test
    void badOptionValueNamesComponent() {
        ModelSpec bad = spec(ComponentSpec.of("linear", "latent", "many"), ComponentSpec.of("dot"));
        assertThatThrownBy(() -> ASSEMBLER.assemble(bad, CONTEXT))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("Option 'latent' of encoder 'linear' must be an integer, got 'many'");
    }

    @Test
    void unknownComponentListsKnownNames() {
        ModelSpec bad = spec(ComponentSpec.of("linear"), ComponentSpec.of("inner-product"));
        assertThatThrownBy(() -> ASSEMBLER.assemble(bad, CONTEXT))
                .isInstanceOf(UnknownComponentException.class)
                .hasMessageContaining("Unknown decoder 'inner-product'; known decoders: [dot]");
    }

    @Test
    void factoryReturningNullFails() {
        assertThatThrownBy(() -> ASSEMBLER.create(ComponentKind.ENCODER, ComponentSpec.of("broken"), CONTEXT))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("encoder factory 'broken' returned null");
    }

    @Test
    void specsValidate() {
        assertThatThrownBy(() ->
                        new ModelSpec(ComponentSpec.of("a"), ComponentSpec.of("b"), ComponentSpec.of("c"), List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least one loss");
        assertThatThrownBy(() -> new LossSpec(ComponentSpec.of("kl"), Double.NaN))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("finite");
        ModelSpec vgae = ModelSpec.vgae();
        assertThat(vgae.encoder().name()).isEqualTo("vgae");
        ModelSpec ns = vgae.withNegativeSampling();
        assertThat(ns.losses()).extracting(l -> l.component().name()).containsExactly("negative-sampling-bce", "kl");
        assertThat(ModelSpec.gae()
                        .withEncoder(ComponentSpec.of("mine"))
                        .encoder()
                        .name())
                .isEqualTo("mine");
    }

    @Test
    void aWeightOptionSaysHowToWeightALoss() {
        ModelSpec bad = new ModelSpec(
                ComponentSpec.of("linear"),
                ComponentSpec.of("identity"),
                ComponentSpec.of("dot"),
                List.of(LossSpec.of("constant", "weight", 0.5)));
        assertThatThrownBy(() -> ASSEMBLER.assemble(bad, CONTEXT))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("Unknown option 'weight' for loss 'constant'; known options: [value]")
                .hasMessageContaining("LossSpec.of(\"constant\").weight(0.5)")
                .hasMessageContaining("LossSpec.of(\"constant\", 0.5)")
                .hasMessageContaining("--loss constant:0.5");
        GraphAutoencoder weighted = ASSEMBLER.assemble(
                new ModelSpec(
                        ComponentSpec.of("linear"),
                        ComponentSpec.of("identity"),
                        ComponentSpec.of("dot"),
                        List.of(LossSpec.of("constant").weight(0.5))),
                CONTEXT);
        assertThat(weighted.losses()).extracting(WeightedLoss::weight).containsExactly(0.5);
    }

    @Test
    void optionValuesAreCheckedWithoutData() {
        ModelSpec bad = spec(ComponentSpec.of("linear", "latent", "many"), ComponentSpec.of("dot"));
        assertThatThrownBy(() -> ASSEMBLER.checkValues(bad, 7))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("Option 'latent' of encoder 'linear' must be an integer, got 'many'");
        ASSEMBLER.checkValues(spec(ComponentSpec.of("linear", "latent", 6), ComponentSpec.of("dot")), 7);
    }
}
