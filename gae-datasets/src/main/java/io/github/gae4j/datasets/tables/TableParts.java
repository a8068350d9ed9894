// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.datasets.tables;

import io.github.gae4j.core.error.DatasetFormatException;
import io.github.gae4j.core.io.IoErrors;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The files of a table: the file itself, or the data files of a folder as Spark writes it ({@code part-*}),
 * skipping what Spark's readers skip: hidden files ({@code .part-0.crc}, {@code _SUCCESS}, any name starting with
 * {@code .} or {@code _}).
 */
final class TableParts {

    private TableParts() {}

    /**
     * The files to read, sorted by name.
     *
     * @param option the loader option that named the path, for messages
     * @throws DatasetFormatException for a missing path, an empty folder or a subfolder (a partitioned table)
     */
    static List<Path> of(Path path, String option) {
        if (!Files.exists(path)) {
            throw new DatasetFormatException(
                    path,
                    0,
                    "no such file or folder (option '" + option + "' of dataset loader 'tables' names a table: a"
                            + " file, or a folder of part files as Spark writes it)");
        }
        if (!Files.isDirectory(path)) {
            return List.of(path);
        }
        List<Path> parts = new ArrayList<>();
        try (Stream<Path> entries = Files.list(path)) {
            for (Path p : entries.sorted().toList()) {
                String name = p.getFileName().toString();
                if (name.startsWith(".") || name.startsWith("_")) {
                    continue;
                }
                if (Files.isDirectory(p)) {
                    throw new DatasetFormatException(
                            p,
                            0,
                            "is a subfolder of the table folder; a partitioned table (folders such as key=value) is"
                                    + " not read: write the table without partitionBy, or name one part file");
                }
                parts.add(p);
            }
        } catch (IOException e) {
            throw new DatasetFormatException(path, 0, "cannot list the folder: " + IoErrors.reason(e), e);
        }
        if (parts.isEmpty()) {
            throw new DatasetFormatException(
                    path, 0, "the folder holds no part files (only hidden files such as _SUCCESS or .crc, or nothing)");
        }
        return parts;
    }
}
