// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.datasets;

import io.github.gae4j.core.error.DatasetFormatException;
import io.github.gae4j.core.io.IoErrors;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Chooses the dataset loader for a path by its file type, so a user can pass just a file:
 * <ul>
 *   <li>{@code npz}: {@code *.npz};</li>
 *   <li>{@code linqs}: {@code *.content} or {@code *.content.gz}, or a directory holding such a file;</li>
 *   <li>{@code snap}: {@code *.txt}, {@code *.edges}, {@code *.tsv}, {@code *.csv}, {@code *.el}, each also
 *   with {@code .gz}.</li>
 * </ul>
 * Suffixes are matched case-insensitively. A file need not exist to be classified by its suffix; a
 * directory is looked into.
 */
public final class DatasetFiles {

    /** The known file types, for messages. */
    public static final String KNOWN_TYPES = "*.npz (npz); *.content or *.content.gz, or a directory holding one"
            + " (linqs); *.txt, *.edges, *.tsv, *.csv, *.el, each optionally .gz (snap)";

    private static final List<String> SNAP_SUFFIXES = List.of(".txt", ".edges", ".tsv", ".csv", ".el");
    private static final String GZ = ".gz";

    private DatasetFiles() {}

    /**
     * The name of the loader for {@code path}: {@code "npz"}, {@code "linqs"} or {@code "snap"}.
     *
     * @throws DatasetFormatException naming the path and listing the known types when none fits
     */
    public static String loaderFor(Path path) {
        Objects.requireNonNull(path, "path is null");
        Path fileName = path.getFileName();
        String name = fileName == null ? "" : fileName.toString().toLowerCase(Locale.ROOT);
        if (Files.isDirectory(path)) {
            if (containsContentFile(path)) {
                return "linqs";
            }
            throw new DatasetFormatException(
                    path,
                    0,
                    "a directory without a <name>.content(.gz) file, so no"
                            + " dataset loader fits; pass a file instead. Known types: " + KNOWN_TYPES);
        }
        if (name.endsWith(".npz")) {
            return "npz";
        }
        String base = name.endsWith(GZ) ? name.substring(0, name.length() - GZ.length()) : name;
        if (base.endsWith(".content")) {
            return "linqs";
        }
        for (String suffix : SNAP_SUFFIXES) {
            if (base.endsWith(suffix)) {
                return "snap";
            }
        }
        throw new DatasetFormatException(
                path,
                0,
                "unknown dataset file type" + (Files.exists(path) ? "" : " (and no" + " such file)") + "; known types: "
                        + KNOWN_TYPES + ". Otherwise choose the loader by name");
    }

    private static boolean containsContentFile(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.anyMatch(p -> {
                String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
                return Files.isRegularFile(p) && (n.endsWith(".content") || n.endsWith(".content.gz"));
            });
        } catch (IOException e) {
            throw new DatasetFormatException(dir, 0, "cannot list the directory: " + IoErrors.reason(e), e);
        }
    }
}
