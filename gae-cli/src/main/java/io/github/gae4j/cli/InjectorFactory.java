// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.cli;

import com.google.inject.ConfigurationException;
import com.google.inject.Injector;
import java.util.Objects;
import picocli.CommandLine;

/**
 * Creates picocli's objects (the subcommands, their mixins) through the application's one injector, so
 * a subcommand states what it needs in an {@code @Inject} constructor. What Guice cannot build
 * (interfaces picocli instantiates, such as collections of option values) falls back to picocli's own
 * factory.
 */
final class InjectorFactory implements CommandLine.IFactory {

    private final Injector injector;
    private final CommandLine.IFactory fallback = CommandLine.defaultFactory();

    InjectorFactory(Injector injector) {
        this.injector = Objects.requireNonNull(injector, "injector is null");
    }

    @Override
    public <K> K create(Class<K> type) throws Exception {
        try {
            return injector.getInstance(type);
        } catch (ConfigurationException e) {
            return fallback.create(type);
        }
    }
}
