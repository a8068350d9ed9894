// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.core.spi;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One option of a component, as {@link ComponentFactory#parameters()} declares it: its name, its default as the
 * option text that means the same thing (so {@code gae plugins} can show it and passing it explicitly changes
 * nothing), and one line of help.
 *
 * @param name         the option key, e.g. {@code latent}; not blank
 * @param defaultValue the default as option text, e.g. {@code 16}; empty when the option is required or has no
 *                     fixed default (the help line then says what happens without it)
 * @param help         one line for listings; may be empty
 */
public record Parameter(String name, String defaultValue, String help) {

    public Parameter {
        Objects.requireNonNull(name, "name is null");
        Objects.requireNonNull(defaultValue, "defaultValue is null");
        Objects.requireNonNull(help, "help is null");
        if (name.isBlank()) {
            throw new IllegalArgumentException("Parameter name is blank");
        }
        if (!name.equals(name.strip())) {
            throw new IllegalArgumentException("Parameter name '" + name + "' has leading or trailing whitespace");
        }
    }

    /** An option with a text default (or {@code ""} for none). */
    public static Parameter of(String name, String defaultValue, String help) {
        return new Parameter(name, defaultValue, help);
    }

    public static Parameter of(String name, int defaultValue, String help) {
        return new Parameter(name, String.valueOf(defaultValue), help);
    }

    public static Parameter of(String name, long defaultValue, String help) {
        return new Parameter(name, String.valueOf(defaultValue), help);
    }

    /** A number default written plainly: {@code 0.0005} rather than {@code 5.0E-4}, {@code 1} not {@code 1.0}. */
    public static Parameter of(String name, double defaultValue, String help) {
        if (!Double.isFinite(defaultValue)) {
            throw new IllegalArgumentException("Default of parameter '" + name + "' is not finite: " + defaultValue);
        }
        return new Parameter(
                name, BigDecimal.valueOf(defaultValue).stripTrailingZeros().toPlainString(), help);
    }

    public static Parameter of(String name, boolean defaultValue, String help) {
        return new Parameter(name, String.valueOf(defaultValue), help);
    }

    /** An option without a default: required, or optional with a behaviour the help line describes. */
    public static Parameter withoutDefault(String name, String help) {
        return new Parameter(name, "", help);
    }

    /** Whether {@link #defaultValue()} is non-empty. */
    public boolean hasDefault() {
        return !defaultValue.isEmpty();
    }

    /** The names of {@code parameters}, in order (unmodifiable). */
    public static Set<String> names(List<Parameter> parameters) {
        Set<String> names = new LinkedHashSet<>();
        for (Parameter p : parameters) {
            names.add(p.name());
        }
        return Collections.unmodifiableSet(names);
    }
}
