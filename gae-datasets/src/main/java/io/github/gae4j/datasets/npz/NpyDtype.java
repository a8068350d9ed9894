// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.datasets.npz;

import java.nio.ByteOrder;
import java.util.Locale;
import java.util.Objects;

/**
 * The element type of a {@code .npy} array, parsed from the header's {@code descr}: a byte-order character
 * ({@code <} little-endian, {@code >} big-endian, {@code |} not applicable, {@code =} native, read as
 * little-endian), a kind character and the item size in bytes (for {@code U}, in characters).
 *
 * <p>Readable kinds: {@code b1} (bool), {@code i1 i2 i4 i8} (signed), {@code u1 u2 u4 u8} (unsigned),
 * {@code f2 f4 f8} (float), {@code U<n>} (fixed-width UTF-32 text, trailing NULs stripped) and
 * {@code S<n>}/{@code a<n>} (fixed-width bytes, decoded as UTF-8, trailing NULs stripped). {@code O} (a
 * pickled Python object) is recognised but cannot be read in Java. Anything else (complex, datetime,
 * structured, void) is {@linkplain #supported() unsupported}.
 *
 * @param descr    the descr text as in the header, e.g. {@code <f4}
 * @param order    the byte order of multi-byte items
 * @param kind     {@code b}, {@code i}, {@code u}, {@code f}, {@code U}, {@code S}, {@code O}, or another numpy kind
 * @param itemSize bytes per element (4 × characters for {@code U}; 0 for {@code O}, whose data is a pickle)
 */
public record NpyDtype(String descr, ByteOrder order, char kind, int itemSize) {

    /** The descr values this reader can read, for messages. */
    public static final String READABLE =
            "b1, i1, i2, i4, i8, u1, u2, u4, u8, f2, f4, f8, U<n>, S<n>" + " (with byte order <, > or |)";

    public NpyDtype {
        Objects.requireNonNull(descr, "descr is null");
        Objects.requireNonNull(order, "order is null");
    }

    /**
     * Parses a descr string such as {@code <i8}, {@code |b1}, {@code <U22} or {@code |O}.
     *
     * @return the dtype; {@link #supported()} tells whether its data can be read
     * @throws IllegalArgumentException when the text is not a simple numpy type string at all
     */
    public static NpyDtype parse(String descr) {
        if (descr.isEmpty()) {
            throw new IllegalArgumentException("empty descr");
        }
        int p = 0;
        char orderChar = descr.charAt(0);
        ByteOrder order = ByteOrder.LITTLE_ENDIAN;
        if (orderChar == '<' || orderChar == '>' || orderChar == '|' || orderChar == '=') {
            p = 1;
            if (orderChar == '>') {
                order = ByteOrder.BIG_ENDIAN;
            }
        }
        if (p >= descr.length()) {
            throw new IllegalArgumentException("descr '" + descr + "' has no type character");
        }
        char kind = descr.charAt(p++);
        String digits = descr.substring(p);
        if (kind == 'O') {
            if (!digits.isEmpty() && !digits.equals("8") && !digits.equals("4")) {
                throw new IllegalArgumentException("descr '" + descr + "' is not a numpy type string");
            }
            return new NpyDtype(descr, order, kind, 0);
        }
        if (!Character.isLetter(kind) && kind != '?') {
            throw new IllegalArgumentException("descr '" + descr + "' is not a numpy type string");
        }
        int n;
        if (digits.isEmpty()) {
            n = kind == '?' ? 1 : -1;
        } else {
            if (!digits.chars().allMatch(c -> c >= '0' && c <= '9') || digits.length() > 9) {
                throw new IllegalArgumentException("descr '" + descr + "' is not a numpy type string");
            }
            n = Integer.parseInt(digits);
        }
        if (kind == '?') {
            kind = 'b';
        }
        if (kind == 'U') {
            if (n < 0 || n > Integer.MAX_VALUE / 4) {
                throw new IllegalArgumentException("descr '" + descr + "' has no valid character count");
            }
            return new NpyDtype(descr, order, kind, 4 * n);
        }
        if (kind == 'a') {
            kind = 'S';
        }
        return new NpyDtype(descr, order, kind, Math.max(n, 0));
    }

    /** True for the dtypes whose data this reader can read (see the class comment). */
    public boolean supported() {
        return switch (kind) {
            case 'b' -> itemSize == 1;
            case 'i', 'u' -> itemSize == 1 || itemSize == 2 || itemSize == 4 || itemSize == 8;
            case 'f' -> itemSize == 2 || itemSize == 4 || itemSize == 8;
            case 'U', 'S' -> true;
            default -> false;
        };
    }

    /** A pickled Python object array ({@code O}): its data cannot be read in Java. */
    public boolean isObject() {
        return kind == 'O';
    }

    public boolean isNumeric() {
        return supported() && (kind == 'b' || kind == 'i' || kind == 'u' || kind == 'f');
    }

    public boolean isInteger() {
        return supported() && (kind == 'b' || kind == 'i' || kind == 'u');
    }

    public boolean isString() {
        return kind == 'U' || kind == 'S';
    }

    /** A readable name, e.g. {@code float32 (<f4)} or {@code pickled object (|O)}. */
    public String describe() {
        String name = switch (kind) {
            case 'b' -> "bool";
            case 'i' -> "int" + 8 * itemSize;
            case 'u' -> "uint" + 8 * itemSize;
            case 'f' -> "float" + 8 * itemSize;
            case 'U' -> "unicode string of " + itemSize / 4 + " chars";
            case 'S' -> "byte string of " + itemSize + " bytes";
            case 'O' -> "pickled Python object";
            case 'c' -> "complex";
            case 'M', 'm' -> "datetime";
            case 'V' -> "void/structured";
            default -> "unknown kind '" + kind + "'";
        };
        return String.format(Locale.ROOT, "%s ('%s')", name, descr);
    }
}
