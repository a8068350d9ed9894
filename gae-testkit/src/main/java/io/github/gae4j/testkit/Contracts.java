package io.github.gae4j.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.gae4j.core.autodiff.ComputationContext;
import io.github.gae4j.core.autodiff.Variable;
import io.github.gae4j.core.model.ComponentSpec;
import io.github.gae4j.core.model.ModelAssembler;
import io.github.gae4j.core.plugin.ComponentKind;
import io.github.gae4j.core.plugin.FactoryLookup;
import io.github.gae4j.core.plugin.PluginRegistry;
import io.github.gae4j.core.spi.ComponentConfig;
import io.github.gae4j.core.spi.ComponentFactory;
import io.github.gae4j.core.spi.ConfigException;
import io.github.gae4j.core.spi.CreationContext;
import io.github.gae4j.core.tensor.Matrix;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;

/** Checks shared by the contract interfaces. */
final class Contracts {

    /** Stable kebab-case: lower-case letters and digits in dash-separated words. */
    static final Pattern KEBAB_CASE = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    /** An option name no component has. */
    static final String UNKNOWN_OPTION = "no-such-option-for-contract-test";

    private Contracts() {
    }

    /** Checks the configured options, then creates the component, exactly as {@link ModelAssembler} does. */
    static <T> T create(ComponentKind<?> kind, ComponentFactory<T> factory, ComponentConfig config,
                        CreationContext context) {
        ComponentConfig described = config.describedAs(kind.label() + " '" + factory.name() + "'");
        described.requireOnly(factory.parameterNames());
        T component = factory.create(described, context);
        assertThat(component).as("%s factory '%s' returned null", kind.label(), factory.name()).isNotNull();
        return component;
    }

    /** Forward pass in a fresh context. */
    static Matrix forward(Variable v) {
        return new ComputationContext().forward(v);
    }

    static void assertFinite(Matrix m, String what) {
        int bad = m.firstNonFinite();
        assertThat(bad).as("%s %s has a non-finite entry at flat index %d", what, m.shape(), bad).isEqualTo(-1);
    }

    static void assertShape(Matrix m, int rows, int cols, String what) {
        assertThat(m.rows()).as("rows of %s %s", what, m.shape()).isEqualTo(rows);
        assertThat(m.cols()).as("cols of %s %s", what, m.shape()).isEqualTo(cols);
    }

    /**
     * Adds an unknown option to {@code base} and creates the component through {@link ModelAssembler}: it must
     * fail with a {@link ConfigException} naming the option, the component and listing {@code parameterNames()}.
     */
    static <T, F extends ComponentFactory<T>> void assertRejectsUnknownOption(ComponentKind<F> kind, F factory,
                                                                             ComponentConfig base,
                                                                             CreationContext context) {
        Map<String, String> options = new LinkedHashMap<>(base.asMap());
        options.put(UNKNOWN_OPTION, "1");
        FactoryLookup lookup = new FactoryLookup() {
            @Override
            public <G extends ComponentFactory<?>> G factory(ComponentKind<G> k, String name) {
                if (k != kind || !name.equals(factory.name())) {
                    throw PluginRegistry.unknown(k, name, List.of(factory.name()));
                }
                return k.factoryType().cast(factory);
            }
        };
        ModelAssembler assembler = new ModelAssembler(lookup);
        assertThatThrownBy(() -> assembler.create(kind, new ComponentSpec(factory.name(), ComponentConfig.of(options)),
                context))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(UNKNOWN_OPTION)
                .hasMessageContaining(kind.label() + " '" + factory.name() + "'")
                .hasMessageContaining(new TreeSet<>(factory.parameterNames()).toString());
    }
}
