// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.encoders.corruption;

import java.util.Locale;

/** Argument checks shared by the corruptions (options are checked by their factories, with messages). */
final class CorruptionRates {

    private CorruptionRates() {}

    /** Fails unless 0 ≤ value ≤ 1. */
    static double requireProbability(String name, double value) {
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "%s must be in [0, 1], got %s", name, value));
        }
        return value;
    }
}
