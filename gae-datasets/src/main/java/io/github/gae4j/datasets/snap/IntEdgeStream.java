// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.datasets.snap;

import io.github.gae4j.datasets.io.IntList;
import io.github.gae4j.datasets.io.LineReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The streaming pass of {@link SnapLoader} for integer ids: an edge list of 100M lines read as bytes, with no
 * {@code String} per line or per id. Ids are parsed from the bytes and numbered in order of first appearance by an
 * open-addressing map of primitive longs to ints; edges go into growing int arrays. Comments, a header line,
 * blank lines, CRLF ends, a byte-order mark and the three separators are handled as {@link LineReader} does.
 *
 * <p>It handles well-formed files of non-negative integer ids only: at the first line it is not sure of (a token
 * that is not 1 to 18 plain digits, a negative or signed id, a wrong field count, an empty field, a weight that is
 * not a plain number, a non-ASCII comment check) it gives up and returns null, and {@link SnapLoader} reads the
 * file again through {@link LineReader}, which reports the problem with the file and line, or reads string ids.
 * Errors of the stream itself (no such file, truncated gzip) name the file as {@link LineReader}'s do.
 */
final class IntEdgeStream {

    private static final int BUFFER = 1 << 16;

    /**
     * What a pass over an edge list found (this one, or {@link SnapLoader}'s general parser, which extends it);
     * {@code values[k]} is the integer id numbered k (first appearance) when this stream read the file.
     */
    static class Result {
        IntList src = new IntList(1 << 12);
        IntList dst = new IntList(1 << 12);
        long[] values;
        long edgeLines;
        long commentLines;
        String headerLine;
        int columns = -1;
        long firstDataLine;
        boolean weighted;
        double minWeight;
        double maxWeight;
        long nonPositive;

        /** Takes a weight into the range seen so far. */
        void noteWeight(double w) {
            if (!weighted) {
                weighted = true;
                minWeight = w;
                maxWeight = w;
            } else {
                minWeight = Math.min(minWeight, w);
                maxWeight = Math.max(maxWeight, w);
            }
        }
    }

    private final Path path;
    private final SnapOptions options;
    private final byte delimiter;
    private final byte[] comment;
    private final LongIntMap ids = new LongIntMap(1 << 12);
    private final long[] fieldValue = new long[3];
    private final int[] fieldStart = new int[4];
    private final int[] fieldEnd = new int[4];
    private byte[] line = new byte[256];
    private int length;
    private long lineNumber;

