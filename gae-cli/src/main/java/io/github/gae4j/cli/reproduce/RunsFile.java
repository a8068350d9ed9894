// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.cli.reproduce;

import io.github.gae4j.core.error.DatasetFormatException;
import io.github.gae4j.core.error.GaeException;
import io.github.gae4j.core.io.IoErrors;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The per-seed record of reproduce runs, one CSV line per finished seed. Appending as each seed ends
 * keeps long cells (GraphMAE's GAT takes a quarter of an hour per seed) from being lost to an
 * interrupted run, and lets seed ranges run in separate processes or on separate machines and be
 * printed as one table afterwards.
 */
public final class RunsFile {

    static final String HEADER = "dataset,model,seed,epochs,threads,jdk,auc,ap,acc,nmi,ari,probe,seconds";
    private static final int COLUMNS = HEADER.split(",").length;

    private RunsFile() {}

    /**
     * Reads the runs a file already records, creating it with its header when it does not exist yet, so that
     * an unwritable path fails before the first seed trains rather than after it.
     */
    public static List<SeedRun> open(Path file) {
        if (Files.exists(file)) {
            return readAll(List.of(file));
        }
        try {
            Files.writeString(
                    file,
                    HEADER + System.lineSeparator(),
                    StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new GaeException("Cannot create runs file " + file + ": " + IoErrors.reason(e));
        }
        return List.of();
    }

    /** Appends one run, writing the header first when the file is new or empty. */
    public static void append(Path file, SeedRun run) {
        try {
            boolean fresh = !Files.exists(file) || Files.size(file) == 0;
            if (!fresh) {
                String first;
                try (var r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                    first = r.readLine();
                }
                if (!HEADER.equals(first)) {
                    throw new DatasetFormatException(
                            file,
                            1,
                            "not a runs file: expected the header '" + HEADER + "', found '" + first
                                    + "'; refusing to append to it");
                }
            }
            try (BufferedWriter w = Files.newBufferedWriter(
                    file, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
                if (fresh) {
                    w.write(HEADER);
                    w.newLine();
                }
                w.write(line(run));
                w.newLine();
            }
        } catch (IOException e) {
            throw new GaeException("Cannot write runs file " + file + ": " + e.getMessage(), e);
        }
    }

    static String line(SeedRun r) {
        if (r.dataset().contains(",") || r.model().contains(",") || r.jdk().contains(",")) {
            throw new IllegalArgumentException("A comma in a name of run " + r);
        }
        return String.join(
                ",",
                r.dataset(),
                r.model(),
                Integer.toString(r.seed()),
                Integer.toString(r.epochs()),
                Integer.toString(r.threads()),
                r.jdk(),
                number(r.auc()),
                number(r.ap()),
                number(r.acc()),
                number(r.nmi()),
                number(r.ari()),
                number(r.probe()),
                number(r.seconds()));
    }

    /** Full precision, so merged tables match the ones printed by the runs themselves; empty for NaN. */
    private static String number(double v) {
        return Double.isNaN(v) ? "" : Double.toString(v);
    }

    /**
     * Reads every run of a file, in order.
     *
     * @throws DatasetFormatException naming the file and line of a missing header, a wrong column count
     *                                or a field that is not a number
     */
    public static List<SeedRun> read(Path file) {
        return readLocated(file).stream().map(Located::run).toList();
    }

    /** A run and where it was read: the file and the 1-based line. */
    private record Located(SeedRun run, Path file, int line) {

        String where() {
            return file + ":" + line;
        }
    }

    private static List<Located> readLocated(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new GaeException("Runs file not found: " + file);
        } catch (IOException | UncheckedIOException e) {
            throw new GaeException("Cannot read runs file " + file + ": " + e.getMessage(), e);
        }
        if (lines.isEmpty() || !HEADER.equals(lines.get(0).strip())) {
            throw new DatasetFormatException(
                    file,
                    1,
                    "expected the header '" + HEADER + "'"
                            + (lines.isEmpty() ? ", the file is empty" : ", found '" + lines.get(0) + "'"));
        }
        List<Located> runs = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            String text = lines.get(i).strip();
            if (text.isEmpty()) {
                continue;
            }
            String[] f = text.split(",", -1);
            int lineNumber = i + 1;
            if (f.length != COLUMNS) {
                throw new DatasetFormatException(
                        file,
                        lineNumber,
                        String.format(
                                Locale.ROOT,
                                "expected %d comma-separated fields (%s), found %d",
                                COLUMNS,
                                HEADER,
                                f.length));
            }
            runs.add(new Located(
                    new SeedRun(
                            f[0],
                            f[1],
                            integer(f[2], "seed", file, lineNumber),
                            integer(f[3], "epochs", file, lineNumber),
                            integer(f[4], "threads", file, lineNumber),
                            f[5],
                            real(f[6], "auc", file, lineNumber),
                            real(f[7], "ap", file, lineNumber),
                            real(f[8], "acc", file, lineNumber),
                            real(f[9], "nmi", file, lineNumber),
                            real(f[10], "ari", file, lineNumber),
                            real(f[11], "probe", file, lineNumber),
                            real(f[12], "seconds", file, lineNumber)),
                    file,
                    lineNumber));
        }
        return runs;
    }

    /**
     * Reads the runs of several files as one record, refusing what would make a table lie: a model the table
     * does not know, the same seed of a cell twice, and a cell whose runs trained for different epochs.
     *
     * @throws DatasetFormatException naming the file and line of the offending run (and where its twin is)
     */
    public static List<SeedRun> readAll(List<Path> files) {
        if (files.isEmpty()) {
            throw new GaeException("No runs files given");
        }
        Map<String, Located> seen = new HashMap<>();
        Map<String, Located> firstOfCell = new HashMap<>();
        List<SeedRun> all = new ArrayList<>();
        for (Path file : files) {
            for (Located located : readLocated(file)) {
                SeedRun r = located.run();
                int line = located.line();
                if (!PaperTable.ROWS.containsKey(r.model())) {
                    throw new DatasetFormatException(
                            file, line, "unknown model '" + r.model() + "'; known models: " + PaperTable.ROWS.keySet());
                }
                String cell = r.dataset() + " " + r.model();
                Located twin = seen.putIfAbsent(cell + " seed " + r.seed(), located);
                if (twin != null) {
                    throw new DatasetFormatException(
                            file, line, cell + " seed " + r.seed() + " appears twice; first at " + twin.where());
                }
                Located first = firstOfCell.putIfAbsent(cell, located);
                if (first != null && first.run().epochs() != r.epochs()) {
                    throw new DatasetFormatException(
                            file,
                            line,
                            cell + " trained " + r.epochs()
                                    + " epochs here but " + first.run().epochs() + " at " + first.where()
                                    + "; one table cell must not mix them");
                }
                all.add(r);
            }
        }
        return all;
    }

    private static int integer(String field, String column, Path file, int line) {
        try {
            return Integer.parseInt(field);
        } catch (NumberFormatException e) {
            throw new DatasetFormatException(file, line, "column '" + column + "' is not an integer: '" + field + "'");
        }
    }

    private static double real(String field, String column, Path file, int line) {
        if (field.isEmpty()) {
            return Double.NaN;
        }
        try {
            double v = Double.parseDouble(field);
            if (!Double.isFinite(v)) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw new DatasetFormatException(
                    file, line, "column '" + column + "' is not a finite number: '" + field + "'");
        }
    }
}
