// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.spark.cli;

import io.github.gae4j.core.error.ConfigException;
import io.github.gae4j.spark.io.GraphReader;
import picocli.CommandLine.Option;

/**
 * The graph as tables: {@code --edges} ({@code src}, {@code dst}, optional {@code weight}; long ids) and
 * {@code --features} ({@code id} and the feature vector), Parquet or CSV.
 */
final class TableOptions {

    @Option(
            names = "--edges",
            paramLabel = "PATH",
            description = "The edge table: columns src, dst (long ids), optional weight; each undirected edge once"
                    + " (Parquet, or CSV with a header).")
    String edges;

    @Option(
            names = "--features",
            paramLabel = "PATH",
            description = "The node table: column id (integer) and the features (an array column 'features', sparse"
                    + " indices/values/size, or columns f0, f1, ...); one row per node, every edge's ends included.")
    String features;

    @Option(
            names = "--format",
            paramLabel = "parquet|csv",
            description = "The tables' format (default: by name, .csv and .csv.gz are CSV, anything else Parquet).")
    GraphReader.Format format;

    /** The edge table, required. */
    TableSource edges() {
        if (edges == null) {
            throw new ConfigException("--edges PATH is required: the edge table (src, dst[, weight])");
        }
        return TableSource.of(edges, format, "--edges");
    }

    /**
     * The feature table, required: featureless models (X = I, one weight row per node) stay single-machine.
     */
    TableSource features() {
        if (features == null) {
            throw new ConfigException("--features PATH is required: gae-spark trains on node features; featureless"
                    + " models (X = I, a weight row per node) stay single-machine (gae train --features none)");
        }
        return TableSource.of(features, format, "--features");
    }
}
