// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.gae4j.core.spi.ComponentConfig;
import io.github.gae4j.core.spi.CreationContext;
import io.github.gae4j.core.spi.GaePlugin;
import io.github.gae4j.core.spi.GaeSpi;
import io.github.gae4j.core.spi.Parameter;
import io.github.gae4j.core.spi.Sampler;
import io.github.gae4j.core.spi.SamplerFactory;
import io.github.gae4j.core.spi.SimpleFactory;
import io.github.gae4j.runtime.plugin.ComponentKind;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The parameter checks of the contracts pass honest declarations, whichever way a factory makes them (parameters()
 * only, parameterNames() only, or both agreeing), and catch wrong ones.
 */
final class ParameterChecksTest {

    private static final CreationContext CONTEXT = new CreationContext(3, 5, 42);
    private static final Sampler SAMPLER = (encoding, mode, random) -> encoding.mu();

    private static SamplerFactory scaled(String declaredDefault) {
        return SimpleFactory.sampler(
                "scaled",
                "",
                List.of(
                        Parameter.of("scale", declaredDefault, "a factor"),
                        Parameter.withoutDefault("path", "required")),
                (config, context) -> {
                    if (config.getString("path").isEmpty()) {
                        throw new IllegalArgumentException("path is required");
                    }
                    config.getPositiveInt("scale", 2);
                    return SAMPLER;
                });
    }

    @Test
    void acceptsDefaultsThatParseKeepingOptionsWithoutDefaults() {
        assertThatCode(() -> Contracts.assertDeclaredParametersAreAccepted(
                        ComponentKind.SAMPLER, scaled("2"), ComponentConfig.of("path", "p", "scale", 5), CONTEXT))
                .doesNotThrowAnyException();
    }

    @Test
    void catchesADefaultThatDoesNotParse() {
        assertThatThrownBy(() -> Contracts.assertDeclaredParametersAreAccepted(
                        ComponentKind.SAMPLER, scaled("two"), ComponentConfig.of("path", "p"), CONTEXT))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("sampler 'scaled' rejects its declared default scale=two");
    }

    /** A plugin written both ways: overrides parameters() and parameterNames(), which must agree. */
    private record Both(Set<String> names, List<Parameter> parameters) implements SamplerFactory {
        @Override
        public String name() {
            return "both";
        }

        @Override
        public Set<String> parameterNames() {
            return names;
        }

        @Override
        public Sampler create(ComponentConfig config, CreationContext context) {
            return SAMPLER;
        }
    }

    @Test
    void bothDeclarationsPassWhenTheyAgree() {
        Both agreeing =
                new Both(Set.of("scale", "rate"), List.of(Parameter.of("scale", 2, ""), Parameter.of("rate", 0.5, "")));
        assertThatCode(() -> Contracts.assertDeclaredParametersAreAccepted(
                        ComponentKind.SAMPLER, agreeing, ComponentConfig.empty(), CONTEXT))
                .doesNotThrowAnyException();
    }

    @Test
    void catchesParametersThatDisagreeWithParameterNames() {
        Both extraName = new Both(Set.of("scale", "rate"), List.of(Parameter.of("scale", 2, "")));
        assertThatThrownBy(() -> Contracts.assertWellFormedParameters(ComponentKind.SAMPLER, extraName))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("parameterNames() of sampler 'both'");
        Both extraParameter =
                new Both(Set.of("scale"), List.of(Parameter.of("scale", 2, ""), Parameter.of("rate", 0.5, "")));
        assertThatThrownBy(() -> Contracts.assertWellFormedParameters(ComponentKind.SAMPLER, extraParameter))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("parameterNames() of sampler 'both'");
    }

    /** New style: parameters() only, parameterNames() left at its empty default. */
    private record ParametersOnly() implements SamplerFactory {
        @Override
        public String name() {
            return "parameters-only";
        }

        @Override
        public List<Parameter> parameters() {
            return List.of(Parameter.of("scale", 2, "a factor"), Parameter.of("rate", 0.5, "a rate"));
        }

        @Override
        public Sampler create(ComponentConfig config, CreationContext context) {
            config.getPositiveInt("scale", 2);
            config.getDouble("rate", 0.5);
            return SAMPLER;
        }
    }

    @Test
    void parametersOnlyFactoriesPass() {
        assertThat(new ParametersOnly().parameterNames()).isEmpty();
        assertThatCode(() -> Contracts.assertDeclaredParametersAreAccepted(
                        ComponentKind.SAMPLER, new ParametersOnly(), ComponentConfig.empty(), CONTEXT))
                .doesNotThrowAnyException();
        assertThatCode(() -> Contracts.assertRejectsUnknownOption(
                        ComponentKind.SAMPLER, new ParametersOnly(), ComponentConfig.empty(), CONTEXT))
                .doesNotThrowAnyException();
    }

    /** Old style: names only; parameters() derived, no defaults to try. */
    private record NamesOnly() implements SamplerFactory {
        @Override
        public String name() {
            return "names-only";
        }

        @Override
        public Set<String> parameterNames() {
            return Set.of("scale", "rate");
        }

        @Override
        public Sampler create(ComponentConfig config, CreationContext context) {
            return SAMPLER;
        }
    }

    @Test
    void namesOnlyFactoriesPass() {
        assertThatCode(() -> Contracts.assertDeclaredParametersAreAccepted(
                        ComponentKind.SAMPLER, new NamesOnly(), ComponentConfig.empty(), CONTEXT))
                .doesNotThrowAnyException();
        assertThatCode(() -> Contracts.assertRejectsUnknownOption(
                        ComponentKind.SAMPLER, new NamesOnly(), ComponentConfig.empty(), CONTEXT))
                .doesNotThrowAnyException();
    }

    private static PluginContract pluginOf(SamplerFactory... samplers) {
        GaePlugin plugin = new GaePlugin() {
            @Override
            public String name() {
                return "samplers";
            }

            @Override
            public String spiVersion() {
                return GaeSpi.VERSION;
            }

            @Override
            public List<SamplerFactory> samplers() {
                return List.of(samplers);
            }
        };
        return () -> plugin;
    }

    @Test
    void thePluginContractTakesEitherDeclarationOrBothAgreeingAndCatchesADisagreement() {
        Both agreeing = new Both(Set.of("scale"), List.of(Parameter.of("scale", 2, "")));
        assertThatCode(
                        pluginOf(new ParametersOnly(), new NamesOnly(), agreeing, scaled("2"))
                                ::factoryNamesAreNonBlankKebabCaseAndUniquePerKind)
                .doesNotThrowAnyException();
        Both disagreeing = new Both(Set.of("scale", "rate"), List.of(Parameter.of("scale", 2, "")));
        PluginContract contract = pluginOf(new ParametersOnly(), disagreeing);
        assertThatThrownBy(contract::factoryNamesAreNonBlankKebabCaseAndUniquePerKind)
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("parameterNames() of sampler 'both'");
    }
}
