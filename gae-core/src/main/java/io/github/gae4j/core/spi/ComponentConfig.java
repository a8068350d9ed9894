// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.core.spi;

import io.github.gae4j.core.error.ConfigException;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * The options of one component as text (so the same description works from code, the command
 * line and files), with typed getters that fail with a {@link ConfigException} naming the
 * component, the option and the bad value. Keys are checked against the factory's
 * {@link ComponentFactory#optionNames(ComponentFactory) option names} before creation.
 */
public final class ComponentConfig {

    private final String component;
    private final Map<String, String> values;
    private final Consumer<String> readListener;

    private ComponentConfig(String component, Map<String, String> values, Consumer<String> readListener) {
        this.component = component;
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        this.readListener = readListener;
    }

    private ComponentConfig(String component, Map<String, String> values) {
        this(component, values, key -> {}); // nobody watches the reads
    }

    public static ComponentConfig empty() {
        return new ComponentConfig("component", Map.of());
    }

    /**
     * Options from values of any type, each stored as its option text ({@link #text(Object)}): a list or an array
     * such as {@code List.of(64, 32)} or {@code new int[]{64, 32}} becomes {@code 64,32}, the same as the text
     * the command line and model files give, so every list option of every plugin takes all three.
     */
    public static ComponentConfig of(Map<String, ?> options) {
        Map<String, String> m = new LinkedHashMap<>();
        options.forEach((k, v) -> m.put(Objects.requireNonNull(k, "option name is null"), text(v)));
        return new ComponentConfig("component", m);
    }

    /**
     * A value as option text: a list, any other collection or an array (of primitives or objects) as its elements
     * joined by commas ({@code 64,32}), an {@link Optional} as its content or nothing, anything else as
     * {@link String#valueOf(Object)}. Also renders values readably in messages, never as {@code [I@70a9f84e}.
     */
    public static String text(Object value) {
        if (value instanceof Collection<?> items) { // not every Iterable: a Path is one, and is a single value
            StringJoiner joined = new StringJoiner(",");
            items.forEach(item -> joined.add(text(item)));
            return joined.toString();
        }
        if (value instanceof Optional<?> optional) {
            return optional.map(ComponentConfig::text).orElse("");
        }
        if (value instanceof Object[] a) {
            return text(Arrays.asList(a));
        } else if (value instanceof int[] a) {
            return joined(Arrays.stream(a).mapToObj(String::valueOf));
        } else if (value instanceof long[] a) {
            return joined(Arrays.stream(a).mapToObj(String::valueOf));
        } else if (value instanceof double[] a) {
            return joined(Arrays.stream(a).mapToObj(String::valueOf));
        } else if (value instanceof float[] a) {
            return joined(IntStream.range(0, a.length).mapToObj(k -> String.valueOf(a[k])));
        } else if (value instanceof short[] a) {
            return joined(IntStream.range(0, a.length).mapToObj(k -> String.valueOf(a[k])));
        } else if (value instanceof byte[] a) {
            return joined(IntStream.range(0, a.length).mapToObj(k -> String.valueOf(a[k])));
        } else if (value instanceof boolean[] a) {
            return joined(IntStream.range(0, a.length).mapToObj(k -> String.valueOf(a[k])));
        } else if (value instanceof char[] a) {
            return String.valueOf(a);
        }
        return String.valueOf(value);
    }

    /** Alternating keys and values: {@code of("hidden", 32, "latent", 16)}. */
    public static ComponentConfig of(Object... keysAndValues) {
        if (keysAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("Expected key/value pairs, got an odd number of arguments");
        }
        Map<String, Object> m = new LinkedHashMap<>();
        for (int k = 0; k < keysAndValues.length; k += 2) {
            m.put(String.valueOf(keysAndValues[k]), keysAndValues[k + 1]);
        }
        return of(m);
    }

    /** The same options, labelled for messages as e.g. {@code encoder 'gcn'}. */
    public ComponentConfig describedAs(String component) {
        return new ComponentConfig(component, values, readListener);
    }

    /**
     * The same options, telling {@code listener} the key of every option asked for through {@link #has} or a
     * getter, whether or not it is set (after this config's own listener, if any); {@link #describedAs} keeps it.
     * The contract kit (gae-testkit) creates components with it to catch a factory reading an option it does not
     * declare in {@code parameters()}, which the user could never set. Keys reached through {@link #asMap()} are
     * not reported.
     */
    public ComponentConfig withReadListener(Consumer<String> listener) {
        Objects.requireNonNull(listener, "listener is null");
        return new ComponentConfig(component, values, readListener.andThen(listener));
    }

    /** The value of {@code key}, or null, reported to the read listener. */
    private String read(String key) {
        readListener.accept(key);
        return values.get(key);
    }

    /** Fails on any key not in {@code known}, listing the known ones. */
    public void requireOnly(Set<String> known) {
        for (String key : values.keySet()) {
            if (!known.contains(key)) {
                throw new ConfigException(String.format(
                        Locale.ROOT,
                        "Unknown option '%s' for %s; known options: %s",
                        key,
                        component,
                        new TreeSet<>(known)));
            }
        }
    }

    public Map<String, String> asMap() {
        return values;
    }

    public boolean has(String key) {
        readListener.accept(key);
        return values.containsKey(key);
    }

    public Optional<String> getString(String key) {
        return Optional.ofNullable(read(key));
    }

    public String getString(String key, String defaultValue) {
        String v = read(key);
        return v == null ? defaultValue : v;
    }

    public int getInt(String key, int defaultValue) {
        String v = read(key);
        if (v == null) {
            return defaultValue;
        }
        try {
            return Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            throw bad(key, v, "an integer");
        }
    }

    /** An integer ≥ 1. */
    public int getPositiveInt(String key, int defaultValue) {
        int v = getInt(key, defaultValue);
        if (v < 1) {
            throw bad(key, String.valueOf(v), "a positive integer");
        }
        return v;
    }

    /**
     * Comma-separated positive integers such as {@code 64,32} (layer widths), or none for an empty
     * value; {@code whenEmpty} says in the error message what an empty value means.
     */
    public int[] getWidths(String key, String defaultValue, String whenEmpty) {
        String value = getString(key, defaultValue);
        String trimmed = value.trim();
        if (trimmed.isEmpty()) {
            return new int[0];
        }
        // Limit -1 keeps trailing empty parts: "64,32," is rejected like "64,,32" rather than read as 64,32.
        String[] parts = trimmed.split(",", -1);
        int[] widths = new int[parts.length];
        for (int k = 0; k < parts.length; k++) {
            try {
                widths[k] = Integer.parseInt(parts[k].trim());
            } catch (NumberFormatException e) {
                widths[k] = 0;
            }
            if (widths[k] < 1) {
                throw bad(
                        key,
                        value,
                        "comma-separated positive integers such as '64' or '64,32' (or empty for " + whenEmpty + ")");
            }
        }
        return widths;
    }

    public long getLong(String key, long defaultValue) {
        String v = read(key);
        if (v == null) {
            return defaultValue;
        }
        try {
            return Long.parseLong(v.trim());
        } catch (NumberFormatException e) {
            throw bad(key, v, "an integer");
        }
    }

    public double getDouble(String key, double defaultValue) {
        String v = read(key);
        if (v == null) {
            return defaultValue;
        }
        try {
            double d = Double.parseDouble(v.trim());
            if (!Double.isFinite(d)) {
                throw bad(key, v, "a finite number");
            }
            return d;
        } catch (NumberFormatException e) {
            throw bad(key, v, "a number");
        }
    }

    /** A number in [min, max]. */
    public double getDouble(String key, double defaultValue, double min, double max) {
        double d = getDouble(key, defaultValue);
        if (d < min || d > max) {
            throw bad(key, String.valueOf(d), String.format(Locale.ROOT, "a number in [%s, %s]", min, max));
        }
        return d;
    }

    /** A dropout rate in [0, 1) (the probability of dropping an entry); 0 when absent. */
    public double getDropoutRate(String key) {
        String v = read(key);
        if (v == null) {
            return 0.0;
        }
        double rate;
        try {
            rate = Double.parseDouble(v.trim());
        } catch (NumberFormatException e) {
            rate = Double.NaN;
        }
        if (!(rate >= 0 && rate < 1)) {
            throw bad(key, v, "a number in [0, 1) (the probability of dropping an entry)");
        }
        return rate;
    }

    public boolean getBoolean(String key, boolean defaultValue) {
        String v = read(key);
        if (v == null) {
            return defaultValue;
        }
        return switch (v.trim().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "1" -> true;
            case "false", "no", "0" -> false;
            default -> throw bad(key, v, "true or false");
        };
    }

    private static String joined(Stream<String> items) {
        return items.collect(Collectors.joining(","));
    }

    private ConfigException bad(String key, String value, String expected) {
        return new ConfigException(
                String.format(Locale.ROOT, "Option '%s' of %s must be %s, got '%s'", key, component, expected, value));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ComponentConfig c && c.values.equals(values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        return values.toString();
    }
}
