// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.datasets.snap;

import java.util.Locale;

/** How the snap loader reads node ids; option {@code ids}. */
public enum IdMode {

    /**
     * Integers if every id parses as a 64-bit integer, strings otherwise; a mix of the two, and negative integer
     * ids, are read with a warning that names the first lines.
     */
    AUTO,
    /**
     * Non-negative 64-bit integer ids, anything else an error naming the line: nodes are numbered in ascending
     * numeric order; {@code 007} is {@code 7}.
     */
    INT,
    /** String ids, never parsed: nodes are numbered in order of first appearance. */
    STRING;

    /** The option value: {@code auto}, {@code int} or {@code string}. */
    public String optionValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return optionValue();
    }

    /** Parses an option value (case-insensitive), or fails naming the option and the allowed values. */
    public static IdMode parse(String value) {
        return SnapOptions.parse(IdMode.class, "ids", value);
    }
}
