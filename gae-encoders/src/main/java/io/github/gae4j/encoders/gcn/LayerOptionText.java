// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.encoders.gcn;

import io.github.gae4j.core.error.ConfigException;
import io.github.gae4j.core.spi.ComponentConfig;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Reads the layer options the graph encoders share ({@link GcnOptions}, and the {@code gat} encoder's options):
 * hidden widths and a choice among an enum's values, each failing with a {@link ConfigException}
 * that names the option, the component and what it accepts.
 */
public final class LayerOptionText {

    private LayerOptionText() {}

    /**
     * Option {@code hidden}: one positive width or a comma-separated list of them, first layer to last;
     * {@code defaultWidth} (one layer) when absent.
     *
     * @param meaning what the widths are, for the message, e.g. {@code one per hidden layer, such as '64,32'}
     */
    public static List<Integer> hidden(ComponentConfig config, String component, int defaultWidth, String meaning) {
        Optional<String> raw = config.getString("hidden");
        if (raw.isEmpty()) {
            return List.of(defaultWidth);
        }
        List<Integer> sizes = new ArrayList<>();
        for (String part : raw.get().split(",", -1)) {
            int size;
            try {
                size = Integer.parseInt(part.trim());
            } catch (NumberFormatException e) {
                size = 0;
            }
            if (size < 1) {
                throw new ConfigException(String.format(
                        Locale.ROOT,
                        "Option 'hidden' of %s must be a positive integer or a comma-separated list of positive"
                                + " integers (%s), got '%s'",
                        component,
                        meaning,
                        raw.get()));
            }
            sizes.add(size);
        }
        return sizes;
    }

    /**
     * Option {@code key}: the value of {@code defaultValue}'s enum whose {@code optionValue} it is (ignoring case and
     * surrounding white space); {@code defaultValue} when absent.
     */
    public static <E extends Enum<E>> E choice(
            ComponentConfig config, String key, String component, E defaultValue, Function<E, String> optionValue) {
        String raw = config.getString(key, optionValue.apply(defaultValue));
        E[] values = defaultValue.getDeclaringClass().getEnumConstants();
        for (E value : values) {
            if (optionValue.apply(value).equals(raw.trim().toLowerCase(Locale.ROOT))) {
                return value;
            }
        }
        throw new ConfigException(String.format(
                Locale.ROOT,
                "Option '%s' of %s must be one of %s, got '%s'",
                key,
                component,
                Arrays.stream(values).map(optionValue).toList(),
                raw));
    }

    /** Hidden widths as option text, e.g. {@code 128} or {@code 64,64}. */
    public static String join(List<Integer> sizes) {
        return sizes.stream().map(String::valueOf).collect(Collectors.joining(","));
    }
}
