package io.github.gae4j.datasets.linqs;

import io.github.gae4j.core.spi.DatasetFormatException;
import java.io.BufferedReader;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads a UTF-8 text file line by line (gunzipping {@code *.gz} transparently), keeps the 1-based
 * line number, and splits lines into whitespace-separated fields without copying them. Every I/O
 * problem, including a truncated gzip stream, becomes a {@link DatasetFormatException} naming the file.
 */
final class LineReader implements Closeable {

    private static final int BUFFER = 1 << 16;

    private final Path file;
    private final BufferedReader reader;
    private long lineNumber;
    private String line;
    private int fieldCount;
    private int[] starts = new int[16];
    private int[] ends = new int[16];

    private LineReader(Path file, BufferedReader reader) {
        this.file = file;
        this.reader = reader;
    }

    static LineReader open(Path file) {
        InputStream in = null;
        try {
            in = Files.newInputStream(file);
            if (file.getFileName().toString().endsWith(LinqsFiles.GZ)) {
                in = new GZIPInputStream(in, BUFFER);
            }
            return new LineReader(file, new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), BUFFER));
        } catch (EOFException | ZipException e) {
            closeQuietly(in);
            throw new DatasetFormatException(file, 0, "not a valid gzip file (" + e.getMessage() + ")", e);
        } catch (IOException e) {
            closeQuietly(in);
            throw new DatasetFormatException(file, 0, "cannot open: " + e, e);
        }
    }

    Path file() {
        return file;
    }

    /** 1-based number of the current line (0 before the first). */
    long lineNumber() {
        return lineNumber;
    }

    /**
     * Advances to the next line that is not blank and splits it into fields.
     *
     * @return false at the end of the file
     */
    boolean nextNonBlank() {
        while (true) {
            try {
                line = reader.readLine();
            } catch (EOFException e) {
                throw new DatasetFormatException(file, 0, String.format(Locale.ROOT,
                        "unexpected end of gzip data after line %d: the file is truncated (%s)", lineNumber,
                        e.getMessage()), e);
            } catch (IOException e) {
                throw new DatasetFormatException(file, 0, String.format(Locale.ROOT,
                        "cannot read after line %d: %s", lineNumber, e), e);
            }
            if (line == null) {
                fieldCount = 0;
                return false;
            }
            lineNumber++;
            if (lineNumber == 1 && !line.isEmpty() && line.charAt(0) == '\uFEFF') {
                line = line.substring(1); // a UTF-8 byte-order mark is not part of the first id
            }
            split();
            if (fieldCount > 0) {
                return true;
            }
        }
    }

    int fieldCount() {
        return fieldCount;
    }

    String field(int k) {
        return line.substring(starts[k], ends[k]);
    }

    /** True if field k is exactly the one character {@code c}. */
    boolean fieldIs(int k, char c) {
        return ends[k] - starts[k] == 1 && line.charAt(starts[k]) == c;
    }

    /**
     * Field k as a finite number in plain decimal notation ({@code 0}, {@code 1}, {@code -2.5},
     * {@code 1e-3}), or NaN when it is anything else (the caller names the field in its error).
     */
    double number(int k) {
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
    DatasetFormatException error(String problem) {
        return new DatasetFormatException(file, lineNumber, problem);
    }

    @Override
    public void close() {
        closeQuietly(reader);
    }

    private void split() {
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
            if (n == starts.length) {
                starts = Arrays.copyOf(starts, 2 * n);
                ends = Arrays.copyOf(ends, 2 * n);
            }
            starts[n] = s;
            ends[n] = p;
            n++;
        }
        fieldCount = n;
    }

    /** Optional sign, digits with at most one point (at least one digit), optional exponent. */
    static boolean isDecimal(String s, int from, int to) {
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
