// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.spark.cli;

import io.github.gae4j.core.error.ConfigException;
import io.github.gae4j.spark.io.GraphReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A table the user named: where it is (a local path, or any URI Spark reads, e.g. {@code hdfs://} or {@code s3a://})
 * and its format.
 *
 * @param path   as given
 * @param format how to read it
 * @param option the option that named it, for messages
 */
public record TableSource(String path, GraphReader.Format format, String option) {

    public TableSource {
        Objects.requireNonNull(path, "path is null");
        Objects.requireNonNull(format, "format is null");
        Objects.requireNonNull(option, "option is null");
    }

    /**
     * The table at {@code path}: {@code format} if given, else by name ({@link GraphReader.Format#of}: {@code .csv},
     * {@code .csv.gz} are CSV, anything else Parquet). A local path must exist.
     *
     * @throws ConfigException for a local path that does not exist
     */
    public static TableSource of(String path, GraphReader.Format format, String option) {
        if (isLocal(path) && !Files.exists(Path.of(path))) {
            throw new ConfigException(path + ": not found (" + option + ")");
        }
        return new TableSource(path, format != null ? format : GraphReader.Format.of(path), option);
    }

    /** A path without a scheme ({@code hdfs://}, {@code s3a://}, {@code file:}) is on the driver's file system. */
    static boolean isLocal(String path) {
        return !path.matches("^[A-Za-z][A-Za-z0-9+.-]*:.*") || path.matches("^[A-Za-z]:[\\\\/].*");
    }
}
