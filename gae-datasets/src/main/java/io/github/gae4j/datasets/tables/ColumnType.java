// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.datasets.tables;

/**
 * What a column holds, as far as the checks care; {@code name} is the type for messages ({@code bigint},
 * {@code array<double>}, ...).
 *
 * @param kind    the value kind
 * @param element the element kind of an {@link Kind#ARRAY}, else null
 * @param name    the type's name in messages
 */
record ColumnType(Kind kind, Kind element, String name) {

    /** Value kinds; {@link TableRows#get} returns Long, BigDecimal, Double, String, Boolean or a List of those. */
    enum Kind {
        INTEGER,
        DECIMAL,
        FLOATING,
        TEXT,
        BOOLEAN,
        ARRAY,
        OTHER;

        boolean isNumber() {
            return this == INTEGER || this == DECIMAL || this == FLOATING;
        }

        /** Numbers, or text to parse (CSV). */
        boolean isNumberOrText() {
            return isNumber() || this == TEXT;
        }
    }

    static final ColumnType TEXT = new ColumnType(Kind.TEXT, null, "string");

    /** An array of numbers, or of text to parse. */
    boolean isArrayOfNumbersOrText() {
        return kind == Kind.ARRAY && element != null && element.isNumberOrText();
    }
}
