// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.spark.cli;

import io.github.gae4j.cli.GaeCommand;
import io.github.gae4j.core.error.ConfigException;
import io.github.gae4j.core.error.GaeException;
import io.github.gae4j.core.io.IoErrors;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import org.apache.spark.sql.AnalysisException;

/**
 * What the user sees when a command fails, as {@code gae} shows it: one line and an exit code, a stack trace only
 * with {@code --debug} or for an internal error. {@link ConfigException}: exit 2; other {@link GaeException}s, I/O
 * errors and Spark's analysis errors (a missing path, a table without the column asked for): exit 1.
 */
final class Failures {

    private Failures() {}

    static int report(Exception e, PrintWriter err, boolean debug) {
        int code;
        if (e instanceof ConfigException) {
            err.println("gae-spark: " + e.getMessage());
            code = GaeCommand.USAGE;
        } else if (e instanceof GaeException) {
            err.println("gae-spark: " + e.getMessage());
            code = GaeCommand.FAILURE;
        } else if (e instanceof UncheckedIOException u) {
            err.println("gae-spark: " + IoErrors.describe(u));
            code = GaeCommand.FAILURE;
        } else if (e instanceof IOException io) {
            err.println("gae-spark: " + IoErrors.describe(io));
            code = GaeCommand.FAILURE;
        } else if (e instanceof AnalysisException a) {
            err.println("gae-spark: " + firstLine(a.getMessage()));
            code = GaeCommand.FAILURE;
        } else {
            String message = e.getMessage() != null
                    ? firstLine(e.getMessage())
                    : e.getClass().getSimpleName();
            err.println("gae-spark: internal error: " + message
                    + (debug
                            ? ""
                            : " (a bug in gae4j: please report it with the output of the same command run with"
                                    + " --debug)"));
            code = GaeCommand.FAILURE;
        }
        if (debug) {
            e.printStackTrace(err);
        }
        err.flush();
        return code;
    }

    /** Spark's messages can run over several lines (a query plan); the first says what went wrong. */
    static String firstLine(String message) {
        int newline = message.indexOf('\n');
        return (newline < 0 ? message : message.substring(0, newline)).strip();
    }
}
