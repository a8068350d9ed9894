// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.datasets.catalog;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Where a named dataset was found.
 *
 * @param entry      the catalog entry
 * @param root       the data root holding every file
 * @param source     where that root came from ({@code option data-dir}, …)
 * @param downloaded the files downloaded for this resolution (empty when all were present)
 * @param verified   the files whose SHA-256 was checked (downloaded ones always are)
 */
public record ResolvedDataset(
        CatalogEntry entry, Path root, String source, List<Path> downloaded, List<Path> verified) {

    public ResolvedDataset {
        Objects.requireNonNull(entry, "entry is null");
        Objects.requireNonNull(root, "root is null");
        Objects.requireNonNull(source, "source is null");
        downloaded = List.copyOf(downloaded);
        verified = List.copyOf(verified);
    }

    /** The absolute path of the file bound to loader option {@code option}. */
    public Path file(String option) {
        return entry.files().stream()
                .filter(f -> f.option().equals(option))
                .findFirst()
                .map(f -> f.resolveIn(root))
                .orElseThrow(() -> new IllegalArgumentException(
                        "Dataset '" + entry.name() + "' has no file for option '" + option + "'"));
    }

    /** The options for the entry's loader: the files' absolute paths plus the entry's literal options. */
    public Map<String, String> loaderOptions() {
        return entry.loaderOptions(root);
    }
}
