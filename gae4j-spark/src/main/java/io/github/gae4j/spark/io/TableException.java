// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.spark.io;

import io.github.gae4j.core.error.GaeException;
import java.util.Locale;

/**
 * Bad data in an input table (a missing column, null or non-integer ids, duplicate ids, edges to unknown nodes,
 * features of differing widths, ...): the message names the table (its path, or the name the caller gave it), the
 * column, and how many rows are affected, with examples. The command line exits with status 1 for it.
 */
public class TableException extends GaeException {

    private static final long serialVersionUID = 1L;

    private final String table;
    private final String column;

    /**
     * @param table   the table's path or name
     * @param column  the column at fault, or {@code null} when the problem is the table's
     * @param problem what is wrong, with counts and examples
     */
    public TableException(String table, String column, String problem) {
        super(format(table, column, problem));
        this.table = table;
        this.column = column;
    }

    /** The table's path or name. */
    public String table() {
        return table;
    }

    /** The column at fault, or {@code null} when the problem concerns the whole table. */
    public String column() {
        return column;
    }

    private static String format(String table, String column, String problem) {
        return column == null
                ? String.format(Locale.ROOT, "Table '%s': %s", table, problem)
                : String.format(Locale.ROOT, "Table '%s', column '%s': %s", table, column, problem);
    }
}
