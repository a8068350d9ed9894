// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.spark.cli;

import io.github.gae4j.runtime.files.ModelDescription;
import io.github.gae4j.runtime.model.GraphAutoencoder;
import io.github.gae4j.runtime.train.TrainingResult;
import io.github.gae4j.spark.io.GraphTables;
import io.github.gae4j.spark.split.SplitTables;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The distributed work the commands ask for, each a call into one of gae-spark's engines (readers, split, trainer,
 * inference, top-k). The commands parse and check the options, build and save the model and write the outputs; the
 * engines do the work on the cluster. {@link EngineWiring} connects them.
 */
public interface SparkEngines {

    /**
     * The graph's tables, read and checked (missing columns, null or duplicate ids, edges without a feature row, a
     * feature width that varies: a {@code GaeException} naming the table and column, with counts).
     */
    GraphTables read(SparkSession spark, TableSource edges, TableSource features);

    /** The seeded 85/5/10 link split, with the rules of gae-core's LinkSplit. */
    SplitTables split(GraphTables graph, double valFraction, double testFraction, long seed);

    /**
     * Trains {@code model} in place (synchronous data-parallel steps; the evaluated weights, best validation epoch
     * unless the description keeps the last, are in {@code model} afterwards).
     */
    TrainingResult fit(
            GraphAutoencoder model, ModelDescription description, SplitTables split, ClusterSettings settings);

    /**
     * Every node's embedding (μ for variational models): {@code node_id} long, {@code z} array&lt;double&gt;.
     *
     * @param description the model's description (executors assemble the model from it)
     * @param model       the model with its trained weights, on the driver
     */
    Dataset<Row> embed(
            ModelDescription description, GraphAutoencoder model, GraphTables graph, ClusterSettings settings);

    /**
     * The most likely new links (the graph's edges are known links, never recommended): {@code src}, {@code dst} long,
     * {@code score} double (the decoder's probability), {@code rank} int from 1; each node's {@code k}, or with
     * {@code graphTop} the graph's {@code k} (each undirected pair once, ranks over the whole graph).
     */
    Dataset<Row> predict(
            ModelDescription description,
            GraphAutoencoder model,
            GraphTables graph,
            int k,
            boolean graphTop,
            Candidates candidates,
            ClusterSettings settings);

    /** Where the top-k candidates come from. */
    enum Candidates {
        /** Each node's 2-hop neighbourhood (capped by --halo-caps): for large graphs. */
        TWO_HOP,
        /** Every pair, in blocks: exact, for moderate node counts. */
        ALL_PAIRS
    }
}
