package io.github.gae4j.core.spi;

import java.util.List;
import java.util.Set;

/**
 * Creates one kind of component from its options. All factories share this shape, so discovery,
 * selection by name and option checking are one mechanism for every kind.
 *
 * <h2>Options</h2>
 * A factory declares its options in one of two ways:
 * <ul>
 *   <li>{@link #parameters()} (preferred): each option's name, its default as option text and a one-line help,
 *   shown by {@code gae plugins}. Declare the default the code really uses, ideally from the same constant
 *   {@link #create} passes to {@code config.getInt(...)}, so the two never drift; leave it empty ({@code ""})
 *   when the option is required or has no fixed default, and say in the help what happens without it. Passing a
 *   declared default explicitly must be accepted and mean the same as leaving the option out.</li>
 *   <li>{@link #parameterNames()} (the original form, still honoured): the names only. {@link #parameters()} then
 *   derives {@code Parameter(name, "", "")} for each, sorted by name.</li>
 * </ul>
 * A factory that overrides {@link #parameters()} should make {@link #parameterNames()} return the same names, for
 * callers written against it ({@link SimpleFactory} does). The accepted option keys are the names of
 * {@link #parameters()} ({@link #optionNames(ComponentFactory)}): any other key is rejected before {@code create}
 * runs, listing them.
 *
 * @param <T> the component type
 */
public interface ComponentFactory<T> {

    /** Stable kebab-case name users select it by, e.g. {@code gcn}. */
    String name();

    /**
     * The names of the options {@link #create} reads. Superseded by {@link #parameters()}, which also gives
     * defaults and help; still honoured when it is the only one overridden.
     */
    default Set<String> parameterNames() {
        return Set.of();
    }

    /**
     * The options {@link #create} reads, with their defaults and help, in the order to list them. By default one
     * {@code Parameter(name, "", "")} per {@link #parameterNames()}, sorted by name.
     */
    default List<Parameter> parameters() {
        return parameterNames().stream().sorted().map(n -> new Parameter(n, "", "")).toList();
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
     * The option keys {@code factory} accepts: the names of its {@link #parameters()}, which cover
     * {@link #parameterNames()} for factories that override only that.
     */
    static Set<String> optionNames(ComponentFactory<?> factory) {
        return Parameter.names(factory.parameters());
    }
}
