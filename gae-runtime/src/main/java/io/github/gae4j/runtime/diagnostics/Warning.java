// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.runtime.diagnostics;

import java.util.Objects;

/**
 * One sign of trouble in a run, in plain words: a stable {@code code} (e.g. {@code loss-spike}) that scripts can
 * match, the {@code epoch} it was seen at (0 when it is about the run as a whole or the final model), a
 * {@code message} with the numbers, and {@code advice}: what to try.
 */
public record Warning(String code, int epoch, String message, String advice) {

    public Warning {
        Objects.requireNonNull(code, "code is null");
        Objects.requireNonNull(message, "message is null");
        Objects.requireNonNull(advice, "advice is null");
        if (epoch < 0) {
            throw new IllegalArgumentException("epoch must be >= 0, got " + epoch);
        }
    }

    /** The message and the advice, as one line. */
    public String text() {
        return advice.isEmpty() ? message : message + " " + advice;
    }
}
