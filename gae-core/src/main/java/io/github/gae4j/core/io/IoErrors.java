// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.core.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/**
 * I/O failures in words for users: {@code PATH: permission denied} rather than the bare path that
 * {@link FileSystemException#getMessage()} often is, or a Java class name.
 */
public final class IoErrors {

    private IoErrors() {}

    /** One line: the file and what went wrong with it. */
    public static String describe(IOException e) {
        if (e instanceof FileSystemException f && f.getFile() != null) {
            String what = f instanceof NoSuchFileException
                    ? "not found (no such file or directory)"
                    : f instanceof AccessDeniedException
                            ? "permission denied"
                            : f instanceof FileAlreadyExistsException
                                    ? "already exists"
                                    : f instanceof NotDirectoryException
                                            ? "not a directory"
                                            : f instanceof DirectoryNotEmptyException
                                                    ? "directory not empty"
                                                    : f.getReason() != null
                                                            ? f.getReason().toLowerCase(java.util.Locale.ROOT)
                                                            : "cannot be read or written";
            // A path along the way that is a file: the OS says "Not a directory" for the whole path.
            return f.getFile() + (f.getOtherFile() != null ? " -> " + f.getOtherFile() : "") + ": " + what;
        }
        String message = e.getMessage();
        return message != null && !message.isBlank() ? message : "input/output error";
    }

    /**
     * What went wrong, without the file (for a message that names it already): {@code permission denied},
     * {@code not found (no such file or directory)}, or the exception's own message; never a class name.
     */
    public static String reason(Throwable e) {
        if (e instanceof UncheckedIOException u) {
            return reason(u.getCause());
        }
        if (e instanceof FileSystemException f && f.getFile() != null) {
            String full = describe(f);
            return full.substring(full.indexOf(": ", f.getFile().length()) + 2);
        }
        String message = e.getMessage();
        return message != null && !message.isBlank() ? message : "input/output error";
    }

    /** The same for an unchecked wrapper. */
    public static String describe(UncheckedIOException e) {
        return describe(e.getCause());
    }
}
