// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.datasets.snap;

import java.util.Locale;

/**
 * What the snap loader does with an optional third column (an edge weight, sign or timestamp); option
 * {@code weights}. A {@link io.github.gae4j.core.graph.Graph} has no edge weights, so weights are never kept.
 */
public enum WeightPolicy {

    /** Accept a numeric third column, check that it is a finite number, and ignore it (the report says so). */
    IGNORE,
    /** As {@link #IGNORE}, but drop lines whose weight is ≤ 0 (e.g. negative edges of a signed network). */
    POSITIVE,
    /** Exactly two columns; a third column is an error. */
    NONE;

    /** The option value: {@code ignore}, {@code positive} or {@code none}. */
    public String optionValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return optionValue();
    }

    /** Parses an option value (case-insensitive), or fails naming the option and the allowed values. */
    public static WeightPolicy parse(String value) {
        return SnapOptions.parse(WeightPolicy.class, "weights", value);
    }
}
