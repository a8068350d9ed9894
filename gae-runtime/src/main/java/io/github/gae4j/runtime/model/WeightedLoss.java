// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.runtime.model;

import io.github.gae4j.core.spi.Loss;
import java.util.Objects;

/** A loss term and its weight in the total objective. */
public record WeightedLoss(String name, Loss loss, double weight) {

    public WeightedLoss {
        Objects.requireNonNull(name, "name is null");
        Objects.requireNonNull(loss, "loss is null");
        if (!Double.isFinite(weight)) {
            throw new IllegalArgumentException("Loss weight must be finite, got " + weight);
        }
    }
}
