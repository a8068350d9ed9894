// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.datasets.npz;

import io.github.gae4j.core.error.DatasetFormatException;
import io.github.gae4j.core.io.IoErrors;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.zip.ZipException;

/**
 * One {@code .npy} array read into memory: its {@link NpyHeader} and its raw data in the header's byte
 * order. Elements are addressed by their flat index in storage order (C order, or Fortran order when
 * {@link NpyHeader#fortranOrder()}); {@link #toRowMajorDoubles()} reorders a 2-D array. Conversions fail
 * with a {@link DatasetFormatException} naming the archive, the entry, the element and the problem.
 */
public final class NpyArray {

    /** The largest data size this reader holds in one array (a Java array limit). */
    public static final long MAX_DATA_BYTES = Integer.MAX_VALUE - 8;

    private final Path file;
    private final NpyHeader header;
    private final ByteBuffer data;

    private NpyArray(Path file, NpyHeader header, ByteBuffer data) {
        this.file = file;
        this.header = header;
        this.data = data;
    }

    /**
     * Reads a header and exactly the data it promises; trailing bytes are an error too (the shape does not
     * match the data).
     *
     * @param file  the archive or file, for messages
     * @param entry the entry name, for messages
     */
    public static NpyArray read(InputStream in, Path file, String entry) {
        NpyHeader header = NpyHeader.read(in, file, entry);
        if (header.dtype().isObject()) {
            throw NpyHeader.fail(
                    file,
                    entry,
                    "a pickled Python object array (descr '" + header.dtype().descr()
                            + "'), which cannot be read in Java");
        }
        if (!header.dtype().supported()) {
            throw NpyHeader.fail(
                    file,
                    entry,
                    "unsupported dtype " + header.dtype().describe() + "; readable types: " + NpyDtype.READABLE);
        }
        long bytes = header.dataBytes();
        if (bytes > MAX_DATA_BYTES) {
            throw NpyHeader.fail(
                    file,
                    entry,
                    String.format(
                            Locale.ROOT,
                            "%s needs %d bytes, more than one Java array holds",
                            header.describe(),
                            bytes));
        }
        byte[] b = new byte[(int) bytes];
        int got = readUpTo(in, b, file, entry);
        if (got < b.length) {
            throw NpyHeader.fail(
                    file,
                    entry,
                    String.format(
                            Locale.ROOT,
                            "truncated data: the header promises %s = %d bytes, but the entry ends after %d bytes",
                            header.describe(),
                            bytes,
                            got));
        }
        long extra = skipRest(in, file, entry);
        if (extra > 0) {
            throw NpyHeader.fail(
                    file,
                    entry,
                    String.format(
                            Locale.ROOT,
                            "size mismatch: %d bytes follow the %d data bytes that shape %s of %s needs",
                            extra,
                            bytes,
                            header.shapeText(),
                            header.dtype().describe()));
        }
        return new NpyArray(
                file, header, ByteBuffer.wrap(b).order(header.dtype().order()));
    }

    public NpyHeader header() {
        return header;
    }

    public String entry() {
        return header.entry();
    }

    public NpyDtype dtype() {
        return header.dtype();
    }

    /** The number of elements. */
    public int size() {
        return (int) header.size();
    }

    /** Element i (storage order) as a double; bools are 0 or 1. */
    public double getDouble(int i) {
        NpyDtype t = header.dtype();
        int at = i * t.itemSize();
        return switch (t.kind()) {
            case 'b' -> data.get(at) != 0 ? 1.0 : 0.0;
            case 'i' ->
                switch (t.itemSize()) {
                    case 1 -> data.get(at);
                    case 2 -> data.getShort(at);
                    case 4 -> data.getInt(at);
                    default -> (double) data.getLong(at);
                };
            case 'u' ->
                switch (t.itemSize()) {
                    case 1 -> data.get(at) & 0xff;
                    case 2 -> data.getShort(at) & 0xffff;
                    case 4 -> data.getInt(at) & 0xffffffffL;
                    default -> unsignedLongToDouble(data.getLong(at));
                };
            case 'f' ->
                switch (t.itemSize()) {
                    case 2 -> halfToFloat(data.getShort(at));
                    case 4 -> data.getFloat(at);
                    default -> data.getDouble(at);
                };
            default -> throw error("is a " + t.describe() + " array, not numeric");
        };
    }

    /**
     * Element i (storage order) as an exact integer. Floats are accepted when they hold an integral value.
     *
     * @throws DatasetFormatException for strings, non-integral floats and uint64 values above Long.MAX_VALUE
     */
    public long getLong(int i) {
        NpyDtype t = header.dtype();
        int at = i * t.itemSize();
        return switch (t.kind()) {
            case 'b' -> data.get(at) != 0 ? 1 : 0;
            case 'i' ->
                switch (t.itemSize()) {
                    case 1 -> data.get(at);
                    case 2 -> data.getShort(at);
                    case 4 -> data.getInt(at);
                    default -> data.getLong(at);
                };
            case 'u' -> {
                if (t.itemSize() == 8 && data.getLong(at) < 0) {
                    throw error(String.format(
                            Locale.ROOT,
                            "element %d (%s) does not fit a signed 64-bit integer",
                            i,
                            Long.toUnsignedString(data.getLong(at))));
                }
                yield switch (t.itemSize()) {
                    case 1 -> data.get(at) & 0xff;
                    case 2 -> data.getShort(at) & 0xffff;
                    case 4 -> data.getInt(at) & 0xffffffffL;
                    default -> data.getLong(at);
                };
            }
            case 'f' -> {
                double v = getDouble(i);
                if (v != Math.rint(v) || Math.abs(v) > 0x1p53) {
                    throw error(String.format(Locale.ROOT, "element %d is %s, not an integer", i, v));
                }
                yield (long) v;
            }
            default -> throw error("is a " + t.describe() + " array, not an integer array");
        };
    }

