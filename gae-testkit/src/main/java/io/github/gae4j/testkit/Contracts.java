// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.gae4j.core.autodiff.ComputationContext;
import io.github.gae4j.core.autodiff.Variable;
import io.github.gae4j.core.autodiff.Weights;
import io.github.gae4j.core.error.ConfigException;
import io.github.gae4j.core.spi.ComponentConfig;
import io.github.gae4j.core.spi.ComponentFactory;
import io.github.gae4j.core.spi.CreationContext;
import io.github.gae4j.core.spi.Parameter;
import io.github.gae4j.core.tensor.Matrix;
import io.github.gae4j.runtime.model.ComponentSpec;
import io.github.gae4j.runtime.model.ModelAssembler;
import io.github.gae4j.runtime.plugin.ComponentKind;
import io.github.gae4j.runtime.plugin.FactoryLookup;
import io.github.gae4j.runtime.plugin.PluginRegistry;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Deque;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/** Checks shared by the contract interfaces. */
final class Contracts {

    /** Stable kebab-case: lower-case letters and digits in dash-separated words. */
    static final Pattern KEBAB_CASE = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    /** An option name no component has. */
    static final String UNKNOWN_OPTION = "no-such-option-for-contract-test";

    private Contracts() {}

    /**
     * Checks the configured options, then creates the component, exactly as {@link ModelAssembler} does, and fails
     * if {@code create} asked the config for an option {@code parameters()} does not declare (see
     * {@link #assertReadsOnlyDeclaredOptions}).
     */
    static <T> T create(
            ComponentKind<?> kind, ComponentFactory<T> factory, ComponentConfig config, CreationContext context) {
        ComponentConfig described = config.describedAs(kind.label() + " '" + factory.name() + "'");
        described.requireOnly(ComponentFactory.optionNames(factory));
        Set<String> read = new LinkedHashSet<>();
        T component = factory.create(described.withReadListener(read::add), context);
        assertThat(component)
                .as("%s factory '%s' returned null", kind.label(), factory.name())
                .isNotNull();
        assertReadsOnlyDeclaredOptions(kind, factory, read);
        return component;
    }

    /**
     * Every key in {@code read} (the options {@code create} asked for) is declared by {@code factory}'s
     * {@code parameters()}: the model assembler rejects any other key before {@code create} runs, so an undeclared
     * option (say {@code train_eps} read while {@code train-eps} is declared) could never be set and is silently left
     * at its default.
     */
    static void assertReadsOnlyDeclaredOptions(
            ComponentKind<?> kind, ComponentFactory<?> factory, Collection<String> read) {
        Set<String> declared = ComponentFactory.optionNames(factory);
        List<String> undeclared =
                read.stream().filter(key -> !declared.contains(key)).distinct().toList();
        if (!undeclared.isEmpty()) {
            throw new AssertionError(String.format(
                    Locale.ROOT,
                    "%s '%s' reads option(s) %s in create() that its"
                            + " parameters() do not declare (declared: %s): a user can never set them, since undeclared"
                            + " options are rejected before create() runs; declare them or read the declared name",
                    kind.label(),
                    factory.name(),
                    undeclared,
                    new TreeSet<>(declared)));
        }
    }

