// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.cli.predict;

import io.github.gae4j.core.error.GaeException;
import io.github.gae4j.runtime.predict.NodePair;
import io.github.gae4j.runtime.predict.UnknownNodeException;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The {@code --pairs} file of {@code gae predict}: one pair of original node ids a line, read in chunks so a file of
 * any length is scored in bounded memory.
 *
 * <ul>
 *   <li>The separator is taken from the first pair line: a tab (TSV), else a comma (CSV, with double-quoted fields
 *       where an id holds a comma or a quote), else runs of spaces (as SNAP edge lists).
 *   <li>An optional header {@code source,target} (any case) on the first pair line is skipped.
 *   <li>Blank lines and lines starting with {@code #} are skipped; ids are trimmed.
 * </ul>
 *
 * Every problem names the file and the line: a wrong number of fields, an empty id, and ({@link #check}) ids the
 * model's graph does not have, the first few with the lines they are on.
 */
public final class PairsFile {

    /** A pair of the file and the line it is on (1-based). */
    public record Line(long number, NodePair pair) {}

    /** Receives the pairs a chunk at a time, in file order. */
    @FunctionalInterface
    public interface ChunkConsumer {
        void accept(List<Line> chunk) throws IOException;
    }

    private enum Separator {
        TAB("a tab"),
        COMMA("a comma"),
        SPACES("spaces");

        final String description;

        Separator(String description) {
            this.description = description;
        }
    }

    /** How many unknown ids a message names (as {@link UnknownNodeException} does). */
    private static final int NAMED = 5;

    private final Path file;

    public PairsFile(Path file) {
        this.file = Objects.requireNonNull(file, "file is null");
    }

    public Path file() {
        return file;
    }

    /**
     * Reads the whole file once without keeping it, checking its form and that {@code known} accepts every id;
     * returns the number of pairs. Fails with {@link UnknownNodeException} naming the file, the first few unknown
     * ids, their count and the lines of those named.
     */
    public long check(Predicate<String> known) throws IOException {
        Map<String, Long> unknown = new LinkedHashMap<>();
        long[] pairs = {0};
        forEachChunk(8192, chunk -> {
            for (Line line : chunk) {
                pairs[0]++;
                for (String id : List.of(line.pair().source(), line.pair().target())) {
                    if (!known.test(id)) {
                        unknown.putIfAbsent(id, line.number());
                    }
                }
            }
        });
        if (!unknown.isEmpty()) {
            List<Long> lines =
                    unknown.values().stream().limit(NAMED).distinct().sorted().toList();
            String where = lines.size() == 1
                    ? file + ", line " + lines.get(0)
                    : file + ", lines " + lines.stream().map(String::valueOf).collect(Collectors.joining(", "));
            throw new UnknownNodeException(where, List.copyOf(unknown.keySet()));
        }
        return pairs[0];
    }

    /** Reads the pairs in file order, handing them on {@code size} at a time (the last chunk may be smaller). */
    public void forEachChunk(int size, ChunkConsumer consumer) throws IOException {
        if (size < 1) {
            throw new IllegalArgumentException("chunk size must be at least 1, got " + size);
        }
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            Separator separator = null;
            List<Line> chunk = new ArrayList<>(size);
            long number = 0;
            for (String text = in.readLine(); text != null; text = in.readLine()) {
                number++;
                String stripped = text.strip();
                if (stripped.isEmpty() || stripped.startsWith("#")) {
                    continue;
                }
                boolean first = separator == null;
                if (first) {
                    separator = detect(stripped, number);
                }
                List<String> fields = split(stripped, separator, number);
                if (first
                        && fields.size() == 2
                        && fields.get(0).equalsIgnoreCase("source")
                        && fields.get(1).equalsIgnoreCase("target")) {
                    continue;
                }
                if (fields.size() != 2) {
                    throw problem(
                            number,
                            String.format(
                                    Locale.ROOT,
                                    "%d %s, expected 2 (source and target separated by %s, as on the first pair"
                                            + " line)",
                                    fields.size(),
                                    fields.size() == 1 ? "field" : "fields",
                                    separator.description));
                }
                if (fields.get(0).isEmpty()) {
                    throw problem(number, "the source id is empty");
                }
                if (fields.get(1).isEmpty()) {
                    throw problem(number, "the target id is empty");
                }
                chunk.add(new Line(number, new NodePair(fields.get(0), fields.get(1))));
                if (chunk.size() == size) {
                    consumer.accept(chunk);
                    chunk = new ArrayList<>(size);
                }
            }
            if (!chunk.isEmpty()) {
                consumer.accept(chunk);
            }
        }
    }

    private Separator detect(String line, long number) {
        if (line.indexOf('\t') >= 0) {
            return Separator.TAB;
        }
        if (line.indexOf(',') >= 0) {
            return Separator.COMMA;
        }
        if (line.indexOf(' ') >= 0) {
            return Separator.SPACES;
        }
        throw problem(number, "expected two node ids separated by a tab, a comma or spaces, got '" + line + "'");
    }

    private List<String> split(String line, Separator separator, long number) {
        return switch (separator) {
            case TAB -> trimmed(line.split("\t", -1));
            case SPACES -> List.of(line.split(" +", -1));
            case COMMA -> csv(line, number);
        };
    }

    private static List<String> trimmed(String[] fields) {
        List<String> out = new ArrayList<>(fields.length);
        for (String f : fields) {
            out.add(f.strip());
        }
        return out;
    }

    /** One CSV line: fields split at commas outside double quotes; a quoted field's {@code ""} is a quote. */
    private List<String> csv(String line, long number) {
        List<String> out = new ArrayList<>(2);
        StringBuilder field = new StringBuilder();
        int i = 0;
        while (true) {
            while (i < line.length() && line.charAt(i) == ' ') {
                i++;
            }
            if (i < line.length() && line.charAt(i) == '"') {
                i++;
                boolean closed = false;
                while (i < line.length()) {
                    char c = line.charAt(i++);
                    if (c != '"') {
                        field.append(c);
                    } else if (i < line.length() && line.charAt(i) == '"') {
                        field.append('"');
                        i++;
                    } else {
                        closed = true;
                        break;
                    }
                }
                if (!closed) {
                    throw problem(number, "a quoted id is not closed (a \" is missing)");
                }
                while (i < line.length() && line.charAt(i) == ' ') {
                    i++;
                }
                if (i < line.length() && line.charAt(i) != ',') {
                    throw problem(number, "text after a quoted id: expected a comma or the end of the line");
                }
                out.add(field.toString());
            } else {
                int end = line.indexOf(',', i);
                out.add(line.substring(i, end < 0 ? line.length() : end).strip());
                i = end < 0 ? line.length() : end;
            }
            field.setLength(0);
            if (i >= line.length()) {
                return out;
            }
            i++; // the comma
            if (i == line.length()) {
                out.add("");
                return out;
            }
        }
    }

    private GaeException problem(long line, String what) {
        return new GaeException(file + ", line " + line + ": " + what);
    }
}
