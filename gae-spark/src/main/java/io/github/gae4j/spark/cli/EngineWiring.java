// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.spark.cli;

import io.github.gae4j.core.error.GaeException;
import io.github.gae4j.runtime.files.ModelDescription;
import io.github.gae4j.runtime.model.GraphAutoencoder;
import io.github.gae4j.runtime.train.TrainingResult;
import io.github.gae4j.spark.io.GraphTables;
import io.github.gae4j.spark.split.SplitTables;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The one place the command line meets the engines: each method calls one engine of gae-spark.
 *
 * <p>WIRING: until an engine is connected its method fails with a one-line message (exit 1). Connect them here:
 * {@code read} to spark.io's reader (with its validation), {@code split} to {@code SparkLinkSplit.split}, {@code fit}
 * to spark.train's {@code SparkTrainer}, {@code embed} to spark.infer, {@code predict} to spark.predict.
 */
final class EngineWiring implements SparkEngines {

    private EngineWiring() {}

    static SparkEngines engines() {
        return new EngineWiring();
    }

    @Override
    public GraphTables read(SparkSession spark, TableSource edges, TableSource features) {
        throw notConnected("reading the tables (spark.io)");
    }

    @Override
    public SplitTables split(GraphTables graph, double valFraction, double testFraction, long seed) {
        throw notConnected("the distributed link split (SparkLinkSplit)");
    }

    @Override
    public TrainingResult fit(
            GraphAutoencoder model, ModelDescription description, SplitTables split, ClusterSettings settings) {
        throw notConnected("distributed training (SparkTrainer)");
    }

    @Override
    public Dataset<Row> embed(GraphAutoencoder model, GraphTables graph, ClusterSettings settings) {
        throw notConnected("distributed inference (spark.infer)");
    }

    @Override
    public Dataset<Row> predict(
            GraphAutoencoder model, GraphTables graph, int k, Candidates candidates, ClusterSettings settings) {
        throw notConnected("distributed top-k links (spark.predict)");
    }

    private static GaeException notConnected(String what) {
        return new GaeException(what + " is not connected in this build of gae-spark");
    }
}
