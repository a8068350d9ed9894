// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.datasets.tables;

import io.github.gae4j.core.error.DatasetFormatException;
import io.github.gae4j.datasets.io.LineReader;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A CSV table file as Spark reads it in gae-spark's {@code GraphReader}: a header line, comma-separated fields, every
 * field text (converted by the caller, as GraphReader does with {@code inferSchema=false}). Fields may be quoted
 * with {@code "} ({@code \"} or {@code ""} inside); an empty unquoted field is null, as Spark reads it. Blank lines
 * are skipped (Spark skips them too). Gzip is read by name or magic; other compressions fail naming the file. A
 * line whose field count differs from the header's fails (Spark would pad or cut it silently).
 */
final class CsvRows implements TableRows {

    private static final Pattern COMPRESSED = Pattern.compile(".*\\.csv\\.([a-z0-9]+)$");

    private final Path file;
    private final BufferedReader reader;
    private final List<String> columns;
    private final List<String> fields = new ArrayList<>();
    private long line;
    private long row;

    private CsvRows(Path file, BufferedReader reader, List<String> columns, long headerLine) {
        this.file = file;
        this.reader = reader;
        this.columns = columns;
        this.line = headerLine;
    }

    /** Opens {@code file} and reads its header line. */
    static CsvRows open(Path file) {
        Matcher m = COMPRESSED.matcher(file.getFileName().toString().toLowerCase(Locale.ROOT));
        if (m.matches() && !m.group(1).equals("gz")) {
            throw new DatasetFormatException(
                    file,
                    0,
                    "is compressed as ." + m.group(1) + ", which the tables loader cannot read; gzip (.csv.gz) or"
                            + " plain CSV can be read");
        }
        BufferedReader reader =
                new BufferedReader(new InputStreamReader(LineReader.openBytes(file), StandardCharsets.UTF_8), 1 << 16);
        try {
            long lineNumber = 0;
            String header;
            do {
                header = reader.readLine();
                lineNumber++;
            } while (header != null && header.isBlank());
            if (header == null) {
                throw new DatasetFormatException(file, 0, "is empty: a CSV table needs a header line");
            }
            if (!header.isEmpty() && header.charAt(0) == '\uFEFF') {
                header = header.substring(1); // a byte-order mark
            }
            List<String> names = new ArrayList<>();
            split(header, names, file, lineNumber);
            Set<String> seen = new HashSet<>();
            for (int k = 0; k < names.size(); k++) {
                String name = names.get(k) == null ? "" : names.get(k).strip();
                if (!seen.add(name)) {
                    throw new DatasetFormatException(
                            file, lineNumber, "the header names column '" + name + "' twice: " + names);
                }
                names.set(k, name);
            }
            return new CsvRows(file, reader, List.copyOf(names), lineNumber);
        } catch (IOException e) {
            closeQuietly(reader);
            throw LineReader.readError(file, 0, e);
        } catch (RuntimeException e) {
            closeQuietly(reader);
            throw e;
        }
    }

    @Override
    public Path file() {
        return file;
    }

    @Override
    public List<String> columns() {
        return columns;
    }

    @Override
    public ColumnType type(int column) {
        return ColumnType.TEXT;
    }

    @Override
    public boolean next() {
        try {
            String text;
            do {
                text = reader.readLine();
                if (text == null) {
                    return false;
                }
                line++;
            } while (text.isBlank());
            row++;
            fields.clear();
            split(text, fields, file, line);
            if (fields.size() != columns.size()) {
                throw new DatasetFormatException(
                        file,
                        line,
                        String.format(
                                Locale.ROOT,
                                "%d fields, but the header has %d columns %s",
                                fields.size(),
                                columns.size(),
                                columns));
            }
            return true;
        } catch (IOException e) {
            throw LineReader.readError(file, line, e);
        }
    }

    @Override
    public Object get(int column) {
        return fields.get(column);
    }

    @Override
    public long line() {
        return line;
    }

    @Override
    public long row() {
        return row;
    }

    @Override
    public void close() {
        try {
            reader.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Splits one CSV line into {@code out}: null for an empty unquoted field, quotes removed. */
    static void split(String text, List<String> out, Path file, long lineNumber) {
        int n = text.length();
        if (n > 0 && text.charAt(n - 1) == '\r') {
            n--;
        }
        int i = 0;
        while (true) {
            if (i < n && text.charAt(i) == '"') {
                StringBuilder b = new StringBuilder();
                i++;
                while (true) {
                    if (i >= n) {
                        throw new DatasetFormatException(
                                file, lineNumber, "a quoted field is not closed (a \" is missing)");
                    }
                    char c = text.charAt(i);
                    if (c == '\\' && i + 1 < n && text.charAt(i + 1) == '"') {
                        b.append('"');
                        i += 2;
                    } else if (c == '"' && i + 1 < n && text.charAt(i + 1) == '"') {
                        b.append('"');
                        i += 2;
                    } else if (c == '"') {
                        i++;
                        break;
                    } else {
                        b.append(c);
                        i++;
                    }
                }
                out.add(b.toString());
                if (i < n && text.charAt(i) != ',') {
                    throw new DatasetFormatException(
                            file,
                            lineNumber,
                            String.format(Locale.ROOT, "text after the closing quote of field %d", out.size()));
                }
            } else {
                int end = text.indexOf(',', i);
                if (end < 0 || end > n) {
                    end = n;
                }
                out.add(end == i ? null : text.substring(i, end));
                i = end;
            }
            if (i >= n) {
                return;
            }
            i++; // the comma
        }
    }

    private static void closeQuietly(BufferedReader reader) {
        try {
            reader.close();
        } catch (IOException ignored) {
            // already failing
        }
    }
}
