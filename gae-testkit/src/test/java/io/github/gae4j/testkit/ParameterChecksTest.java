package io.github.gae4j.testkit;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.gae4j.core.plugin.ComponentKind;
import io.github.gae4j.core.spi.ComponentConfig;
import io.github.gae4j.core.spi.CreationContext;
import io.github.gae4j.core.spi.Parameter;
import io.github.gae4j.core.spi.Sampler;
import io.github.gae4j.core.spi.SamplerFactory;
import io.github.gae4j.core.spi.SimpleFactory;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The parameter checks of the contracts pass honest declarations and catch wrong ones. */
final class ParameterChecksTest {

    private static final CreationContext CONTEXT = new CreationContext(3, 5, 42);
    private static final Sampler SAMPLER = (encoding, mode, random) -> encoding.mu();

    private static SamplerFactory scaled(String declaredDefault) {
        return SimpleFactory.sampler("scaled", "", List.of(Parameter.of("scale", declaredDefault, "a factor"),
                        Parameter.withoutDefault("path", "required")),
                (config, context) -> {
                    config.getString("path").orElseThrow(() -> new IllegalArgumentException("path is required"));
                    config.getPositiveInt("scale", 2);
                    return SAMPLER;
                });
    }

    @Test
    void acceptsDefaultsThatParseKeepingOptionsWithoutDefaults() {
        assertThatCode(() -> Contracts.assertDeclaredParametersAreAccepted(ComponentKind.SAMPLER, scaled("2"),
                ComponentConfig.of("path", "p", "scale", 5), CONTEXT)).doesNotThrowAnyException();
    }

    @Test
    void catchesADefaultThatDoesNotParse() {
        assertThatThrownBy(() -> Contracts.assertDeclaredParametersAreAccepted(ComponentKind.SAMPLER, scaled("two"),
                ComponentConfig.of("path", "p"), CONTEXT))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("sampler 'scaled' rejects its declared default scale=two");
    }

    /** Declares {@code extra} in parameterNames() but not in parameters(). */
    private record Mismatched(String extra) implements SamplerFactory {
        @Override
        public String name() {
            return "mismatched";
        }

        @Override
        public Set<String> parameterNames() {
            return Set.of("scale", extra);
        }

        @Override
        public List<Parameter> parameters() {
            return List.of(Parameter.of("scale", 2, ""));
        }

        @Override
        public Sampler create(ComponentConfig config, CreationContext context) {
            return SAMPLER;
        }
    }

    @Test
    void catchesParametersThatDisagreeWithParameterNames() {
        assertThatThrownBy(() -> Contracts.assertWellFormedParameters(ComponentKind.SAMPLER, new Mismatched("rate")))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("parameterNames() of sampler 'mismatched'");
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
        assertThatCode(() -> Contracts.assertDeclaredParametersAreAccepted(ComponentKind.SAMPLER, new NamesOnly(),
                ComponentConfig.empty(), CONTEXT)).doesNotThrowAnyException();
    }
}
