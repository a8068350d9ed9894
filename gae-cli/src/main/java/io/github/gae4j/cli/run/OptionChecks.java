// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.cli.run;

import io.github.gae4j.core.error.ConfigException;
import java.util.Locale;

/**
 * Range checks of numeric command-line options, each failing with one line that names the option: a usage
 * error (exit 2) before anything is loaded, not a trace from deep inside training.
 */
public final class OptionChecks {

    private OptionChecks() {}

    /** {@code value} (if given) is at least {@code min}; {@code note} explains a special value, e.g. "0 = off". */
    public static void atLeast(String option, Integer value, int min, String note) {
        if (value != null && value < min) {
            throw new ConfigException(String.format(
                    Locale.ROOT,
                    "%s must be at least %d%s, got %d",
                    option,
                    min,
                    note.isEmpty() ? "" : " (" + note + ")",
                    value));
        }
    }

    /** {@code value} (if given) is finite and above zero. */
    public static void positive(String option, Double value) {
        if (value != null && !(Double.isFinite(value) && value > 0)) {
            throw new ConfigException(option + " must be a positive finite number, got " + value);
        }
    }

    /** {@code value} (if given) is finite and not negative. */
    public static void nonNegative(String option, Double value, String note) {
        if (value != null && !(Double.isFinite(value) && value >= 0)) {
            throw new ConfigException(option + " must be a finite number >= 0"
                    + (note.isEmpty() ? "" : " (" + note + ")") + ", got " + value);
        }
    }
}
