// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.runtime.tune;

import java.util.Objects;

/** A trial of the list that did not run (or was cut by the budget and discarded), and why. */
public record SkippedTrial(int number, Stage stage, Recipe recipe, String reason) {

    public SkippedTrial {
        Objects.requireNonNull(stage, "stage is null");
        Objects.requireNonNull(recipe, "recipe is null");
        Objects.requireNonNull(reason, "reason is null");
    }
}
