// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.cli;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * Hands complete UTF-8 lines to a command's writer as they are printed, for the long-running tables
 * (reproduce, bench) that print to a {@link PrintStream} and fill row by row.
 */
final class LineForwarder extends OutputStream {

    private final PrintWriter out;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();

    private LineForwarder(PrintWriter out) {
        this.out = out;
    }

    /** A stream whose lines reach {@code out} as each one ends. */
    static PrintStream to(PrintWriter out) {
        return new PrintStream(new LineForwarder(out), true, StandardCharsets.UTF_8);
    }

    @Override
    public void write(int b) {
        line.write(b);
        if (b == '\n') {
            flush();
        }
    }

    @Override
    public void flush() {
        out.print(line.toString(StandardCharsets.UTF_8));
        out.flush();
        line.reset();
    }
}
