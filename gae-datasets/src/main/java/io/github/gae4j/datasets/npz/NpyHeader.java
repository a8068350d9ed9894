// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.datasets.npz;

import io.github.gae4j.core.error.DatasetFormatException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The header of one {@code .npy} array: the magic {@code \x93NUMPY}, format version 1.0 (a 2-byte header
 * length), 2.0 or 3.0 (a 4-byte length; 3.0 allows UTF-8 text), then a Python dict literal
 * {@code {'descr': '<f4', 'fortran_order': False, 'shape': (5429,), }}.
 *
 * @param entry        the zip entry (or file) name, for messages
 * @param major        the format's major version (1, 2 or 3)
 * @param minor        the format's minor version (0)
 * @param dtype        the element type
 * @param fortranOrder true if a multi-dimensional array is stored column-major
 * @param shape        the dimensions ({@code []} for a scalar)
 * @param dataOffset   bytes before the data (magic, version, length and dict)
 */
@SuppressWarnings("ArrayRecordComponent") // equals/hashCode are overridden to compare the arrays' contents
public record NpyHeader(
        String entry, int major, int minor, NpyDtype dtype, boolean fortranOrder, long[] shape, long dataOffset) {

    static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};

    public NpyHeader {
        Objects.requireNonNull(entry, "entry is null");
        Objects.requireNonNull(dtype, "dtype is null");
        shape = shape.clone();
    }

    @Override
    public long[] shape() {
        return shape.clone();
    }

    public int ndim() {
        return shape.length;
    }

    /** The number of elements (1 for a scalar). */
    public long size() {
        long n = 1;
        for (long d : shape) {
            n = Math.multiplyExact(n, d);
        }
        return n;
    }

    /** The number of data bytes the header promises. */
    public long dataBytes() {
        return Math.multiplyExact(size(), (long) dtype.itemSize());
    }

    /** The shape as Python prints it: {@code (2708,)}, {@code (2708, 1433)}, {@code ()}. */
    public String shapeText() {
        if (shape.length == 1) {
            return "(" + shape[0] + ",)";
        }
        return Arrays.stream(shape).mapToObj(Long::toString).collect(Collectors.joining(", ", "(", ")"));
    }

    /** E.g. {@code float32 ('<f4'), shape (5429,)}. */
    public String describe() {
        return dtype.describe() + ", shape " + shapeText()
                + (fortranOrder && shape.length > 1 ? ", Fortran order" : "");
    }

    /**
     * Reads and validates a header, leaving {@code in} at the first data byte.
     *
     * @throws DatasetFormatException naming {@code file} and {@code entry} for a bad magic, an unsupported
     *                                version, a truncated header or a malformed dict
     */
    static NpyHeader read(InputStream in, Path file, String entry) {
        byte[] prefix = readFully(in, 8, file, entry, "the 8-byte magic and version");
        for (int k = 0; k < MAGIC.length; k++) {
            if (prefix[k] != MAGIC[k]) {
                throw fail(
                        file,
                        entry,
                        "not a .npy array: it does not start with the magic \\x93NUMPY (starts with " + hex(prefix)
                                + ")");
            }
        }
        int major = prefix[6] & 0xff;
        int minor = prefix[7] & 0xff;
        if (major < 1 || major > 3 || minor != 0) {
            throw fail(
                    file,
                    entry,
                    String.format(
                            Locale.ROOT,
                            "unsupported .npy format version %d.%d (this reader knows 1.0, 2.0 and 3.0)",
                            major,
                            minor));
        }
        int lengthBytes = major == 1 ? 2 : 4;
        byte[] len = readFully(in, lengthBytes, file, entry, "the header length");
        long headerLength = (len[0] & 0xff) | (len[1] & 0xff) << 8;
        if (lengthBytes == 4) {
            headerLength |= (long) (len[2] & 0xff) << 16 | (long) (len[3] & 0xff) << 24;
        }
        if (headerLength > 1 << 20) {
            throw fail(file, entry, "header length " + headerLength + " is implausibly large (over 1 MiB)");
        }
        Charset charset = major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1;
        String text = new String(readFully(in, (int) headerLength, file, entry, "the header dict"), charset);
        Object literal;
        try {
            literal = PyLiteral.parse(text);
        } catch (IllegalArgumentException e) {
            throw fail(file, entry, "malformed header dict (" + e.getMessage() + "): " + text.strip());
        }
        if (!(literal instanceof Map<?, ?> dict)) {
            throw fail(file, entry, "the header is not a dict: " + text.strip());
        }
        for (String key : List.of("descr", "fortran_order", "shape")) {
            if (!dict.containsKey(key)) {
                throw fail(file, entry, "the header dict has no '" + key + "' key: " + text.strip());
            }
        }
        Object descr = dict.get("descr");
        if (!(descr instanceof String d)) {
            throw fail(
                    file,
                    entry,
                    "unsupported dtype " + descr + ": structured (record) arrays cannot be read; " + "readable types: "
                            + NpyDtype.READABLE);
        }
        NpyDtype dtype;
        try {
            dtype = NpyDtype.parse(d);
        } catch (IllegalArgumentException e) {
            throw fail(file, entry, "unsupported dtype: " + e.getMessage() + "; readable types: " + NpyDtype.READABLE);
        }
        if (!(dict.get("fortran_order") instanceof Boolean fortran)) {
            throw fail(file, entry, "'fortran_order' must be True or False, got " + dict.get("fortran_order"));
        }
        if (!(dict.get("shape") instanceof List<?> dims)) {
            throw fail(file, entry, "'shape' must be a tuple of integers, got " + dict.get("shape"));
        }
        long[] shape = new long[dims.size()];
        for (int k = 0; k < shape.length; k++) {
            if (!(dims.get(k) instanceof Long v) || v < 0) {
                throw fail(file, entry, "'shape' must be a tuple of non-negative integers, got " + dims);
            }
            shape[k] = v;
        }
        NpyHeader h = new NpyHeader(entry, major, minor, dtype, fortran, shape, 8L + lengthBytes + headerLength);
        try {
            h.dataBytes();
        } catch (ArithmeticException e) {
            throw fail(file, entry, "shape " + h.shapeText() + " is too large");
        }
        return h;
    }

    static DatasetFormatException fail(Path file, String entry, String problem) {
        return new DatasetFormatException(file, 0, "entry '" + entry + "': " + problem);
    }

    static DatasetFormatException fail(Path file, String entry, String problem, Throwable cause) {
        return new DatasetFormatException(file, 0, "entry '" + entry + "': " + problem, cause);
    }

    private static byte[] readFully(InputStream in, int n, Path file, String entry, String what) {
        byte[] b = new byte[n];
        int got = NpyArray.readUpTo(in, b, file, entry);
        if (got < n) {
            throw fail(
                    file,
                    entry,
                    String.format(Locale.ROOT, "truncated: it ends after %d of the %d bytes of %s", got, n, what));
        }
        return b;
    }

    private static String hex(byte[] b) {
        StringBuilder s = new StringBuilder();
        for (int k = 0; k < Math.min(b.length, 6); k++) {
            s.append(String.format(Locale.ROOT, "%02x ", b[k] & 0xff));
        }
        return s.toString().trim();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NpyHeader h
                && h.entry.equals(entry)
                && h.major == major
                && h.minor == minor
                && h.dtype.equals(dtype)
                && h.fortranOrder == fortranOrder
                && Arrays.equals(h.shape, shape)
                && h.dataOffset == dataOffset;
    }

    @Override
    public int hashCode() {
        return Objects.hash(entry, major, minor, dtype, fortranOrder, Arrays.hashCode(shape), dataOffset);
    }

    @Override
    public String toString() {
        return entry + ": " + describe();
    }
}
