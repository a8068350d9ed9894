// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.datasets.linqs;

import io.github.gae4j.core.error.DatasetFormatException;
import io.github.gae4j.core.io.IoErrors;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * The two files of a LINQS dataset: {@code <name>.content} (or {@code .content.gz}) and, by default,
 * the {@code <name>.cites} (or {@code .cites.gz}) next to it.
 *
 * @param name    the dataset name, e.g. {@code cora}
 * @param content the {@code .content} or {@code .content.gz} file
 * @param cites   the citations file
 */
public record LinqsFiles(String name, Path content, Path cites) {

    static final String CONTENT = ".content";
    static final String CITES = ".cites";
    static final String GZ = ".gz";

    public LinqsFiles {
        Objects.requireNonNull(name, "name is null");
        Objects.requireNonNull(content, "content is null");
        Objects.requireNonNull(cites, "cites is null");
    }

    /**
     * Resolves a directory holding exactly one {@code <name>.content(.gz)} and its
     * {@code <name>.cites(.gz)}, or the path of the {@code .content(.gz)} file itself.
     *
     * @throws DatasetFormatException (line 0) when the path or a file is missing or ambiguous
     */
    public static LinqsFiles resolve(Path path) {
        return resolve(path, null);
    }

    /**
     * As {@link #resolve(Path)}, but with an explicit citations file when {@code cites} is not null
     * (e.g. {@code planetoid/pubmed_nofeatures.content} with {@code planetoid/pubmed.cites}).
     *
     * @throws DatasetFormatException (line 0) when a path or file is missing or ambiguous
     */
    public static LinqsFiles resolve(Path path, Path cites) {
        Objects.requireNonNull(path, "path is null");
        Path content = contentFile(path);
        String name = datasetName(content.getFileName().toString());
        if (cites == null) {
            return new LinqsFiles(name, content, citesNextTo(content, name));
        }
        if (!Files.isRegularFile(cites)) {
            throw new DatasetFormatException(
                    cites,
                    0,
                    Files.exists(cites)
                            ? "not a regular file; option 'cites' of dataset loader 'linqs' must name the .cites file"
                            : "no such file (option 'cites' of dataset loader 'linqs')");
        }
        return new LinqsFiles(name, content, cites);
    }

    private static Path contentFile(Path path) {
        if (Files.isDirectory(path)) {
            return onlyContentFileIn(path);
        }
        if (!Files.exists(path)) {
            throw new DatasetFormatException(
                    path,
                    0,
                    "no such file or directory; option 'path' of dataset loader"
                            + " 'linqs' must name a directory with <name>.content(.gz) and <name>.cites, or the .content file");
        }
        if (datasetName(path.getFileName().toString()) == null) {
            throw new DatasetFormatException(
                    path,
                    0,
                    "not a LINQS .content or .content.gz file; pass the .content"
                            + " file or the directory that holds it and the .cites file");
        }
        return path;
    }

    private static Path onlyContentFileIn(Path dir) {
        List<Path> contents = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            files.filter(p -> datasetName(p.getFileName().toString()) != null && Files.isRegularFile(p))
                    .sorted()
                    .forEach(contents::add);
        } catch (IOException e) {
            throw new DatasetFormatException(dir, 0, "cannot list the directory: " + IoErrors.reason(e), e);
        }
        if (contents.isEmpty()) {
            throw new DatasetFormatException(dir, 0, "no <name>.content or <name>.content.gz file in this directory");
        }
        if (contents.size() > 1) {
            throw new DatasetFormatException(
                    dir,
                    0,
                    String.format(
                            Locale.ROOT,
                            "%d .content files in this directory (%s); pass the path of the one to load",
                            contents.size(),
                            String.join(
                                    ", ",
                                    contents.stream()
                                            .map(p -> p.getFileName().toString())
                                            .toList())));
        }
        return contents.get(0);
    }

    private static Path citesNextTo(Path content, String name) {
        Path dir = content.toAbsolutePath().getParent();
        Path plain = dir.resolve(name + CITES);
        Path gz = dir.resolve(name + CITES + GZ);
        boolean hasPlain = Files.isRegularFile(plain);
        boolean hasGz = Files.isRegularFile(gz);
        if (hasPlain && hasGz) {
            throw new DatasetFormatException(
                    dir,
                    0,
                    String.format(
                            Locale.ROOT,
                            "both %s and %s exist; keep one or name it with option 'cites'",
                            plain.getFileName(),
                            gz.getFileName()));
        }
        if (!hasPlain && !hasGz) {
            throw new DatasetFormatException(
                    plain,
                    0,
                    String.format(
                            Locale.ROOT,
                            "missing: %s needs %s (or %s) next to it, or name the citations file with option 'cites'",
                            content.getFileName(),
                            plain.getFileName(),
                            gz.getFileName()));
        }
        // resolveSibling keeps the caller's form of the path (relative stays relative) for messages.
        return content.resolveSibling(hasPlain ? plain.getFileName() : gz.getFileName());
    }

    /** {@code cora} for {@code cora.content} or {@code cora.content.gz}; null for anything else. */
    static String datasetName(String fileName) {
        String base = fileName.endsWith(GZ) ? fileName.substring(0, fileName.length() - GZ.length()) : fileName;
        if (base.endsWith(CONTENT) && base.length() > CONTENT.length()) {
            return base.substring(0, base.length() - CONTENT.length());
        }
        return null;
    }
}
