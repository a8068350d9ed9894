// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.spark.cli;

import io.github.gae4j.core.error.ConfigException;
import io.github.gae4j.runtime.files.ModelDescription;
import io.github.gae4j.runtime.minibatch.FanOut;
import io.github.gae4j.runtime.model.GraphAutoencoder;
import io.github.gae4j.runtime.train.TrainingResult;
import io.github.gae4j.spark.infer.DistributedEmbedding;
import io.github.gae4j.spark.io.GraphReader;
import io.github.gae4j.spark.io.GraphTables;
import io.github.gae4j.spark.model.ModelCarrier;
import io.github.gae4j.spark.predict.Blocking;
import io.github.gae4j.spark.predict.DecoderCarrier;
import io.github.gae4j.spark.predict.HopCaps;
import io.github.gae4j.spark.predict.TopLinks;
import io.github.gae4j.spark.split.SparkLinkSplit;
import io.github.gae4j.spark.split.SplitTables;
import io.github.gae4j.spark.train.DistributedSettings;
import io.github.gae4j.spark.train.SparkTrainer;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The one place the command line meets the engines: each method calls one engine of gae-spark (spark.io's
 * {@link GraphReader}, {@link SparkLinkSplit}, spark.infer's {@link DistributedEmbedding}, spark.predict's
 * {@link TopLinks}, spark.train's {@link SparkTrainer}).
 *
 */
final class EngineWiring implements SparkEngines {

    private EngineWiring() {}

    static SparkEngines engines() {
        return new EngineWiring();
    }

    @Override
    public GraphTables read(SparkSession spark, TableSource edges, TableSource features) {
        Dataset<Row> x =
                GraphReader.features(GraphReader.readTable(spark, features.path(), features.format()), features.path());
        Dataset<Row> e = GraphReader.edges(GraphReader.readTable(spark, edges.path(), edges.format()), edges.path());
        return GraphReader.of(e, edges.path(), x, features.path());
    }

    @Override
    public SplitTables split(GraphTables graph, double valFraction, double testFraction, long seed) {
        return SparkLinkSplit.split(graph, valFraction, testFraction, seed);
    }

    @Override
    public TrainingResult fit(
            GraphAutoencoder model, ModelDescription description, SplitTables split, ClusterSettings settings) {
        SparkSession spark = split.train().sparkSession();
        int blocks = settings.blocks().orElse(spark.sparkContext().defaultParallelism());
        FanOut fanOut = description.training().miniBatch().fanOut();
        // Without --halo-caps the halo keeps twice the fan-out at each hop (-1 = every neighbour), so the sampler still
        // draws from more neighbours than it takes; -1,-1 gives exact halos.
        FanOut caps = settings.haloCaps().orElse(fanOut);
        int[] haloCaps = new int[caps.hops()];
        for (int h = 0; h < haloCaps.length; h++) {
            int c = caps.at(h);
            haloCaps[h] = c == FanOut.ALL ? 0 : settings.haloCaps().isPresent() ? c : 2 * c;
        }
        DistributedSettings distributed = DistributedSettings.of(blocks)
                .withRounds(settings.rounds().orElse(1))
                .withHaloCaps(haloCaps);
        return new SparkTrainer(spark, distributed).fit(model, description, split);
    }

    @Override
    public Dataset<Row> embed(
            ModelDescription description, GraphAutoencoder model, GraphTables graph, ClusterSettings settings) {
        return new DistributedEmbedding(carrier(description, graph), model)
                .withBlocks(settings.blocks().orElse(0))
                .embed(graph.features().sparkSession(), graph);
    }

    @Override
    public Dataset<Row> predict(
            ModelDescription description,
            GraphAutoencoder model,
            GraphTables graph,
            int k,
            boolean graphTop,
            Candidates candidates,
            ClusterSettings settings) {
        ModelCarrier carrier = carrier(description, graph);
        Dataset<Row> z = embed(description, model, graph, settings);
        DecoderCarrier decoder = DecoderCarrier.of(carrier, model);
        Dataset<Row> known = graph.edges();
        long seed = description.training().seed();
        if (candidates == Candidates.ALL_PAIRS) {
            Blocking blocking = settings.blocks()
                    .map(p -> new Blocking(p, (int) Math.min(Integer.MAX_VALUE, (long) p * (p + 1) / 2), seed))
                    .orElseGet(() -> Blocking.forNodes(carrier.nodeCount(), seed));
            return graphTop
                    ? TopLinks.allPairsGraphTop(z, known, decoder, k, blocking)
                    : TopLinks.allPairs(z, known, decoder, k, blocking);
        }
        HopCaps caps = settings.haloCaps().map(f -> hopCaps(f, seed)).orElse(HopCaps.off());
        return graphTop
                ? TopLinks.twoHopGraphTop(z, graph.edges(), known, decoder, k, caps)
                : TopLinks.twoHop(z, graph.edges(), known, decoder, k, caps);
    }

    private static ModelCarrier carrier(ModelDescription description, GraphTables graph) {
        return ModelCarrier.of(
                description,
                graph.featureWidth(),
                TrainCommand.nodeCount(graph),
                description.training().seed());
    }

    /** --halo-caps for predict: two entries, the first and the second hop; -1 (all) is no cap. */
    static HopCaps hopCaps(FanOut caps, long seed) {
        if (caps.hops() != 2) {
            throw new ConfigException("--halo-caps for predict takes two entries, the first and the second hop (e.g."
                    + " 50,20; -1 = all), got " + caps);
        }
        return new HopCaps(Math.max(0, caps.at(0)), Math.max(0, caps.at(1)), seed);
    }
}
