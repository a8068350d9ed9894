// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.spark.cli;

import io.github.gae4j.cli.run.RunDirectory;
import io.github.gae4j.core.error.ConfigException;
import io.github.gae4j.spark.io.TableWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * A Parquet output (a folder Spark writes, on the driver's file system or any URI Spark writes to), never replaced
 * without {@code --force}: checked before any work, written once the work is done.
 *
 * @param path   as given
 * @param force  whether an existing output may be replaced
 * @param option the option that named it, for messages
 */
record ParquetOutput(String path, boolean force, String option) {

    /**
     * The output, checked where it can be without Spark: a local path must not exist (without {@code --force}) and
     * its folder must be writable.
     */
    static ParquetOutput of(String path, boolean force, String option) {
        if (TableSource.isLocal(path)) {
            Path local = Path.of(path);
            if (Files.exists(local) && !force) {
                throw existing(path, option);
            }
            Path parent = local.toAbsolutePath().getParent();
            if (parent != null) {
                RunDirectory.checkOutputFolder(parent);
            }
        }
        return new ParquetOutput(path, force, option);
    }

    /** The same check on Spark's file system (HDFS, S3, ...), once a session exists and before the work starts. */
    void check(SparkSession spark) {
        TableWriter.checkWritable(spark, path, force, option);
    }

    /** Writes {@code table} here (replacing what is there only with {@code --force}). */
    void write(Dataset<Row> table) {
        TableWriter.parquet(table, path, force, option);
    }

    private static ConfigException existing(String path, String option) {
        return new ConfigException(path + ": exists; pass --force to replace it (" + option + ")");
    }
}
