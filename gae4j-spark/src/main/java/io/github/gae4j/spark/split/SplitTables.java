// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.spark.split;

import io.github.gae4j.spark.io.GraphTables;
import java.util.Objects;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * A link split held as DataFrames, with the rules of gae-core's {@code LinkSplit}: training edges (the graph the
 * encoder sees), and validation and test positives with as many negatives each (node pairs that are no edge of the
 * whole graph), disjoint. Every table has {@code src} and {@code dst} (long), each undirected pair once with
 * {@code src < dst}; {@code train} also has {@code weight}. {@code nodes} is the graph's feature table (all nodes,
 * also those left without training edges).
 */
public record SplitTables(
        Dataset<Row> train,
        Dataset<Row> valPositives,
        Dataset<Row> valNegatives,
        Dataset<Row> testPositives,
        Dataset<Row> testNegatives,
        GraphTables graph) {

    public SplitTables {
        Objects.requireNonNull(train, "train is null");
        Objects.requireNonNull(valPositives, "valPositives is null");
        Objects.requireNonNull(valNegatives, "valNegatives is null");
        Objects.requireNonNull(testPositives, "testPositives is null");
        Objects.requireNonNull(testNegatives, "testNegatives is null");
        Objects.requireNonNull(graph, "graph is null");
    }
}
