// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.runtime.diagnostics;

import java.util.Objects;

/** A score to beat: the best heuristic's test AUC on the same test pairs (e.g. "adamic-adar", 0.951). */
public record Baseline(String name, double auc) {

    public Baseline {
        Objects.requireNonNull(name, "name is null");
        if (!(auc >= 0 && auc <= 1)) {
            throw new IllegalArgumentException("auc must be in [0, 1], got " + auc);
        }
    }
}
