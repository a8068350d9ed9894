// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.datasets.io;

import io.github.gae4j.core.error.DatasetFormatException;
import io.github.gae4j.core.io.IoErrors;
import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads a UTF-8 text file line by line (gunzipping transparently when the name ends in {@code .gz} or
 * the file starts with the gzip magic {@code 1f 8b}), keeps the 1-based line number, and splits lines
 * into fields without copying them. Fields are separated by runs of whitespace ({@link #open(Path)}) or
 * by one delimiter character ({@link #open(Path, char)}; fields are then trimmed of surrounding whitespace
 * and may be empty). CRLF line ends are accepted. Every I/O problem, including a truncated gzip stream,
 * becomes a {@link DatasetFormatException} naming the file.
 */
public final class LineReader implements Closeable {

    /** The suffix of gzipped files. */
    public static final String GZ = ".gz";

    private static final int BUFFER = 1 << 16;
    private static final char WHITESPACE = 0;

    private final Path file;
    private final BufferedReader reader;
    private final char delimiter;
    private long lineNumber;
    private String line;
    private int fieldCount;
    private int[] starts = new int[16];
    private int[] ends = new int[16];

    private LineReader(Path file, BufferedReader reader, char delimiter) {
        this.file = file;
        this.reader = reader;
        this.delimiter = delimiter;
    }

    /** Opens a file whose fields are separated by runs of whitespace (spaces and TABs). */
    public static LineReader open(Path file) {
        return openWith(file, WHITESPACE);
    }

    /**
     * Opens a file whose fields are separated by {@code delimiter} (e.g. {@code ','} or TAB); each field
     * is trimmed of surrounding whitespace, and leading and trailing whitespace of the line is ignored.
     */
    public static LineReader open(Path file, char delimiter) {
        if (delimiter == WHITESPACE) {
            throw new IllegalArgumentException("NUL is not a delimiter");
        }
        return openWith(file, delimiter);
    }

    private static LineReader openWith(Path file, char delimiter) {
        InputStream in = openBytes(file);
        return new LineReader(
                file, new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), BUFFER), delimiter);
    }

    /**
     * The file's bytes, gunzipped when it is gzip (by name or by its magic), buffered: for readers that parse bytes
     * themselves (the SNAP loader's integer stream). Fails as {@link #open(Path)} does.
     */
    public static InputStream openBytes(Path file) {
        InputStream in = null;
        try {
            in = new BufferedInputStream(Files.newInputStream(file), BUFFER);
            if (file.getFileName().toString().endsWith(GZ) || startsWithGzipMagic(in)) {
                in = new GZIPInputStream(in, BUFFER);
            }
            return in;
        } catch (EOFException | ZipException e) {
            closeQuietly(in);
            throw new DatasetFormatException(file, 0, "not a valid gzip file (" + e.getMessage() + ")", e);
        } catch (NoSuchFileException e) {
            closeQuietly(in);
            throw new DatasetFormatException(file, 0, "no such file", e);
        } catch (IOException e) {
            closeQuietly(in);
            throw new DatasetFormatException(file, 0, "cannot open: " + IoErrors.reason(e), e);
        }
    }

    /** A read failure after {@code lineNumber} lines of {@code file}: a truncated gzip, or any other I/O error. */
    public static DatasetFormatException readError(Path file, long lineNumber, IOException e) {
        if (e instanceof EOFException) {
            return new DatasetFormatException(
                    file,
                    0,
                    String.format(
                            Locale.ROOT,
                            "unexpected end of gzip data after line %d: the file is truncated (%s)",
                            lineNumber,
                            e.getMessage()),
                    e);
        }
        return new DatasetFormatException(
                file,
                0,
                String.format(Locale.ROOT, "cannot read after line %d: %s", lineNumber, IoErrors.reason(e)),
                e);
    }

    /** True if the next two bytes are the gzip magic; the stream is left where it was. */
    private static boolean startsWithGzipMagic(InputStream in) throws IOException {
        in.mark(2);
        int b0 = in.read();
        int b1 = in.read();
        in.reset();
        return b0 == 0x1f && b1 == 0x8b;
    }

    public Path file() {
        return file;
    }

    /** 1-based number of the current line (0 before the first). */
    public long lineNumber() {
        return lineNumber;
    }

    /** The current line as read (without the line end), or null before the first and after the last. */
    public String line() {
        return line;
    }

    /**
     * Advances to the next line that is not blank and splits it into fields.
     *
     * @return false at the end of the file
     */
    public boolean nextNonBlank() {
        while (true) {
            try {
                line = reader.readLine();
            } catch (IOException e) {
                throw readError(file, lineNumber, e);
            }
            if (line == null) {
                fieldCount = 0;
                return false;
            }
            lineNumber++;
            if (lineNumber == 1 && !line.isEmpty() && line.charAt(0) == '\uFEFF') {
                line = line.substring(1); // a UTF-8 byte-order mark is not part of the first id
            }
            if (delimiter == WHITESPACE) {
                splitOnWhitespace();
            } else {
                splitOnDelimiter();
            }
            if (fieldCount > 0) {
                return true;
            }
        }
    }

    public int fieldCount() {
        return fieldCount;
    }

    public String field(int k) {
        return line.substring(starts[k], ends[k]);
    }

    /** Length of field k (0 for an empty field between two delimiters). */
    public int fieldLength(int k) {
        return ends[k] - starts[k];
    }

    /** True if field k is exactly the one character {@code c}. */
    public boolean fieldIs(int k, char c) {
        return ends[k] - starts[k] == 1 && line.charAt(starts[k]) == c;
    }

    /**
     * Field k as a finite number in plain decimal notation ({@code 0}, {@code 1}, {@code -2.5},
     * {@code 1e-3}), or NaN when it is anything else (the caller names the field in its error).
     */
    public double number(int k) {
        if (fieldIs(k, '0')) {
            return 0.0;
        }
        if (fieldIs(k, '1')) {
            return 1.0;
        }
        int from = starts[k];
        int to = ends[k];
        if (isDecimal(line, from, to)) {
            double v = Double.parseDouble(line.substring(from, to));
            if (Double.isFinite(v)) {
                return v;
            }
        }
        return Double.NaN;
    }

    /** An error at the current line. */
    public DatasetFormatException error(String problem) {
        return new DatasetFormatException(file, lineNumber, problem);
    }

    @Override
    public void close() {
        closeQuietly(reader);
    }

    private void addField(int n, int s, int e) {
        if (n == starts.length) {
            starts = Arrays.copyOf(starts, 2 * n);
            ends = Arrays.copyOf(ends, 2 * n);
        }
        starts[n] = s;
        ends[n] = e;
    }

    private void splitOnWhitespace() {
        int n = 0;
        int len = line.length();
        int p = 0;
        while (p < len) {
            while (p < len && line.charAt(p) <= ' ') {
                p++;
            }
            if (p == len) {
                break;
            }
            int s = p;
            while (p < len && line.charAt(p) > ' ') {
                p++;
            }
            addField(n, s, p);
            n++;
        }
        fieldCount = n;
    }

    private void splitOnDelimiter() {
        int from = 0;
        int to = line.length();
        while (from < to && line.charAt(from) <= ' ') {
            from++;
        }
        while (to > from && line.charAt(to - 1) <= ' ') {
            to--;
        }
        if (from == to) {
            fieldCount = 0;
            return;
        }
        int n = 0;
        int s = from;
        for (int p = from; p <= to; p++) {
            if (p == to || line.charAt(p) == delimiter) {
                int a = s;
                int b = p;
                while (a < b && line.charAt(a) <= ' ') {
                    a++;
                }
                while (b > a && line.charAt(b - 1) <= ' ') {
                    b--;
                }
                addField(n, a, b);
                n++;
                s = p + 1;
            }
        }
        fieldCount = n;
    }

    /** Optional sign, digits with at most one point (at least one digit), optional exponent. */
    public static boolean isDecimal(String s, int from, int to) {
        int p = from;
        if (p < to && (s.charAt(p) == '+' || s.charAt(p) == '-')) {
            p++;
        }
        int digits = 0;
        while (p < to && isDigit(s.charAt(p))) {
            p++;
            digits++;
        }
        if (p < to && s.charAt(p) == '.') {
            p++;
            while (p < to && isDigit(s.charAt(p))) {
                p++;
                digits++;
            }
        }
        if (digits == 0) {
            return false;
        }
        if (p < to && (s.charAt(p) == 'e' || s.charAt(p) == 'E')) {
            p++;
            if (p < to && (s.charAt(p) == '+' || s.charAt(p) == '-')) {
                p++;
            }
            int exp = 0;
            while (p < to && isDigit(s.charAt(p))) {
                p++;
                exp++;
            }
            if (exp == 0) {
                return false;
            }
        }
        return p == to;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static void closeQuietly(Closeable c) {
        if (c != null) {
            try {
                c.close();
            } catch (IOException ignored) {
                // Nothing useful to do: the data was read, or the read already failed.
            }
        }
    }
}
