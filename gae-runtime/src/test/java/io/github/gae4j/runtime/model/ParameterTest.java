// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.runtime.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.gae4j.core.error.ConfigException;
import io.github.gae4j.core.spi.*;
import io.github.gae4j.runtime.plugin.ComponentKind;
import io.github.gae4j.runtime.plugin.PluginRegistry;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

final class ParameterTest {

    @Test
    void nameMustBeNonBlankAndTrimmed() {
        assertThatThrownBy(() -> new Parameter(" ", "1", "help"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("blank");
        assertThatThrownBy(() -> new Parameter("", "1", "help"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("blank");
        assertThatThrownBy(() -> new Parameter(" latent", "1", "help"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("' latent'");
        assertThatThrownBy(() -> new Parameter(null, "1", "help")).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new Parameter("latent", null, "help")).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new Parameter("latent", "1", null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void emptyDefaultMeansNone() {
        assertThat(new Parameter("path", "", "the file").hasDefault()).isFalse();
        assertThat(Parameter.withoutDefault("path", "the file")).isEqualTo(new Parameter("path", "", "the file"));
        assertThat(Parameter.of("latent", 16, "width").hasDefault()).isTrue();
    }

    @Test
    void typedDefaultsAreWrittenAsOptionText() {
        assertThat(Parameter.of("latent", 16, "").defaultValue()).isEqualTo("16");
        assertThat(Parameter.of("seed", 42L, "").defaultValue()).isEqualTo("42");
        assertThat(Parameter.of("bias", false, "").defaultValue()).isEqualTo("false");
        assertThat(Parameter.of("p-out", 0.0005, "").defaultValue()).isEqualTo("0.0005");
        assertThat(Parameter.of("lambda", 1.0, "").defaultValue()).isEqualTo("1");
        assertThat(Parameter.of("dropout", 0.0, "").defaultValue()).isEqualTo("0");
        assertThat(Parameter.of("rate", 0.5, "").defaultValue()).isEqualTo("0.5");
        assertThat(Parameter.of("lr", 1e-9, "").defaultValue()).isEqualTo("0.000000001");
        assertThat(Parameter.of("big", 1e6, "").defaultValue()).isEqualTo("1000000");
        assertThatThrownBy(() -> Parameter.of("x", Double.NaN, ""))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'x'");
        for (double d : new double[] {0.0005, 1.0, 0.0, 1e-9, 1e6, 0.1, 10.0}) {
            assertThat(Double.parseDouble(Parameter.of("d", d, "").defaultValue()))
                    .isEqualTo(d);
        }
    }

    @Test
    void namesKeepTheDeclaredOrder() {
        assertThat(Parameter.names(List.of(Parameter.of("b", 1, ""), Parameter.of("a", 2, ""))))
                .containsExactly("b", "a");
    }

    /** An old-style factory: names only. */
    private record NamesOnly(Set<String> parameterNames) implements EncoderFactory {
        @Override
        public String name() {
            return "names-only";
        }

        @Override
        public Encoder create(ComponentConfig config, CreationContext context) {
            throw new UnsupportedOperationException();
        }
    }

    @Test
    void defaultParametersComeFromParameterNamesSortedWithoutDefaultsOrHelp() {
        NamesOnly f = new NamesOnly(Set.of("latent", "hidden", "dropout"));
        assertThat(f.parameters())
                .containsExactly(
                        new Parameter("dropout", "", ""),
                        new Parameter("hidden", "", ""),
                        new Parameter("latent", "", ""));
        assertThat(ComponentFactory.optionNames(f)).containsExactlyInAnyOrder("latent", "hidden", "dropout");
        assertThat(new NamesOnly(Set.of()).parameters()).isEmpty();
    }

    /** A new-style factory: parameters only; parameterNames() left at its empty default. */
    private static final class ParametersOnly implements SamplerFactory {
        @Override
        public String name() {
            return "parameters-only";
        }

        @Override
        public List<Parameter> parameters() {
            return List.of(Parameter.of("scale", 2, "a factor"));
        }

        @Override
        public Sampler create(ComponentConfig config, CreationContext context) {
            config.getInt("scale", 2);
            return (encoding, mode, random) -> encoding.mu();
        }
    }

    @Test
    void theAssemblerAcceptsTheNamesOfEitherMethodAndRejectsOthersListingThem() {
        PluginRegistry registry = PluginRegistry.of(List.of(new GaePlugin() {
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
                return List.of(new NamesOnly(Set.of("latent")));
            }

            @Override
            public List<SamplerFactory> samplers() {
                return List.of(new ParametersOnly());
            }
        }));
        ModelAssembler assembler = new ModelAssembler(registry);
        CreationContext context = new CreationContext(3, 4, 1);
        assertThat(assembler.create(
                        ComponentKind.SAMPLER,
                        new ComponentSpec("parameters-only", ComponentConfig.of("scale", 3)),
                        context))
                .isNotNull();
        assertThatThrownBy(() -> assembler.create(
                        ComponentKind.SAMPLER,
                        new ComponentSpec("parameters-only", ComponentConfig.of("latent", 3)),
                        context))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("Unknown option 'latent' for sampler 'parameters-only'; known options: [scale]");
        assertThatThrownBy(() -> assembler.create(
                        ComponentKind.ENCODER,
                        new ComponentSpec("names-only", ComponentConfig.of("latent", 3)),
                        context))
                .isInstanceOf(UnsupportedOperationException.class); // keys passed, create ran
        assertThatThrownBy(() -> assembler.create(
                        ComponentKind.ENCODER,
                        new ComponentSpec("names-only", ComponentConfig.of("hidden", 3)),
                        context))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("known options: [latent]");
    }
}
