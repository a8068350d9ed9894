// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.core.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFileAttributeView;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Atomic file writes: the bytes go to a temporary sibling {@code .NAME.PID.RANDOM.part}, are forced to disk and
 * renamed over {@code NAME}, so a reader (or a killed run) sees the old file or the new one, never half of one.
 *
 * <p>The temporary file is created as an ordinary file is ({@code 0666} less the umask), not with
 * {@link Files#createTempFile}'s {@code 0600}, which the rename would hand on to the result; a file that is
 * replaced keeps its permissions. The writer's process id in the name tells a stale temporary file (its writer
 * is gone, e.g. killed) from one being written, so {@link #removeStale} deletes only the former.
 */
public final class AtomicFiles {

    /** The suffix of every temporary file written here. */
    public static final String SUFFIX = ".part";
    /** Temporary files of earlier versions carry no process id; they count as stale after this long. */
    static final Duration LEGACY_STALE_AFTER = Duration.ofMinutes(10);
    // .NAME.PID.HEX.part (this version) or .NAMEdigits.part / .NAME.digits.part (Files.createTempFile's names).
    private static final Pattern WITH_PID = Pattern.compile("\\.(.+)\\.(\\d+)\\.([0-9a-f]{16})\\.part");
    private static final Pattern LEGACY = Pattern.compile("\\.(.+?)\\.?(\\d+)\\.part");
    private static final SecureRandom RANDOM = new SecureRandom();

    /** Writes the bytes {@code body} produces. */
    @FunctionalInterface
    public interface Body {
        void writeTo(OutputStream out) throws IOException;
    }

    private AtomicFiles() {}

    /**
     * Writes {@code target} atomically (creating its folder if missing); on failure the temporary file is removed
     * and {@code target} is as it was.
     */
    public static void write(Path target, Body body) throws IOException {
        Path tmp = newTempSibling(target);
        boolean moved = false;
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE);
                    OutputStream out = Channels.newOutputStream(ch)) {
                body.writeTo(out);
                out.flush();
                ch.force(true);
            }
            moveIntoPlace(tmp, target);
            moved = true;
        } finally {
            if (!moved) {
                deleteQuietly(tmp);
            }
        }
    }

    /** Writes {@code text} as UTF-8, atomically. */
    public static void writeString(Path target, String text) throws IOException {
        byte[] bytes = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        write(target, out -> out.write(bytes));
    }

    /**
     * Creates an empty temporary sibling of {@code target} to write and then {@link #moveIntoPlace}; the caller
     * deletes it if the write fails.
     */
    public static Path newTempSibling(Path target) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path dir = absolute.getParent();
        Files.createDirectories(dir);
        String name = absolute.getFileName().toString();
        for (int attempt = 0; ; attempt++) {
            Path tmp = dir.resolve(tempName(name, ProcessHandle.current().pid(), RANDOM.nextLong()));
            try {
                // CREATE_NEW with no explicit attributes: the default mode, umask applied.
                Files.newByteChannel(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)
                        .close();
                copyPermissions(absolute, tmp);
                return tmp;
            } catch (java.nio.file.FileAlreadyExistsException e) {
                if (attempt > 10) {
                    throw e;
                }
            }
        }
    }

    /** Renames {@code tmp} over {@code target}, atomically where the file system can. */
    public static void moveIntoPlace(Path tmp, Path target) throws IOException {
        try {
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** The name of a temporary file for {@code name}, written by process {@code pid}. */
    static String tempName(String name, long pid, long random) {
        return "." + name + "." + pid + "." + HexFormat.of().toHexDigits(random) + SUFFIX;
    }

    /** The file a temporary file's name belongs to (e.g. {@code checkpoint.gae4j}), if it is one of ours. */
    public static Optional<String> targetOf(String tempFileName) {
        Matcher m = WITH_PID.matcher(tempFileName);
        if (m.matches()) {
            return Optional.of(m.group(1));
        }
        Matcher legacy = LEGACY.matcher(tempFileName);
        return legacy.matches() ? Optional.of(legacy.group(1)) : Optional.empty();
    }

    /**
     * Deletes the stale temporary files in {@code dir} of the files named {@code targets}: those whose writing
     * process is no longer running (or, without a process id in the name, older than ten minutes). Files of
     * other names, and temporary files still being written, are left alone. Returns the files deleted.
     */
    public static List<Path> removeStale(Path dir, Collection<String> targets) throws IOException {
        List<Path> removed = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return removed;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "." + "*" + SUFFIX)) {
            for (Path file : files) {
                String name = file.getFileName().toString();
                Optional<String> target = targetOf(name);
                if (target.isPresent()
                        && targets.contains(target.get())
                        && Files.isRegularFile(file)
                        && isStale(file, name)) {
                    Files.deleteIfExists(file);
                    removed.add(file);
                }
            }
        }
        return removed;
    }

    private static boolean isStale(Path file, String name) throws IOException {
        Matcher m = WITH_PID.matcher(name);
        if (m.matches()) {
            long pid;
            try {
                pid = Long.parseLong(m.group(2));
            } catch (NumberFormatException e) {
                return false;
            }
            return pid != ProcessHandle.current().pid()
                    && ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true);
        }
        FileTime modified = Files.getLastModifiedTime(file);
        return modified.toInstant().isBefore(Instant.now().minus(LEGACY_STALE_AFTER));
    }

    private static void copyPermissions(Path from, Path to) throws IOException {
        PosixFileAttributeView view = Files.getFileAttributeView(from, PosixFileAttributeView.class);
        if (view != null && Files.isRegularFile(from)) {
            Files.setPosixFilePermissions(to, Files.getPosixFilePermissions(from));
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // the write already failed; that error is the one to report
        }
    }
}
