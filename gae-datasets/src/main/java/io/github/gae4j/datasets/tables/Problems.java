// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.datasets.tables;

import io.github.gae4j.core.error.DatasetFormatException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Row problems of one table, counted over all its rows so that the error says how many rows are bad, and naming
 * the first bad row (file, line or row, column). Kinds are checked in the order they were declared: the order of
 * gae-spark's {@code GraphReader} checks, so both report the same problem first.
 */
final class Problems {

    /** One kind of problem: its text ({@code "have a null id"}) and what was seen of it. */
    static final class Kind {
        private final String text;
        private long count;
        private Path file;
        private long line;
        private long row;
        private String column;
        private String example;

        private Kind(String text) {
            this.text = text;
        }
    }

    private final List<Kind> kinds = new ArrayList<>();

    /** Declares a kind of problem, described as what the rows do ({@code "have a null id"}). */
    Kind kind(String text) {
        Kind k = new Kind(text);
        kinds.add(k);
        return k;
    }

    /** Counts a problem in the current row of {@code rows}; the first one is kept for the message. */
    void note(Kind kind, TableRows rows, String column, String example) {
        if (kind.count++ == 0) {
            kind.file = rows.file();
            kind.line = rows.line();
            kind.row = rows.row();
            kind.column = column;
            kind.example = example;
        }
    }

    /** Fails for the first declared kind that was seen, counting its rows among {@code rows} rows. */
    void throwFirst(long rows) {
        for (Kind k : kinds) {
            if (k.count > 0) {
                String problem = String.format(
                        Locale.ROOT,
                        "%scolumn '%s': %d of %d rows %s%s",
                        k.line > 0 ? "" : "row " + k.row + ", ",
                        k.column,
                        k.count,
                        rows,
                        k.text,
                        (k.example == null ? "" : "; here " + k.example)
                                + (k.count > 1 ? " (the first such row)" : ""));
                throw new DatasetFormatException(k.file, k.line, problem);
            }
        }
    }
}
