// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.runtime.train;

import io.github.gae4j.core.tensor.Matrix;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The optimiser's part of a {@link TrainingState}: its name (the plugin that wrote the state, checked on resume)
 * and its {@code Optimizer.state()} tensors, in their order.
 */
public record OptimizerState(String name, Map<String, Matrix> tensors) {

    public OptimizerState {
        Objects.requireNonNull(name, "name is null");
        if (name.isBlank()) {
            throw new IllegalArgumentException("Optimizer name is blank");
        }
        Map<String, Matrix> copy = new LinkedHashMap<>();
        Objects.requireNonNull(tensors, "tensors is null")
                .forEach((key, value) -> copy.put(
                        Objects.requireNonNull(key, "a tensor of the optimizer state has no name"),
                        Objects.requireNonNull(value, () -> "tensor '" + key + "' of the optimizer state is null")));
        tensors = Collections.unmodifiableMap(copy);
    }
}