    /** Element i of a {@code U} or {@code S} array, with trailing NULs stripped. */
    public String getString(int i) {
        NpyDtype t = header.dtype();
        int size = t.itemSize();
        int at = i * size;
        if (t.kind() == 'U') {
            int chars = size / 4;
            while (chars > 0 && data.getInt(at + 4 * (chars - 1)) == 0) {
                chars--;
            }
            StringBuilder s = new StringBuilder(chars);
            for (int k = 0; k < chars; k++) {
                int cp = data.getInt(at + 4 * k);
                if (!Character.isValidCodePoint(cp)) {
                    throw error(String.format(Locale.ROOT, "element %d holds an invalid code point 0x%x", i, cp));
                }
                s.appendCodePoint(cp);
            }
            return s.toString();
        }
        if (t.kind() == 'S') {
            int n = size;
            while (n > 0 && data.get(at + n - 1) == 0) {
                n--;
            }
            byte[] b = new byte[n];
            data.get(at, b);
            return new String(b, StandardCharsets.UTF_8);
        }
        throw error("is a " + t.describe() + " array, not a string array");
    }

    /** All elements as ints (storage order), failing on values outside the int range. */
    public int[] toIntArray() {
        int n = size();
        int[] out = new int[n];
        NpyDtype t = header.dtype();
        if (t.kind() == 'i' && t.itemSize() == 4) {
            data.asIntBuffer().get(0, out);
            return out;
        }
        for (int i = 0; i < n; i++) {
            long v = getLong(i);
            if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
                throw error(String.format(Locale.ROOT, "element %d (%d) does not fit a 32-bit int", i, v));
            }
            out[i] = (int) v;
        }
        return out;
    }

    /** All elements as longs (storage order). */
    public long[] toLongArray() {
        int n = size();
        long[] out = new long[n];
        for (int i = 0; i < n; i++) {
            out[i] = getLong(i);
        }
        return out;
    }

    /** All elements as doubles (storage order). */
    public double[] toDoubleArray() {
        int n = size();
        double[] out = new double[n];
        NpyDtype t = header.dtype();
        if (t.kind() == 'f' && t.itemSize() == 4) {
            for (int i = 0; i < n; i++) {
                out[i] = data.getFloat(4 * i);
            }
            return out;
        }
        for (int i = 0; i < n; i++) {
            out[i] = getDouble(i);
        }
        return out;
    }

    /** All elements of a string array (storage order). */
    public String[] toStringArray() {
        int n = size();
        String[] out = new String[n];
        for (int i = 0; i < n; i++) {
            out[i] = getString(i);
        }
        return out;
    }

    /** A 2-D numeric array as row-major doubles (transposing Fortran-order storage). */
    public double[] toRowMajorDoubles() {
        if (header.ndim() != 2) {
            throw error("has shape " + header.shapeText() + ", expected 2 dimensions");
        }
        double[] stored = toDoubleArray();
        if (!header.fortranOrder()) {
            return stored;
        }
        int rows = (int) header.shape()[0];
        int cols = (int) header.shape()[1];
        double[] out = new double[stored.length];
        for (int c = 0; c < cols; c++) {
            for (int r = 0; r < rows; r++) {
                out[r * cols + c] = stored[c * rows + r];
            }
        }
        return out;
    }

    /** An error about this entry. */
    public DatasetFormatException error(String problem) {
        return NpyHeader.fail(file, entry(), problem);
    }

    /** Reads until {@code b} is full or the stream ends; returns the bytes read. */
    static int readUpTo(InputStream in, byte[] b, Path file, String entry) {
        int got = 0;
        try {
            while (got < b.length) {
                int r = in.read(b, got, b.length - got);
                if (r < 0) {
                    break;
                }
                got += r;
            }
            return got;
        } catch (EOFException e) {
            throw NpyHeader.fail(
                    file,
                    entry,
                    String.format(
                            Locale.ROOT,
                            "truncated: the compressed data ends after %d bytes (%s)",
                            got,
                            e.getMessage()),
                    e);
        } catch (ZipException e) {
            throw NpyHeader.fail(file, entry, "corrupt compressed data (" + e.getMessage() + ")", e);
        } catch (IOException e) {
            throw NpyHeader.fail(file, entry, "cannot read: " + IoErrors.reason(e), e);
        }
    }

    private static long skipRest(InputStream in, Path file, String entry) {
        byte[] b = new byte[8192];
        long extra = 0;
        while (true) {
            int got = readUpTo(in, b, file, entry);
            extra += got;
            if (got < b.length) {
                return extra;
            }
        }
    }

    private static double unsignedLongToDouble(long v) {
        double d = (double) (v >>> 1) * 2.0;
        return d + (v & 1);
    }

    /** IEEE 754 half precision to float. */
    static float halfToFloat(short bits) {
        int h = bits & 0xffff;
        int sign = (h >>> 15) != 0 ? -1 : 1;
        int exp = (h >>> 10) & 0x1f;
        int mant = h & 0x3ff;
        if (exp == 0) {
            return sign * mant * 0x1p-24f;
        }
        if (exp == 31) {
            return mant == 0 ? sign * Float.POSITIVE_INFINITY : Float.NaN;
        }
        return sign * (1 + mant / 1024f) * (float) Math.pow(2, exp - 15);
    }

    @Override
    public String toString() {
        return "NpyArray[" + header + "]";
    }
}
