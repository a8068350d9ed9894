// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.core.error;

import java.nio.file.Path;
import java.util.Locale;

/** Malformed or missing input data; the message names the file, the line (or entry) and the problem. */
public class DatasetFormatException extends GaeException {

    private static final long serialVersionUID = 1L;

    private final transient Path file;
    private final long line;

    /** @param line 1-based line number, or 0 when the problem is not tied to a line */
    public DatasetFormatException(Path file, long line, String problem) {
        super(format(file, line, problem));
        this.file = file;
        this.line = line;
    }

    public DatasetFormatException(Path file, long line, String problem, Throwable cause) {
        super(format(file, line, problem), cause);
        this.file = file;
        this.line = line;
    }

    public Path file() {
        return file;
    }

    public long line() {
        return line;
    }

    private static String format(Path file, long line, String problem) {
        return line > 0
                ? String.format(Locale.ROOT, "%s:%d: %s", file, line, problem)
                : String.format(Locale.ROOT, "%s: %s", file, problem);
    }
}
