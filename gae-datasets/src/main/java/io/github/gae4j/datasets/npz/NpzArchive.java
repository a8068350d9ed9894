// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.datasets.npz;

import io.github.gae4j.core.error.DatasetFormatException;
import io.github.gae4j.core.io.IoErrors;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;

/**
 * A numpy {@code .npz} archive: a zip file (STORED or DEFLATEd entries) with one {@code <key>.npy} array per
 * entry, read with {@link java.util.zip}. Arrays are addressed by key (the entry name without {@code .npy}).
 * Every problem fails with a {@link DatasetFormatException} naming the archive and, where there is one, the
 * entry. A damaged or truncated archive is scanned from the start to name the entry where it breaks.
 */
public final class NpzArchive implements Closeable {

    /** The suffix of array entries. */
    public static final String NPY = ".npy";

    private final Path file;
    private final ZipFile zip;
    private final Map<String, ZipEntry> arrays;
    private final List<String> otherEntries;

    private NpzArchive(Path file, ZipFile zip, Map<String, ZipEntry> arrays, List<String> otherEntries) {
        this.file = file;
        this.zip = zip;
        this.arrays = arrays;
        this.otherEntries = otherEntries;
    }

    /**
     * Opens an archive and lists its entries (no data is read yet).
     *
     * @throws DatasetFormatException for a missing file, a directory, or a file that is not a readable zip archive
     */
    public static NpzArchive open(Path file) {
        if (!Files.exists(file)) {
            throw new DatasetFormatException(file, 0, "no such file; the npz loader needs the path of a .npz archive");
        }
        if (Files.isDirectory(file)) {
            throw new DatasetFormatException(
                    file, 0, "is a directory; the npz loader needs the path of a .npz archive");
        }
        ZipFile zip;
        try {
            zip = new ZipFile(file.toFile());
        } catch (IOException e) {
            throw diagnose(file, e);
        }
        Map<String, ZipEntry> arrays = new LinkedHashMap<>();
        List<String> others = new ArrayList<>();
        zip.stream().forEach(entry -> {
            String name = entry.getName();
            if (!entry.isDirectory() && name.endsWith(NPY) && name.length() > NPY.length()) {
                arrays.putIfAbsent(name.substring(0, name.length() - NPY.length()), entry);
            } else {
                others.add(name);
            }
        });
        return new NpzArchive(file, zip, arrays, others);
    }

    public Path file() {
        return file;
    }

    /** The array keys in archive order (entry names without {@code .npy}). */
    public List<String> keys() {
        return List.copyOf(arrays.keySet());
    }

    /** Entries that are not {@code .npy} arrays (directories, other files). */
    public List<String> otherEntries() {
        return Collections.unmodifiableList(otherEntries);
    }

    public boolean has(String key) {
        return arrays.containsKey(key);
    }

    /** The entry name of a key: {@code key + ".npy"}. */
    public static String entryName(String key) {
        return key + NPY;
    }

    /** Reads only the header of an array (cheap even for large arrays). */
    public NpyHeader header(String key) {
        try (InputStream in = open(key)) {
            return NpyHeader.read(in, file, entryName(key));
        } catch (IOException e) {
            throw NpyHeader.fail(file, entryName(key), "cannot read: " + IoErrors.reason(e), e);
        }
    }

    /**
     * Reads an array: header and data.
     *
     * @throws DatasetFormatException naming the entry for a truncated entry, a pickled object array, an unsupported
     *                                dtype, or data whose size does not match the shape
     */
    public NpyArray read(String key) {
        try (InputStream in = open(key)) {
            return NpyArray.read(in, file, entryName(key));
        } catch (IOException e) {
            throw NpyHeader.fail(file, entryName(key), "cannot read: " + IoErrors.reason(e), e);
        }
    }

    private InputStream open(String key) {
        ZipEntry entry = arrays.get(key);
        if (entry == null) {
            throw new DatasetFormatException(file, 0, "missing entry '" + entryName(key) + "'");
        }
        try {
            return zip.getInputStream(entry);
        } catch (ZipException e) {
            throw NpyHeader.fail(file, entryName(key), "corrupt zip entry (" + e.getMessage() + ")", e);
        } catch (IOException e) {
            throw NpyHeader.fail(file, entryName(key), "cannot open: " + IoErrors.reason(e), e);
        }
    }

    @Override
    public void close() {
        try {
            zip.close();
        } catch (IOException ignored) {
            // Read-only: nothing is lost.
        }
    }

    /**
     * Explains why {@link ZipFile} could not open the file: empty, not a zip at all (e.g. a bare {@code .npy}),
     * or a zip whose end is missing; in the last case the entries are read in order to name where it breaks.
     */
    static DatasetFormatException diagnose(Path file, IOException cause) {
        byte[] head = new byte[6];
        long size;
        int got;
        try (InputStream in = Files.newInputStream(file)) {
            size = Files.size(file);
            got = in.readNBytes(head, 0, head.length);
        } catch (IOException e) {
            return new DatasetFormatException(file, 0, "cannot read: " + IoErrors.reason(e), e);
        }
        if (size == 0) {
            return new DatasetFormatException(file, 0, "empty file (0 bytes): not an .npz archive", cause);
        }
        if (got >= 6 && head[0] == NpyHeader.MAGIC[0] && head[1] == 'N' && head[2] == 'U') {
            return new DatasetFormatException(
                    file, 0, "a single .npy array, not an .npz (zip) archive of arrays", cause);
        }
        if (got < 4 || head[0] != 'P' || head[1] != 'K' || head[2] != 3 || head[3] != 4) {
            return new DatasetFormatException(
                    file,
                    0,
                    "not an .npz archive: a zip file starts with 'PK\\x03\\x04' (" + cause.getMessage() + ")",
                    cause);
        }
        String lastComplete = null;
        String current = null;
        long bytes = 0;
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(file))) {
            byte[] buf = new byte[1 << 16];
            ZipEntry e;
            while ((e = in.getNextEntry()) != null) {
                current = e.getName();
                bytes = 0;
                int r;
                while ((r = in.read(buf)) >= 0) {
                    bytes += r;
                }
                lastComplete = current;
                current = null;
            }
        } catch (IOException e) {
            String where = current != null
                    ? String.format(Locale.ROOT, "entry '%s' is cut off after %d bytes", current, bytes)
                    : lastComplete != null
                            ? "it breaks after entry '" + lastComplete + "'"
                            : "it breaks in the first entry's header";
            return new DatasetFormatException(
                    file,
                    0,
                    String.format(
                            Locale.ROOT,
                            "truncated or corrupt zip archive (%s): %s (%s)",
                            cause.getMessage(),
                            where,
                            e.getMessage()),
                    cause);
        }
        return new DatasetFormatException(
                file,
                0,
                String.format(
                        Locale.ROOT,
                        "truncated or corrupt zip archive (%s): every entry up to '%s' is complete, but the central directory"
                                + " at the end of the file is missing or damaged",
                        cause.getMessage(),
                        lastComplete),
                cause);
    }
}
