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

    private static final String MORE_MEMORY = "give the driver and executors more memory, e.g. spark-submit"
            + " --driver-memory 16g --executor-memory 16g or GAE_JAVA_OPTS=-Xmx16g ./gae-spark, or use more --blocks";

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
        } else if (outOfMemory(e)) {
            err.println("gae-spark: a task ran out of memory (java.lang.OutOfMemoryError): " + MORE_MEMORY);
            code = GaeCommand.FAILURE;
        } else if (sparkStopped(e)) {
            err.println("gae-spark: Spark stopped while the command ran: a task failed fatally (its error is in the log"
                    + " above; if it is java.lang.OutOfMemoryError, " + MORE_MEMORY + ")");
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

    /**
     * Whether {@code e} comes from a Spark context that was stopped under the command (an executor's fatal error,
     * such as running out of memory, stops it in local mode): the failure then surfaces as an odd exception in the
     * driver (a null scheduler, a stopped context), not as a bug of ours.
     */
    static boolean sparkStopped(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = t.getMessage() == null ? "" : t.getMessage();
            if (m.contains("stopped SparkContext")
                    || m.contains("SparkContext was shut down")
                    || m.contains("SparkContext.dagScheduler()")) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code e} is, or reports (a task's error travels to the driver as text), an OutOfMemoryError. */
    static boolean outOfMemory(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof OutOfMemoryError
                    || (t.getMessage() != null && t.getMessage().contains("OutOfMemoryError"))) {
                return true;
            }
        }
        return false;
    }

    /** Spark's messages can run over several lines (a query plan); the first says what went wrong. */
    static String firstLine(String message) {
        int newline = message.indexOf('\n');
        return (newline < 0 ? message : message.substring(0, newline)).strip();
    }
}
