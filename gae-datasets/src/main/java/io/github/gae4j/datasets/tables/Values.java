// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.datasets.tables;

import java.math.BigDecimal;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Value conversions with gae-spark's {@code GraphReader} rules (Spark's {@code try_cast} after {@code trim}): a
 * value that does not convert gives null, which the caller reports with its row and column.
 */
final class Values {

    /** How GraphReader splits a text vector: runs of whitespace or semicolons. */
    private static final Pattern SEPARATORS = Pattern.compile("[\\s;]+");

    private Values() {}

    /**
     * An integer id as long: integer types as they are, whole-valued floating or decimal numbers, text of a whole
     * number ({@code "12"}, {@code "+12"}, {@code " -3 "}; not {@code "12.0"}, as Spark's ANSI cast); else null.
     */
    static Long integer(Object v) {
        if (v instanceof Long l) {
            return l;
        }
        if (v instanceof Double d) {
            return d == Math.floor(d) && !Double.isInfinite(d) && d >= -0x1p63 && d < 0x1p63
                    ? (Long) d.longValue()
                    : null;
        }
        if (v instanceof BigDecimal b) {
            try {
                return b.stripTrailingZeros().scale() <= 0 ? (Long) b.longValueExact() : null;
            } catch (ArithmeticException e) {
                return null;
            }
        }
        if (v instanceof String s) {
            String t = s.strip();
            try {
                return Long.parseLong(t);
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    /** A finite number as double (numbers, or text of one); null for anything else, NaN and ±Infinity included. */
    static Double finite(Object v) {
        double d;
        if (v instanceof Long l) {
            d = l;
        } else if (v instanceof Double x) {
            d = x;
        } else if (v instanceof BigDecimal b) {
            d = b.doubleValue();
        } else if (v instanceof String s) {
            try {
                d = Double.parseDouble(s.strip());
            } catch (NumberFormatException e) {
                return null;
            }
        } else {
            return null;
        }
        return Double.isFinite(d) ? d : null;
    }

    /** The elements of an array value, or of text split on whitespace and semicolons; null for null. */
    static List<?> elements(Object v) {
        if (v instanceof List<?> list) {
            return list;
        }
        if (v instanceof String s) {
            return List.of(SEPARATORS.split(s.strip(), -1));
        }
        return null;
    }
}
