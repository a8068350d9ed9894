// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.spark.io;

import static org.apache.spark.sql.functions.col;

import java.util.Locale;
import java.util.Objects;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;

/**
 * A graph as gae-spark holds it, after reading and checking: two DataFrames in gae4j's canonical schema.
 * <ul>
 *   <li>{@code edges}: {@code src} long, {@code dst} long, {@code weight} double (1.0 where the input had no
 *       weight column); undirected edges, each once, as given by the user (see the readers for what is
 *       canonicalised);</li>
 *   <li>{@code features}: {@code id} long, {@code features} array&lt;double&gt; of {@code featureWidth} values;
 *       one row per node: the node set of the graph is this table's ids.</li>
 * </ul>
 *
 * @param edges        the edge table
 * @param features     the node feature table
 * @param featureWidth the width of every feature row
 */
public record GraphTables(Dataset<Row> edges, Dataset<Row> features, int featureWidth) {

    public static final String SRC = "src";
    public static final String DST = "dst";
    public static final String WEIGHT = "weight";
    public static final String ID = "id";
    public static final String FEATURES = "features";

    public GraphTables {
        Objects.requireNonNull(edges, "edges is null");
        Objects.requireNonNull(features, "features is null");
        if (featureWidth < 1) {
            throw new IllegalArgumentException(
                    String.format(Locale.ROOT, "The feature width must be at least 1, got %d", featureWidth));
        }
    }

    /** Every edge of this graph in both directions: {@code src}, {@code dst}, {@code weight} (double). */
    public Dataset<Row> directedEdges() {
        return bothDirections(edges);
    }

    /** Every edge of an edge table ({@code src}, {@code dst}, {@code weight}) in both directions, weights as doubles. */
    public static Dataset<Row> bothDirections(Dataset<Row> edges) {
        Column w = col(WEIGHT).cast(DataTypes.DoubleType).as(WEIGHT);
        return edges.select(col(SRC), col(DST), w).union(edges.select(col(DST).as(SRC), col(SRC).as(DST), w));
    }
}
