// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.core.spi;

import io.github.gae4j.core.error.ConfigException;
import java.util.List;
import java.util.Set;

/**
 * Creates one kind of component from its options. All factories share this shape, so discovery,
 * selection by name and option checking are one mechanism for every kind.
 *
 * <h2>Options</h2>
 * {@link #parameters()} is the declaration of a factory's options: each option's name, its default as option text
 * and a one-line help, shown by {@code gae plugins}. Declare the default the code really uses, ideally from the same
 * constant {@link #create} passes to {@code config.getInt(...)}, so the two never drift; leave it empty ({@code ""})
 * when the option is required or has no fixed default, and say in the help what happens without it. Passing a
 * declared default explicitly must be accepted and mean the same as leaving the option out.
 *
 * <p>{@link #parameterNames()} (the names only) exists for plugins written before {@link #parameters()}: when it is
 * the only one overridden, {@link #parameters()} derives {@code Parameter(name, "", "")} for each, sorted by name.
 * New code should not override it, and nothing should call it to learn the options: a factory that declares
 * {@link #parameters()} leaves it empty.
 *
 * <p>The accepted option keys are {@link #optionNames(ComponentFactory) optionNames(factory)}, the names of
 * {@link #parameters()}, whichever way the factory declares them: any other key is rejected before {@code create}
 * runs, listing them.
 *
 * @param <T> the component type
 */
public interface ComponentFactory<T> {

    /** Stable kebab-case name users select it by, e.g. {@code gcn}. */
    String name();

    /**
     * The names of the options {@link #create} reads, for plugins written before {@link #parameters()}; honoured
     * when it is the only one overridden. New factories override {@link #parameters()} instead and leave this empty;
     * callers use {@link #optionNames(ComponentFactory)}, not this.
     */
    default Set<String> parameterNames() {
        return Set.of();
    }

    /**
     * The options {@link #create} reads, with their defaults and help, in the order to list them: the declaration
     * of the factory's options. By default one {@code Parameter(name, "", "")} per {@link #parameterNames()}, sorted
     * by name, for plugins that override only that.
     */
    default List<Parameter> parameters() {
        return parameterNames().stream()
                .sorted()
                .map(n -> new Parameter(n, "", ""))
                .toList();
    }

    /** One line for listings. */
    default String description() {
        return "";
    }

    /**
     * Creates the component.
     *
     * @throws ConfigException for a bad option value, naming the option
     */
    T create(ComponentConfig config, CreationContext context);

    /**
     * The option keys {@code factory} accepts, in declaration order: the names of its {@link #parameters()}, which
     * cover {@link #parameterNames()} for factories that override only that. Ask this, not
     * {@link #parameterNames()}, for the options of any factory.
     */
    static Set<String> optionNames(ComponentFactory<?> factory) {
        return Parameter.names(factory.parameters());
    }
}
