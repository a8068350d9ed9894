// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.spark.train;

import io.github.gae4j.core.autodiff.functions.Sigmoid;
import io.github.gae4j.core.spi.PairScorer;
import io.github.gae4j.core.tensor.Matrix;
import io.github.gae4j.runtime.model.GraphAutoencoder;
import io.github.gae4j.runtime.train.Validator;
import io.github.gae4j.spark.infer.DistributedEmbedding;
import io.github.gae4j.spark.io.GraphTables;
import io.github.gae4j.spark.model.ModelCarrier;
import io.github.gae4j.spark.predict.DecoderCarrier;
import io.github.gae4j.spark.split.SplitTables;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;

/**
 * Validation and test scores of a model trained on Spark: every node's evaluation embedding computed distributed
 * ({@link DistributedEmbedding}: layer by layer where the encoder allows, else from exact halos; equal to the
 * single-machine embedding), joined with the held-out pairs, and each partition's pairs scored by the model's own
 * decoder ({@link DecoderCarrier}) on its executor. Only the scores come to the driver, in (src, dst) order so the
 * lists are the same whatever the partitioning.
 */
public final class SparkScorer implements Validator.SplitScorer {

    private final GraphAutoencoder model;
    private final ModelCarrier carrier;
    private final SplitTables split;
    private final int blocks;
    private final long seed;

    /**
     * @param model  the driver's model, whose current weights are scored
     * @param blocks blocks of the distributed embedding (0: the session's default parallelism)
     */
    public SparkScorer(GraphAutoencoder model, ModelCarrier carrier, SplitTables split, int blocks, long seed) {
        this.model = Objects.requireNonNull(model, "model is null");
        this.carrier = Objects.requireNonNull(carrier, "carrier is null");
        this.split = Objects.requireNonNull(split, "split is null");
        this.blocks = blocks;
        this.seed = seed;
    }

    @Override
    public List<double[]> validation() {
        return score(split.valPositives(), split.valNegatives());
    }

    @Override
    public List<double[]> test() {
        return score(split.testPositives(), split.testNegatives());
    }

    private List<double[]> score(Dataset<Row> positives, Dataset<Row> negatives) {
        GraphTables graph = split.graph();
        Dataset<Row> z = new DistributedEmbedding(carrier, model)
                .withBlocks(blocks)
                .withSeed(seed)
                .embed(graph.features().sparkSession(), graph);
        DecoderCarrier decoder = DecoderCarrier.of(carrier, model);
        try {
            return List.of(scores(positives, z, decoder), scores(negatives, z, decoder));
        } finally {
            z.unpersist();
        }
    }

    /** The pairs' probabilities, in (src, dst) order. */
    private static double[] scores(Dataset<Row> pairs, Dataset<Row> z, DecoderCarrier decoder) {
        Dataset<Row> a = z.select(
                functions.col(DistributedEmbedding.NODE_ID).as("a_id"),
                functions.col(DistributedEmbedding.Z).as("a"));
        Dataset<Row> b = z.select(
                functions.col(DistributedEmbedding.NODE_ID).as("b_id"),
                functions.col(DistributedEmbedding.Z).as("b"));
        Dataset<Row> joined = pairs.select(GraphTables.SRC, GraphTables.DST)
                .join(a, functions.col(GraphTables.SRC).equalTo(functions.col("a_id")))
                .join(b, functions.col(GraphTables.DST).equalTo(functions.col("b_id")))
                .select(GraphTables.SRC, GraphTables.DST, "a", "b");
        List<double[]> scored = joined.javaRDD()
                .mapPartitions((Iterator<Row> rows) -> scorePartition(rows, decoder))
                .collect();
        List<double[]> sorted = new ArrayList<>(scored);
        sorted.sort(Comparator.<double[]>comparingDouble(s -> s[0]).thenComparingDouble(s -> s[1]));
        double[] out = new double[sorted.size()];
        for (int k = 0; k < out.length; k++) {
            out[k] = sorted.get(k)[2];
        }
        return out;
    }

    /** (src, dst, probability) of each pair of a partition: one scorer over the pairs' ends, rows 2k and 2k + 1. */
    private static Iterator<double[]> scorePartition(Iterator<Row> rows, DecoderCarrier decoder) {
        List<Row> pairs = new ArrayList<>();
        rows.forEachRemaining(pairs::add);
        if (pairs.isEmpty()) {
            return java.util.Collections.emptyIterator();
        }
        int d = pairs.get(0).<Double>getList(2).size();
        double[] values = new double[2 * pairs.size() * d];
        for (int k = 0; k < pairs.size(); k++) {
            List<Double> zs = pairs.get(k).getList(2);
            List<Double> zd = pairs.get(k).getList(3);
            for (int c = 0; c < d; c++) {
                values[(2 * k) * d + c] = zs.get(c);
                values[(2 * k + 1) * d + c] = zd.get(c);
            }
        }
        PairScorer scorer = decoder.scorer(Matrix.wrapRowMajor(2 * pairs.size(), d, values));
        List<double[]> out = new ArrayList<>(pairs.size());
        for (int k = 0; k < pairs.size(); k++) {
            // Exact long ids as doubles would lose precision past 2^53: sort keys only, ids are not returned.
            out.add(new double[] {
                pairs.get(k).getLong(0), pairs.get(k).getLong(1), Sigmoid.sigmoid(scorer.logit(2 * k, 2 * k + 1))
            });
        }
        return out.iterator();
    }
}
