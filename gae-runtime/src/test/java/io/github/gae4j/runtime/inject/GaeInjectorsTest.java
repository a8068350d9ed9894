// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.runtime.inject;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.inject.AbstractModule;
import com.google.inject.CreationException;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.name.Names;
import io.github.gae4j.core.autodiff.Constant;
import io.github.gae4j.core.autodiff.Weights;
import io.github.gae4j.core.error.UnknownComponentException;
import io.github.gae4j.core.optim.GlorotUniform;
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
import io.github.gae4j.runtime.model.ComponentSpec;
import io.github.gae4j.runtime.model.GraphAutoencoder;
import io.github.gae4j.runtime.model.LossSpec;
import io.github.gae4j.runtime.model.ModelAssembler;
import io.github.gae4j.runtime.model.ModelSpec;
import io.github.gae4j.runtime.plugin.ComponentKind;
import io.github.gae4j.runtime.plugin.FactoryLookup;
import io.github.gae4j.runtime.plugin.PluginRegistry;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The injector binds the one registry and the assembler built from it; applications add modules beside it. */
final class GaeInjectorsTest {

    record SeededEncoder(Weights w) implements Encoder {
        @Override
        public Encoding encode(io.github.gae4j.core.spi.GraphInput input, io.github.gae4j.core.spi.Mode mode) {
            return Encoding.deterministic(w);
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

    static final class Plugin implements GaePlugin {
        @Override
        public String name() {
            return "guice-test";
        }

        @Override
        public String spiVersion() {
            return GaeSpi.VERSION;
        }

        @Override
        public List<EncoderFactory> encoders() {
            return List.of(new EncoderFactory() {
                @Override
                public String name() {
                    return "seeded";
                }

                @Override
                public Set<String> parameterNames() {
                    return Set.of("latent");
                }

                @Override
                public Encoder create(ComponentConfig config, CreationContext context) {
                    return new SeededEncoder(new Weights(
                            "w",
                            GlorotUniform.sample(
                                    context.inputDim(), config.getPositiveInt("latent", 2), context.random())));
                }
            });
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
                    return (encoding, mode, random) -> encoding.mu();
                }
            });
        }

        @Override
        public List<DecoderFactory> decoders() {
            return List.of(new DecoderFactory() {
                @Override
                public String name() {
                    return "none";
                }

                @Override
                public Decoder create(ComponentConfig config, CreationContext context) {
                    return (z, pairs) -> Constant.of(io.github.gae4j.core.tensor.Matrix.zeros(pairs.size(), 1));
                }
            });
        }

        @Override
        public List<LossFactory> losses() {
            return List.of(new LossFactory() {
                @Override
                public String name() {
                    return "zero";
                }

                @Override
                public Loss create(ComponentConfig config, CreationContext context) {
                    return input -> Constant.scalar(0.0);
                }
            });
        }
    }

    private static final PluginRegistry REGISTRY = PluginRegistry.of(List.of(new Plugin()));
    private static final CreationContext CONTEXT = new CreationContext(5, 5, 99);

    private static ModelSpec spec(String encoder) {
        return new ModelSpec(
                ComponentSpec.of(encoder, "latent", 3),
                ComponentSpec.of("identity"),
                ComponentSpec.of("none"),
                List.of(LossSpec.of("zero")));
    }

    @Test
    void guiceGivesTheSameModelAsTheRegistry() {
        Injector injector = GaeInjectors.create(REGISTRY);
        GraphAutoencoder viaGuice = injector.getInstance(ModelAssembler.class).assemble(spec("seeded"), CONTEXT);
        GraphAutoencoder viaRegistry = new ModelAssembler(REGISTRY).assemble(spec("seeded"), CONTEXT);
        assertThat(viaGuice.weights()).hasSize(1);
        assertThat(viaGuice.weights().get(0).data())
                .isEqualTo(viaRegistry.weights().get(0).data());
        // One registry: the injector hands out the very instance, never a copy of its factories.
        assertThat(injector.getInstance(PluginRegistry.class)).isSameAs(REGISTRY);
        assertThat(injector.getInstance(FactoryLookup.class)).isSameAs(REGISTRY);
        assertThat(injector.getInstance(ModelAssembler.class)).isSameAs(injector.getInstance(ModelAssembler.class));
        assertThat(injector.getInstance(PluginRegistry.class).factories(ComponentKind.ENCODER))
                .containsOnlyKeys("seeded");
    }

    @Test
    void unknownNameThroughGuiceListsKnownNames() {
        Injector injector = GaeInjectors.create(REGISTRY);
        ModelAssembler assembler = injector.getInstance(ModelAssembler.class);
        assertThatThrownBy(() -> assembler.assemble(spec("sedded"), CONTEXT))
                .isInstanceOf(UnknownComponentException.class)
                .hasMessageContaining("Unknown encoder 'sedded'; known encoders: [seeded]");
        FactoryLookup lookup = injector.getInstance(FactoryLookup.class);
        assertThat(lookup.factory(ComponentKind.ENCODER, "seeded").name()).isEqualTo("seeded");
    }

    @Test
    void applicationModulesAddTheirBindings() {
        Injector injector = GaeInjectors.create(REGISTRY, new AbstractModule() {
            @Override
            protected void configure() {
                bind(String.class).annotatedWith(Names.named("greeting")).toInstance("hello from the application");
            }
        });
        assertThat(injector.getInstance(Key.get(String.class, Names.named("greeting"))))
                .isEqualTo("hello from the application");
        assertThat(injector.getInstance(ModelAssembler.class)).isNotNull();
    }

    @Test
    void anApplicationModuleCannotRebindTheAssembler() {
        AbstractModule rebinding = new AbstractModule() {
            @Override
            protected void configure() {
                bind(ModelAssembler.class).toInstance(new ModelAssembler(REGISTRY));
            }
        };
        assertThatThrownBy(() -> GaeInjectors.create(REGISTRY, rebinding))
                .isInstanceOf(CreationException.class)
                .hasMessageContaining("ModelAssembler");
    }

    @Test
    void discoveringThroughAClassLoaderFindsThePluginsOnIt() {
        // gae-runtime ships only its built-in optimisers, and its tests register none.
        Injector injector = GaeInjectors.create(GaeInjectorsTest.class.getClassLoader());
        assertThat(injector.getInstance(PluginRegistry.class).plugins())
                .singleElement()
                .isInstanceOf(io.github.gae4j.runtime.optim.OptimizersPlugin.class);
    }
}
