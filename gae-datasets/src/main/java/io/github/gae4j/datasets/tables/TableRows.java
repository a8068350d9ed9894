// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.datasets.tables;

import io.github.gae4j.core.error.DatasetFormatException;
import java.io.Closeable;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** The rows of one table file (a CSV file or a Parquet file), one at a time. */
interface TableRows extends Closeable {

    /** The file read. */
    Path file();

    /** The column names, in file order. */
    List<String> columns();

    /** The type of column {@code column} (an index into {@link #columns()}). */
    ColumnType type(int column);

    /** Moves to the next row; false at the end. */
    boolean next();

    /** The current row's value of column {@code column}: null, Long, BigDecimal, Double, String, Boolean or a List. */
    Object get(int column);

    /** The current row's 1-based line in a text file, or 0 where rows have no lines (Parquet). */
    long line();

    /** The current row's 1-based number among this file's data rows. */
    long row();

    /** Where the current row is, for messages: {@code line 12} or {@code row 12}. */
    default String where() {
        return line() > 0 ? "line " + line() : "row " + row();
    }

    /** A problem with the current row, naming the file and the line (CSV) or row (Parquet). */
    default DatasetFormatException error(String problem) {
        return line() > 0
                ? new DatasetFormatException(file(), line(), problem)
                : new DatasetFormatException(file(), 0, String.format(Locale.ROOT, "row %d: %s", row(), problem));
    }

    @Override
    void close();
}
