// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.spark.io;

import io.github.gae4j.core.error.ConfigException;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;

/**
 * Writes result tables (embeddings, predictions) as Parquet, never replacing what is already at the path unless
 * asked to: an existing path without {@code force} is a {@link ConfigException} (an argument problem: the command
 * line exits with status 2), before any work is done.
 */
public final class TableWriter {

    private TableWriter() {}

    /**
     * Fails unless {@code path} is free or {@code force} is set; call it before a long computation so the user
     * learns early.
     *
     * @param option the option that named the path, for the message (e.g. {@code "--out"})
     */
    public static void checkWritable(SparkSession spark, String path, boolean force, String option) {
        if (!force && exists(spark, path)) {
            throw new ConfigException(path + ": exists; pass --force to replace it (" + option + ")");
        }
    }

    /** Writes {@code table} as Parquet at {@code path}, replacing an existing path only with {@code force}. */
    public static void parquet(Dataset<Row> table, String path, boolean force) {
        parquet(table, path, force, "--out");
    }

    /**
     * Writes {@code table} as Parquet at {@code path}, replacing an existing path only with {@code force}.
     *
     * @param option the option that named the path, for the message
     */
    public static void parquet(Dataset<Row> table, String path, boolean force, String option) {
        checkWritable(table.sparkSession(), path, force, option);
        table.write().mode(force ? SaveMode.Overwrite : SaveMode.ErrorIfExists).parquet(path);
    }

    private static boolean exists(SparkSession spark, String path) {
        Path p = new Path(path);
        try {
            FileSystem fs = p.getFileSystem(spark.sparkContext().hadoopConfiguration());
            return fs.exists(p);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot check whether " + path + " exists", e);
        }
    }
}
