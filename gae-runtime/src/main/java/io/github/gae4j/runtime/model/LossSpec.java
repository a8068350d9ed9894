// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.runtime.model;

import java.util.Objects;

/**
 * A loss term by plugin name, its options and its weight in the total. The weight is not one of the loss's
 * options: set it with {@code LossSpec.of("kl").weight(0.5)} or {@code LossSpec.of("kl", 0.5)}.
 */
public record LossSpec(ComponentSpec component, double weight) {

    public LossSpec {
        Objects.requireNonNull(component, "component is null");
        if (!Double.isFinite(weight)) {
            throw new IllegalArgumentException("Loss weight must be finite, got " + weight);
        }
    }

    /** The loss {@code name} with these options (alternating keys and values) and weight 1. */
    public static LossSpec of(String name, Object... options) {
        return new LossSpec(ComponentSpec.of(name, options), 1.0);
    }

    /** The loss {@code name} with default options and this weight. */
    public static LossSpec of(String name, double weight) {
        return new LossSpec(ComponentSpec.of(name), weight);
    }

    /** The same term with this weight. */
    public LossSpec weight(double newWeight) {
        return new LossSpec(component, newWeight);
    }

    /** The same term with these options (alternating keys and values) in place of its options. */
    public LossSpec options(Object... options) {
        return new LossSpec(ComponentSpec.of(component.name(), options), weight);
    }

    /** The loss's plugin name. */
    public String name() {
        return component.name();
    }
}
