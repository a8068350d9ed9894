package io.github.gae4j.core.spi;

import java.util.Set;

/**
 * Creates one kind of component from its options. All factories share this shape, so discovery,
 * selection by name and option checking are one mechanism for every kind.
 *
 * @param <T> the component type
 */
public interface ComponentFactory<T> {

    /** Stable kebab-case name users select it by, e.g. {@code gcn}. */
    String name();

    /** The options {@link #create} reads; any other key is rejected before {@code create} runs. */
    default Set<String> parameterNames() {
        return Set.of();
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
}