    /**
     * No two of {@code weights} (a component's {@code weights()}) share a name: checkpoints and model files store
     * weights by name, so a duplicate makes them ambiguous.
     */
    static void assertDistinctWeightNames(String what, List<Weights> weights) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        weights.forEach(w -> counts.merge(w.name(), 1, Integer::sum));
        List<String> duplicated = counts.entrySet().stream()
                .filter(e -> e.getValue() > 1)
                .map(e -> "'" + e.getKey() + "' (" + e.getValue() + " times)")
                .toList();
        if (!duplicated.isEmpty()) {
            throw new AssertionError(String.format(
                    Locale.ROOT,
                    "%s lists weights under the same name in weights(): %s"
                            + " (all names: %s); checkpoints and model files store weights by name, so each name must be"
                            + " unique",
                    what,
                    duplicated,
                    weights.stream().map(Weights::name).toList()));
        }
    }

    /**
     * The parameters that get a gradient in a training pass are exactly {@code listed} (a component's
     * {@code weights()}). Walks the computation graph from {@code outputs} through {@link Variable#parents()} and
     * collects every {@link Weights} leaf that requires a gradient; those in {@code inputs} (what the test handed the
     * component, such as Z) are not the component's. Fails on a reached weight that is not listed (by identity: the
     * optimiser never trains it and it is never saved), and on a listed weight that is not reached (dead, or
     * disconnected from the output) unless its name is in {@code mayGetNoGradient}.
     */
    static void assertWeightsAreThoseThatGetGradients(
            String what,
            List<Weights> listed,
            Collection<? extends Variable> outputs,
            Collection<? extends Variable> inputs,
            Set<String> mayGetNoGradient) {
        List<Variable> reachedInOrder = trainableLeaves(outputs);
        Set<Variable> reached = identitySet(reachedInOrder);
        Set<Variable> known = identitySet(listed);
        known.addAll(trainableLeaves(inputs));
        List<String> unlisted = reachedInOrder.stream()
                .filter(w -> !known.contains(w))
                .map(Variable::render)
                .toList();
        if (!unlisted.isEmpty()) {
            throw new AssertionError(String.format(
                    Locale.ROOT,
                    "%s uses parameter(s) %s that get a gradient in a"
                            + " training pass but are not in its weights() %s: the optimiser never trains them and"
                            + " checkpoints never save them; list them in weights()",
                    what,
                    unlisted,
                    names(listed)));
        }
        List<String> unused = listed.stream()
                .filter(w -> !reached.contains(w) && !mayGetNoGradient.contains(w.name()))
                .map(Variable::render)
                .toList();
        if (!unused.isEmpty()) {
            throw new AssertionError(String.format(
                    Locale.ROOT,
                    "%s lists weight(s) %s in weights() that get no"
                            + " gradient in a training pass (they are not reachable from its output: dead, or disconnected);"
                            + " use them or drop them, or, if an option legitimately disables them, name them in the"
                            + " contract's weightsWithoutGradient()",
                    what,
                    unused));
        }
    }

    private static List<String> names(List<Weights> weights) {
        return weights.stream().map(Weights::name).toList();
    }

    private static Set<Variable> identitySet(Collection<? extends Variable> variables) {
        Set<Variable> set = Collections.newSetFromMap(new IdentityHashMap<>());
        set.addAll(variables);
        return set;
    }

    /** The {@link Weights} that require a gradient reachable from {@code roots}, each once, in the order first met. */
    private static List<Variable> trainableLeaves(Collection<? extends Variable> roots) {
        Set<Variable> seen = identitySet(List.of());
        List<Variable> leaves = new ArrayList<>();
        Deque<Variable> stack = new ArrayDeque<>(roots);
        while (!stack.isEmpty()) {
            Variable v = stack.pop();
            if (!seen.add(v)) {
                continue;
            }
            if (v instanceof Weights && v.requireGradient()) {
                leaves.add(v);
            }
            v.parents().forEach(stack::push);
        }
        return leaves;
    }

    /** Forward pass in a fresh context. */
    static Matrix forward(Variable v) {
        return new ComputationContext().forward(v);
    }

    static void assertFinite(Matrix m, String what) {
        int bad = m.firstNonFinite();
        assertThat(bad)
                .as("%s %s has a non-finite entry at flat index %d", what, m.shape(), bad)
                .isEqualTo(-1);
    }

    static void assertShape(Matrix m, int rows, int cols, String what) {
        assertThat(m.rows()).as("rows of %s %s", what, m.shape()).isEqualTo(rows);
        assertThat(m.cols()).as("cols of %s %s", what, m.shape()).isEqualTo(cols);
    }

    /**
     * {@code parameters()} of {@code factory}, its declaration of options, is a list of non-null parameters with
     * unique kebab-case names. A factory may declare them in {@code parameters()} only (new style, leaving
     * {@code parameterNames()} empty) or in {@code parameterNames()} only (a plugin written before
     * {@code parameters()}, whose parameters are derived from the names); where both are overridden
     * ({@code parameterNames()} non-empty) they must name the same options.
     */
    static void assertWellFormedParameters(ComponentKind<?> kind, ComponentFactory<?> factory) {
        String what = kind.label() + " '" + factory.name() + "'";
        List<Parameter> parameters = factory.parameters();
        assertThat(parameters).as("parameters() of %s", what).isNotNull().doesNotContainNull();
        Set<String> seen = new HashSet<>();
        for (Parameter p : parameters) {
            assertThat(p.name()).as("a parameter name of %s", what).matches(KEBAB_CASE);
            assertThat(seen.add(p.name()))
                    .as("parameter '%s' is declared twice by %s", p.name(), what)
                    .isTrue();
        }
        Set<String> names = factory.parameterNames();
        assertThat(names).as("parameterNames() of %s", what).isNotNull();
        if (!names.isEmpty()) {
            assertThat(seen)
                    .as(
                            "names of parameters() against parameterNames() of %s (if both are overridden they"
                                    + " must agree)",
                            what)
                    .containsExactlyInAnyOrderElementsOf(names);
        }
    }

    /**
     * Every declared parameter name passes the model assembler's option check, and every non-empty default, given
     * explicitly (one at a time, over the options of {@code base} that have no default, such as a required
     * {@code path}), is accepted by {@code create} and gives a component: declared defaults are option text that
     * parses.
     */
    static <T, F extends ComponentFactory<T>> void assertDeclaredParametersAreAccepted(
            ComponentKind<F> kind, F factory, ComponentConfig base, CreationContext context) {
        assertWellFormedParameters(kind, factory);
        List<Parameter> parameters = factory.parameters();
        String what = kind.label() + " '" + factory.name() + "'";

        Map<String, String> every = new LinkedHashMap<>();
        parameters.forEach(p -> every.put(p.name(), p.hasDefault() ? p.defaultValue() : "x"));
        ModelAssembler keysOnly = new ModelAssembler(lookup(kind, keyCheckOnly(kind, factory)));
        assertThatThrownBy(() ->
                        keysOnly.create(kind, new ComponentSpec(factory.name(), ComponentConfig.of(every)), context))
                .as("the model assembler's option check of %s with every declared parameter %s", what, every.keySet())
                .isInstanceOf(ReachedCreate.class);

        Map<String, String> required = new LinkedHashMap<>(base.asMap());
        parameters.stream().filter(Parameter::hasDefault).forEach(p -> required.remove(p.name()));
        ModelAssembler assembler = new ModelAssembler(lookup(kind, factory));
        for (Parameter p : parameters) {
            if (!p.hasDefault()) {
                continue;
            }
            Map<String, String> options = new LinkedHashMap<>(required);
            options.put(p.name(), p.defaultValue());
            T component;
            Set<String> read = new LinkedHashSet<>();
            try {
                component = assembler.create(
                        kind,
                        new ComponentSpec(
                                factory.name(), ComponentConfig.of(options).withReadListener(read::add)),
                        context);
            } catch (RuntimeException e) {
                throw new AssertionError(
                        String.format(
                                "%s rejects its declared default %s=%s (options %s): %s",
                                what, p.name(), p.defaultValue(), options, e),
                        e);
            }
            assertThat(component)
                    .as("%s created with its declared default %s=%s", what, p.name(), p.defaultValue())
                    .isNotNull();
            assertReadsOnlyDeclaredOptions(kind, factory, read);
        }
    }

    /** Thrown by {@link #keyCheckOnly} instead of creating. */
    private static final class ReachedCreate extends RuntimeException {
        ReachedCreate() {
            super("create was reached: the option check passed", null, false, false);
        }
    }

    /** {@code factory} whose {@code create} throws {@link ReachedCreate}: only the options check before it runs. */
    private static <F extends ComponentFactory<?>> F keyCheckOnly(ComponentKind<F> kind, F factory) {
        Class<F> type = kind.factoryType();
        Object proxy = Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (self, method, args) -> {
            if (method.getName().equals("create") && method.getParameterCount() == 2) {
                throw new ReachedCreate();
            }
            try {
                return method.invoke(factory, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        });
        return type.cast(proxy);
    }

    /** A lookup that knows {@code factory} only. */
    private static <F extends ComponentFactory<?>> FactoryLookup lookup(ComponentKind<F> kind, F factory) {
        return new FactoryLookup() {
            @Override
            public <G extends ComponentFactory<?>> G factory(ComponentKind<G> k, String name) {
                if (k != kind || !name.equals(factory.name())) {
                    throw PluginRegistry.unknown(k, name, List.of(factory.name()));
                }
                return k.factoryType().cast(factory);
            }
        };
    }

    /**
     * Adds an unknown option to {@code base} and creates the component through {@link ModelAssembler}: it must
     * fail with a {@link ConfigException} naming the option, the component and listing the declared option names.
     */
    static <T, F extends ComponentFactory<T>> void assertRejectsUnknownOption(
            ComponentKind<F> kind, F factory, ComponentConfig base, CreationContext context) {
        Map<String, String> options = new LinkedHashMap<>(base.asMap());
        options.put(UNKNOWN_OPTION, "1");
        ModelAssembler assembler = new ModelAssembler(lookup(kind, factory));
        assertThatThrownBy(() ->
                        assembler.create(kind, new ComponentSpec(factory.name(), ComponentConfig.of(options)), context))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(UNKNOWN_OPTION)
                .hasMessageContaining(kind.label() + " '" + factory.name() + "'")
                .hasMessageContaining(new TreeSet<>(ComponentFactory.optionNames(factory)).toString());
    }
}
