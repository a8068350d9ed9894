package io.github.gae4j.runtime.model;

import java.util.Objects;

/** A loss term by plugin name, its options and its weight in the total. */
public record LossSpec(ComponentSpec component, double weight) {

    public LossSpec {
        Objects.requireNonNull(component, "component is null");
        if (!Double.isFinite(weight)) {
            throw new IllegalArgumentException("Loss weight must be finite, got " + weight);
        }
    }

    public static LossSpec of(String name, Object... options) {
        return new LossSpec(ComponentSpec.of(name, options), 1.0);
    }
}
