// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.datasets.catalog;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What dataset resolution reads from the process: environment variables and the user's home directory.
 * {@link #system()} is the real process; tests pass {@link #of(Map, Path)} instead of changing the real
 * environment, so there is no global mutable state.
 */
public interface Environment {

    /** The value of an environment variable, or empty when it is unset or blank. */
    Optional<String> variable(String name);

    /** The user's home directory (the default cache is {@code <home>/.gae4j/datasets}). */
    Path userHome();

    /** The real process environment ({@link System#getenv(String)} and the {@code user.home} property). */
    static Environment system() {
        return new Environment() {
            @Override
            public Optional<String> variable(String name) {
                return nonBlank(System.getenv(name));
            }

            @Override
            public Path userHome() {
                return Path.of(System.getProperty("user.home", "."));
            }

            @Override
            public String toString() {
                return "Environment.system()";
            }
        };
    }

    /** A fixed environment: the given variables (nothing else is set) and home directory. */
    static Environment of(Map<String, String> variables, Path userHome) {
        Map<String, String> vars = Map.copyOf(variables);
        Path home = Objects.requireNonNull(userHome, "userHome is null");
        return new Environment() {
            @Override
            public Optional<String> variable(String name) {
                return nonBlank(vars.get(name));
            }

            @Override
            public Path userHome() {
                return home;
            }

            @Override
            public String toString() {
                return "Environment.of(" + vars + ", home=" + home + ")";
            }
        };
    }

    private static Optional<String> nonBlank(String value) {
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }
}