    private IntEdgeStream(Path path, SnapOptions options, Separator separator) {
        this.path = path;
        this.options = options;
        this.delimiter = separator == Separator.TAB ? (byte) '\t' : separator == Separator.COMMA ? (byte) ',' : 0;
        this.comment = options.comment().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The pass over {@code path} into {@code r}: true, or false when the file needs {@link LineReader}'s general
     * reading (then {@code r} holds a partial pass: start afresh).
     */
    static boolean read(Path path, SnapOptions options, Separator separator, Result r) {
        return new IntEdgeStream(path, options, separator).run(r);
    }

    private boolean run(Result r) {
        try (InputStream in = LineReader.openBytes(path)) {
            byte[] buf = new byte[BUFFER];
            boolean first = true;
            int n;
            while ((n = in.read(buf)) > 0) {
                int from = 0;
                if (first) {
                    first = false;
                    if (n >= 3 && (buf[0] & 0xff) == 0xEF && (buf[1] & 0xff) == 0xBB && (buf[2] & 0xff) == 0xBF) {
                        from = 3; // a UTF-8 byte-order mark is not part of the first id
                    }
                }
                for (int p = from; p < n; p++) {
                    byte b = buf[p];
                    if (b == '\n') {
                        lineNumber++;
                        if (!line(r)) {
                            return false;
                        }
                        length = 0;
                    } else {
                        if (length == line.length) {
                            line = Arrays.copyOf(line, line.length * 2);
                        }
                        line[length++] = b;
                    }
                }
            }
            if (length > 0) {
                lineNumber++;
                if (!line(r)) {
                    return false;
                }
            }
        } catch (IOException e) {
            throw LineReader.readError(path, lineNumber, e);
        }
        r.values = ids.keysInOrder();
        return true;
    }

    /** One physical line; false to give up. */
    private boolean line(Result r) {
        int from = 0;
        int to = length;
        while (from < to && (line[from] & 0xff) <= ' ') {
            from++;
        }
        while (to > from && (line[to - 1] & 0xff) <= ' ') {
            to--;
        }
        if (from == to) {
            return true; // blank
        }
        if (comment.length > 0 && startsWith(from, to, comment)) {
            r.commentLines++;
            return true;
        }
        if (options.header() && r.headerLine == null) {
            r.headerLine = new String(line, from, to - from, StandardCharsets.UTF_8).strip();
            return true;
        }
        int fields = split(from, to);
        if (fields < 2 || fields > 3) {
            return false;
        }
        if (fields == 3 && options.weights() == WeightPolicy.NONE) {
            return false;
        }
        if (r.columns < 0) {
            r.columns = fields;
            r.firstDataLine = lineNumber;
        } else if (fields != r.columns) {
            return false;
        }
        for (int k = 0; k < 2; k++) {
            long v = digits(fieldStart[k], fieldEnd[k]);
            if (v < 0) {
                return false;
            }
            fieldValue[k] = v;
        }
        r.edgeLines++;
        int u = ids.intern(fieldValue[0]);
        int v = ids.intern(fieldValue[1]);
        if (fields == 3) {
            double w = weight(fieldStart[2], fieldEnd[2]);
            if (Double.isNaN(w)) {
                return false;
            }
            r.noteWeight(w);
            if (options.weights() == WeightPolicy.POSITIVE && w <= 0) {
                r.nonPositive++;
                return true;
            }
        }
        r.src.add(u);
        r.dst.add(v);
        return true;
    }

    private boolean startsWith(int from, int to, byte[] prefix) {
        if (to - from < prefix.length) {
            return false;
        }
        for (int k = 0; k < prefix.length; k++) {
            if (line[from + k] != prefix[k]) {
                return false;
            }
        }
        return true;
    }

    /** Splits [from, to) into at most 4 fields (a 4th means "too many"); empty fields count, trimmed. */
    private int split(int from, int to) {
        int n = 0;
        if (delimiter == 0) {
            int p = from;
            while (p < to) {
                while (p < to && (line[p] & 0xff) <= ' ') {
                    p++;
                }
                if (p == to) {
                    break;
                }
                int s = p;
                while (p < to && (line[p] & 0xff) > ' ') {
                    p++;
                }
                if (n == 4) {
                    return 5;
                }
                fieldStart[n] = s;
                fieldEnd[n] = p;
                n++;
            }
            return n;
        }
        int s = from;
        for (int p = from; p <= to; p++) {
            if (p == to || line[p] == delimiter) {
                int a = s;
                int b = p;
                while (a < b && (line[a] & 0xff) <= ' ') {
                    a++;
                }
                while (b > a && (line[b - 1] & 0xff) <= ' ') {
                    b--;
                }
                if (n == 4 || a == b) {
                    return 5; // too many, or an empty field: the general path says which
                }
                fieldStart[n] = a;
                fieldEnd[n] = b;
                n++;
                s = p + 1;
            }
        }
        return n;
    }

    /** 1 to 18 plain digits as a value, else -1. */
    private long digits(int from, int to) {
        if (to - from < 1 || to - from > 18) {
            return -1;
        }
        long v = 0;
        for (int p = from; p < to; p++) {
            int d = line[p] - '0';
            if (d < 0 || d > 9) {
                return -1;
            }
            v = v * 10 + d;
        }
        return v;
    }

    /** The weight field as {@link LineReader#number} reads it, or NaN. */
    private double weight(int from, int to) {
        if (to - from == 1 && (line[from] == '0' || line[from] == '1')) {
            return line[from] - '0';
        }
        String s = new String(line, from, to - from, StandardCharsets.ISO_8859_1);
        if (LineReader.isDecimal(s, 0, s.length())) {
            double v = Double.parseDouble(s);
            if (Double.isFinite(v)) {
                return v;
            }
        }
        return Double.NaN;
    }

    /** Non-negative long keys numbered 0, 1, 2, … in order of first {@link #intern}; open addressing. */
    static final class LongIntMap {
        private static final long EMPTY = -1L;

        private long[] keys;
        private int[] numbers;
        private long[] order;
        private int size;
        private int mask;

        LongIntMap(int expected) {
            int capacity = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
            keys = new long[capacity];
            Arrays.fill(keys, EMPTY);
            numbers = new int[capacity];
            order = new long[Math.max(16, expected)];
            mask = capacity - 1;
        }

        int intern(long key) {
            int i = mix(key) & mask;
            while (keys[i] != EMPTY) {
                if (keys[i] == key) {
                    return numbers[i];
                }
                i = (i + 1) & mask;
            }
            if (size == order.length) {
                order = Arrays.copyOf(order, order.length * 2);
            }
            keys[i] = key;
            numbers[i] = size;
            order[size] = key;
            size++;
            if (size * 2 > keys.length) {
                grow();
            }
            return size - 1;
        }

        int size() {
            return size;
        }

        long[] keysInOrder() {
            return Arrays.copyOf(order, size);
        }

        private void grow() {
            long[] oldKeys = keys;
            int[] oldNumbers = numbers;
            keys = new long[oldKeys.length * 2];
            Arrays.fill(keys, EMPTY);
            numbers = new int[oldKeys.length * 2];
            mask = keys.length - 1;
            for (int k = 0; k < oldKeys.length; k++) {
                if (oldKeys[k] != EMPTY) {
                    int i = mix(oldKeys[k]) & mask;
                    while (keys[i] != EMPTY) {
                        i = (i + 1) & mask;
                    }
                    keys[i] = oldKeys[k];
                    numbers[i] = oldNumbers[k];
                }
            }
        }

        private static int mix(long key) {
            long h = key * 0x9E3779B97F4A7C15L;
            return (int) (h ^ (h >>> 32));
        }
    }
}
