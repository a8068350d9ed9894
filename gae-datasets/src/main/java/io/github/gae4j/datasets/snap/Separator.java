// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.datasets.snap;

import java.util.Locale;

/** How the fields of an edge-list line are separated; option {@code separator}. */
public enum Separator {

    /** {@link #COMMA} for {@code *.csv} and {@code *.csv.gz}, {@link #WHITESPACE} otherwise. */
    AUTO,
    /** Runs of spaces and/or TABs (SNAP's files use one TAB). */
    WHITESPACE,
    /** One TAB; fields are trimmed, so ids may contain spaces. */
    TAB,
    /** One comma; fields are trimmed. */
    COMMA;

    /** The option value: {@code auto}, {@code whitespace}, {@code tab} or {@code comma}. */
    public String optionValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return optionValue();
    }

    /** Parses an option value (case-insensitive), or fails naming the option and the allowed values. */
    public static Separator parse(String value) {
        return SnapOptions.parse(Separator.class, "separator", value);
    }

    /** The separator for a file: {@link #AUTO} becomes {@link #COMMA} for CSV files and {@link #WHITESPACE} otherwise. */
    public Separator resolve(String fileName) {
        if (this != AUTO) {
            return this;
        }
        String name = fileName.toLowerCase(Locale.ROOT);
        if (name.endsWith(".gz")) {
            name = name.substring(0, name.length() - 3);
        }
        return name.endsWith(".csv") ? COMMA : WHITESPACE;
    }
}
