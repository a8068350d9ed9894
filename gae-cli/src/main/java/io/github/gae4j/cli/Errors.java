// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.cli;

import io.github.gae4j.core.error.ConfigException;
import io.github.gae4j.core.error.GaeException;
import io.github.gae4j.core.io.IoErrors;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;

/**
 * What the user sees when a command fails: one line naming the file or option and the problem, and an exit
 * code; a stack trace only with {@code --debug}, or for an internal error (a bug), which asks for one.
 *
 * <ul>
 *   <li>{@link ConfigException}: a wrong option, name or value, on the command line or in a model file: exit 2.</li>
 *   <li>Any other {@link GaeException} (bad data, numerical trouble, a broken plugin) and I/O errors: exit 1.</li>
 *   <li>Anything else is gae4j's fault: exit 1 with "internal error", and the trace with {@code --debug}.</li>
 * </ul>
 */
final class Errors {

    private Errors() {}

    static int report(Exception e, PrintWriter err, boolean debug) {
        int code;
        if (e instanceof ConfigException) {
            err.println("gae: " + e.getMessage());
            code = GaeCommand.USAGE;
        } else if (e instanceof GaeException) {
            err.println("gae: " + e.getMessage());
            code = GaeCommand.FAILURE;
        } else if (e instanceof UncheckedIOException u) {
            err.println("gae: " + IoErrors.describe(u));
            code = GaeCommand.FAILURE;
        } else if (e instanceof IOException io) {
            err.println("gae: " + IoErrors.describe(io));
            code = GaeCommand.FAILURE;
        } else {
            String message =
                    e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
            err.println(
                    "gae: internal error: " + message
                            + (debug
                                    ? ""
                                    : " (a bug in gae4j: please report it with the output of the same command run with --debug)"));
            code = GaeCommand.FAILURE;
        }
        if (debug) {
            e.printStackTrace(err);
        }
        err.flush();
        return code;
    }
}
