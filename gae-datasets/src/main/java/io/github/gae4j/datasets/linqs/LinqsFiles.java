package io.github.gae4j.datasets.linqs;

import io.github.gae4j.core.spi.DatasetFormatException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * The two files of a LINQS dataset: {@code <name>.content} (or {@code .content.gz}) and the
 * {@code <name>.cites} (or {@code .cites.gz}) next to it.
 *
 * @param name    the dataset name, e.g. {@code cora}
 * @param content the {@code .content} or {@code .content.gz} file
 * @param cites   the {@code .cites} or {@code .cites.gz} file
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
        Objects.requireNonNull(path, "path is null");
        if (Files.isDirectory(path)) {
            return inDirectory(path);
        }
        if (!Files.exists(path)) {
            throw new DatasetFormatException(path, 0, "no such file or directory; option 'path' of dataset loader"
                    + " 'linqs' must name a directory with <name>.content(.gz) and <name>.cites, or the .content file");
        }
        String fileName = path.getFileName().toString();
        String name = datasetName(fileName);
        if (name == null) {
            throw new DatasetFormatException(path, 0, "not a LINQS .content or .content.gz file; pass the .content"
                    + " file or the directory that holds it and the .cites file");
        }
        Path dir = path.toAbsolutePath().getParent();
        return new LinqsFiles(name, path, citesFor(dir, name, path));
    }

    private static LinqsFiles inDirectory(Path dir) {
        List<Path> contents = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            files.filter(p -> datasetName(p.getFileName().toString()) != null && Files.isRegularFile(p))
                    .sorted()
                    .forEach(contents::add);
        } catch (IOException e) {
            throw new DatasetFormatException(dir, 0, "cannot list the directory: " + e, e);
        }
        if (contents.isEmpty()) {
            throw new DatasetFormatException(dir, 0, "no <name>.content or <name>.content.gz file in this directory");
        }
        if (contents.size() > 1) {
            throw new DatasetFormatException(dir, 0, String.format(Locale.ROOT,
                    "%d .content files in this directory (%s); pass the path of the one to load",
                    contents.size(), fileNames(contents)));
        }
        Path content = contents.get(0);
        String name = datasetName(content.getFileName().toString());
        return new LinqsFiles(name, content, citesFor(dir, name, content));
    }

    private static Path citesFor(Path dir, String name, Path content) {
        Path plain = dir.resolve(name + CITES);
        Path gz = dir.resolve(name + CITES + GZ);
        boolean hasPlain = Files.isRegularFile(plain);
        boolean hasGz = Files.isRegularFile(gz);
        if (hasPlain && hasGz) {
            throw new DatasetFormatException(dir, 0, String.format(Locale.ROOT,
                    "both %s and %s exist; keep one", plain.getFileName(), gz.getFileName()));
        }
        if (!hasPlain && !hasGz) {
            throw new DatasetFormatException(plain, 0, String.format(Locale.ROOT,
                    "missing: %s needs %s (or %s) next to it", content.getFileName(), plain.getFileName(),
                    gz.getFileName()));
        }
        return hasPlain ? plain : gz;
    }

    /** {@code cora} for {@code cora.content} or {@code cora.content.gz}; null for anything else. */
    static String datasetName(String fileName) {
        String base = fileName.endsWith(GZ) ? fileName.substring(0, fileName.length() - GZ.length()) : fileName;
        if (base.endsWith(CONTENT) && base.length() > CONTENT.length()) {
            return base.substring(0, base.length() - CONTENT.length());
        }
        return null;
    }

    private static String fileNames(List<Path> paths) {
        return String.join(", ", paths.stream().map(p -> p.getFileName().toString()).toList());
    }
}
