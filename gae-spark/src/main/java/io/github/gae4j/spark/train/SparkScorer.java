// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.spark.train;

import io.github.gae4j.runtime.model.GraphAutoencoder;
import io.github.gae4j.runtime.train.Validator;
import io.github.gae4j.spark.io.GraphTables;
import io.github.gae4j.spark.model.ModelCarrier;
import io.github.gae4j.spark.split.SplitTables;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;

/**
 * Validation and test scores on Spark: the held-out pairs go to scoring parts (built once per list pair, on first
 * use, with exact halos around their endpoints), each part embeds its local graph with the current weights and
 * scores its pairs with the model's decoder, and the scores come to the driver in (src, dst) order. One small class,
 * so that a distributed embedding can replace it.
 */
public final class SparkScorer implements Validator.SplitScorer, AutoCloseable {

    private final JavaSparkContext context;
    private final GraphAutoencoder model;
    private final ScoreRunner runner;
    private final SplitTables split;
    private final DistributedSettings settings;
    private final int hops;
    private final long seed;
    private PartSet validation;
    private PartSet test;

    /**
     * @param model the driver's model, whose current weights are scored
     * @param hops  the encoder's message-passing hops
     */
    public SparkScorer(
            JavaSparkContext context,
            GraphAutoencoder model,
            ModelCarrier carrier,
            SplitTables split,
            DistributedSettings settings,
            int hops,
            long seed) {
        this.context = Objects.requireNonNull(context, "context is null");
        this.model = Objects.requireNonNull(model, "model is null");
        this.runner = new ScoreRunner(
                UUID.randomUUID().getMostSignificantBits(), Objects.requireNonNull(carrier, "carrier is null"));
        this.split = Objects.requireNonNull(split, "split is null");
        this.settings = Objects.requireNonNull(settings, "settings is null");
        this.hops = hops;
        this.seed = seed;
    }

    @Override
    public synchronized List<double[]> validation() {
        if (validation == null) {
            validation = parts(List.of(split.valPositives(), split.valNegatives()));
        }
        return score(validation);
    }

    @Override
    public synchronized List<double[]> test() {
        if (test == null) {
            test = parts(List.of(split.testPositives(), split.testNegatives()));
        }
        return score(test);
    }

    private PartSet parts(List<org.apache.spark.sql.Dataset<org.apache.spark.sql.Row>> lists) {
        GraphTables graph = split.graph();
        return PartBuilder.scoring(split.train(), graph, lists, settings, hops, seed);
    }

    private List<double[]> score(PartSet parts) {
        Broadcast<double[][]> shipped = context.broadcast(ModelCarrier.values(model));
        ScoreRunner r = runner;
        List<ScoreRunner.Scored> scored;
        try {
            scored = new ArrayList<>(
                    parts.parts().flatMap(part -> r.run(part, shipped.value())).collect());
        } finally {
            shipped.destroy();
        }
        scored.sort(Comparator.comparingInt(ScoreRunner.Scored::tag)
                .thenComparingLong(ScoreRunner.Scored::src)
                .thenComparingLong(ScoreRunner.Scored::dst));
        List<double[]> out = new ArrayList<>();
        for (int tag = 0; tag < 2; tag++) {
            int t = tag;
            out.add(scored.stream()
                    .filter(s -> s.tag() == t)
                    .mapToDouble(ScoreRunner.Scored::score)
                    .toArray());
        }
        return out;
    }

    /** Releases the scoring parts. */
    @Override
    public synchronized void close() {
        if (validation != null) {
            validation.release();
        }
        if (test != null) {
            test.release();
        }
    }
}
