// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.spark.bench;

import io.github.gae4j.runtime.files.ModelDescription;
import io.github.gae4j.runtime.model.ModelSpec;
import io.github.gae4j.runtime.train.TrainerConfig;
import io.github.gae4j.spark.infer.DistributedEmbedding;
import io.github.gae4j.spark.io.GraphTables;
import io.github.gae4j.spark.model.ModelCarrier;
import io.github.gae4j.spark.split.SparkLinkSplit;
import io.github.gae4j.spark.split.SplitTables;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * gae-spark's own engines for the scale bench: {@link SparkLinkSplit} and {@link DistributedEmbedding} (layer by
 * layer) with a GAE of gae4j's default GCN encoder. Training is not wired yet: {@link #train} is empty until
 * SparkTrainer is merged, and the embedding then runs with the model's initial weights (the same work).
 */
public final class GaeSparkEngines implements ScaleEngines {

    @Override
    public String name() {
        return "GAE (default GCN encoder): SparkLinkSplit, DistributedEmbedding; training not wired";
    }

    @Override
    public SplitTables split(GraphTables graph, long seed) {
        SplitTables split = SparkLinkSplit.split(graph, seed);
        split.train().count(); // the split is timed, not its lazy plan
        return split;
    }

    @Override
    public Optional<TrainRun> train(SplitTables split, TrainSettings settings) {
        return Optional.empty();
    }

    @Override
    public long embed(GraphTables graph, Optional<TrainRun> run, String dir) {
        ModelCarrier carrier = ModelCarrier.of(
                new ModelDescription(ModelSpec.gae(), TrainerConfig.defaults()),
                graph.featureWidth(),
                Math.toIntExact(graph.features().count()),
                42L);
        Dataset<Row> z = new DistributedEmbedding(carrier, carrier.assemble())
                .embedTo(graph.edges().sparkSession(), graph, dir, true);
        long rows = z.count();
        z.unpersist();
        return rows;
    }
}
