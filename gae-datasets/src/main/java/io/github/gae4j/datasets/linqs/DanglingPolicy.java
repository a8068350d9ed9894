// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.datasets.linqs;

import io.github.gae4j.core.error.ConfigException;
import java.util.Arrays;
import java.util.Locale;

/** What to do with ids that {@code .cites} mentions but {@code .content} does not list. */
public enum DanglingPolicy {

    /** Drop such citation lines (the LINQS view: CiteSeer has 3312 nodes). The default. */
    DROP("drop"),

    /**
     * Append each such id as a featureless, unlabelled node, in order of first appearance in
     * {@code .cites} (the Planetoid view: CiteSeer has 3327 nodes).
     */
    ADD("add");

    private final String optionValue;

    DanglingPolicy(String optionValue) {
        this.optionValue = optionValue;
    }

    /** The value of the {@code dangling} option, e.g. {@code drop}. */
    public String optionValue() {
        return optionValue;
    }

    /** Parses an option value ({@code drop} or {@code add}, case-insensitive). */
    public static DanglingPolicy parse(String value) {
        for (DanglingPolicy p : values()) {
            if (p.optionValue.equalsIgnoreCase(value.trim())) {
                return p;
            }
        }
        throw new ConfigException(String.format(
                Locale.ROOT,
                "Option 'dangling' of dataset loader 'linqs' must be one of %s, got '%s'",
                Arrays.stream(values()).map(DanglingPolicy::optionValue).toList(),
                value));
    }

    @Override
    public String toString() {
        return optionValue;
    }
}
