// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.spark.cli;

import io.github.gae4j.core.error.ConfigException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;

/**
 * A table the user named: where it is (a local path, or any URI Spark reads, e.g. {@code hdfs://} or {@code s3a://})
 * and its format.
 *
 * @param path   as given
 * @param format how to read it
 * @param option the option that named it, for messages
 */
public record TableSource(String path, Format format, String option) {

    /** The file formats gae-spark reads. */
    public enum Format {
        PARQUET,
        CSV;

        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public TableSource {
        Objects.requireNonNull(path, "path is null");
        Objects.requireNonNull(format, "format is null");
        Objects.requireNonNull(option, "option is null");
    }

    /**
     * The table at {@code path}: {@code format} if given, else by extension ({@code .csv}, {@code .csv.gz},
     * {@code .tsv} are CSV), else Parquet (a folder Spark wrote). A local path must exist.
     *
     * @throws ConfigException for a local path that does not exist
     */
    public static TableSource of(String path, Format format, String option) {
        if (isLocal(path) && !Files.exists(Path.of(path))) {
            throw new ConfigException(path + ": not found (" + option + ")");
        }
        return new TableSource(path, format != null ? format : byExtension(path), option);
    }

    static Format byExtension(String path) {
        String name = path.toLowerCase(Locale.ROOT).replaceFirst("/+$", "");
        return name.endsWith(".csv") || name.endsWith(".csv.gz") || name.endsWith(".tsv") || name.endsWith(".tsv.gz")
                ? Format.CSV
                : Format.PARQUET;
    }

    /** A path without a scheme ({@code hdfs://}, {@code s3a://}, {@code file:}) is on the driver's file system. */
    static boolean isLocal(String path) {
        return !path.matches("^[A-Za-z][A-Za-z0-9+.-]*:.*") || path.matches("^[A-Za-z]:[\\\\/].*");
    }
}
