// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.spark.bench;

import io.github.gae4j.runtime.files.ModelDescription;
import io.github.gae4j.runtime.minibatch.FanOut;
import io.github.gae4j.runtime.minibatch.MiniBatchSettings;
import io.github.gae4j.runtime.model.GraphAutoencoder;
import io.github.gae4j.runtime.model.ModelSpec;
import io.github.gae4j.runtime.train.BatchStats;
import io.github.gae4j.runtime.train.EpochStats;
import io.github.gae4j.runtime.train.TrainerConfig;
import io.github.gae4j.runtime.train.TrainingListener;
import io.github.gae4j.spark.infer.DistributedEmbedding;
import io.github.gae4j.spark.io.GraphTables;
import io.github.gae4j.spark.model.ModelCarrier;
import io.github.gae4j.spark.split.SparkLinkSplit;
import io.github.gae4j.spark.split.SplitTables;
import io.github.gae4j.spark.train.DistributedSettings;
import io.github.gae4j.spark.train.SparkTrainer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * gae-spark's own engines for the scale bench: {@link SparkLinkSplit} and {@link DistributedEmbedding} (layer by
 * layer) with a GAE of gae4j's default GCN encoder, trained by {@link SparkTrainer} for one epoch (cut at
 * {@code --batches-per-epoch} steps, then extrapolated by the bench), and embedded with its trained weights.
 */
public final class GaeSparkEngines implements ScaleEngines {

    @Override
    public String name() {
        return "GAE (default GCN encoder, negative-sampling BCE): SparkLinkSplit, SparkTrainer, DistributedEmbedding";
    }

    @Override
    public SplitTables split(GraphTables graph, long seed) {
        SplitTables split = SparkLinkSplit.split(graph, seed);
        split.train().count(); // the split is timed, not its lazy plan
        return split;
    }

    @Override
    public Optional<TrainRun> train(SplitTables split, TrainSettings settings) {
        MiniBatchSettings miniBatch = MiniBatchSettings.of(settings.batchSize(), FanOut.parse(settings.fanOut()))
                .withBatchesPerEpoch(settings.batchesPerEpoch());
        TrainerConfig config = TrainerConfig.builder()
                .epochs(1)
                .evalEvery(0)
                .seed(settings.seed())
                .miniBatch(miniBatch)
                .build();
        ModelDescription description = new ModelDescription(ModelSpec.gae().withNegativeSampling(), config);
        int nodes = Math.toIntExact(split.graph().features().count());
        GraphAutoencoder model = ModelCarrier.of(description, split.graph().featureWidth(), nodes, settings.seed())
                .assemble();
        SparkSession spark = split.train().sparkSession();
        List<Double> millis = new ArrayList<>();
        long[] firstStepStart = {-1};
        long[] lastStepEnd = {-1};
        TrainingListener steps = new TrainingListener() {
            @Override
            public void onEpoch(EpochStats stats) {}

            @Override
            public void onBatch(BatchStats stats) {
                long now = System.nanoTime();
                if (millis.isEmpty()) {
                    firstStepStart[0] = now - (long) (stats.millis() * 1e6);
                }
                lastStepEnd[0] = now;
                millis.add(stats.millis());
            }
        };
        long start = System.nanoTime();
        new SparkTrainer(
                        spark,
                        DistributedSettings.of(spark.sparkContext().defaultParallelism())
                                .withHaloCaps(haloCaps(miniBatch.fanOut())),
                        steps)
                .fit(model, description, split);
        long end = System.nanoTime();
        long positives = split.train().count();
        double setup = millis.isEmpty() ? Double.NaN : (firstStepStart[0] - start) / 1e9;
        double closing = millis.isEmpty() ? Double.NaN : (end - lastStepEnd[0]) / 1e9;
        return Optional.of(
                new Run(model, description, millis, miniBatch.batchesToCover((int) positives), setup, closing));
    }

    /** Twice the fan-out per hop, as gae-spark train's default. */
    private static int[] haloCaps(FanOut fanOut) {
        int[] caps = new int[fanOut.hops()];
        for (int h = 0; h < caps.length; h++) {
            caps[h] = fanOut.at(h) == FanOut.ALL ? 0 : 2 * fanOut.at(h);
        }
        return caps;
    }

    /** A finished training stage: its model and the wall time of each step (the first one is warm-up). */
    private static final class Run implements TrainRun {
        private final GraphAutoencoder model;
        private final ModelDescription description;
        private final List<Double> millis;
        private final long stepsPerEpoch;
        private final double setupSeconds;
        private final double closingSeconds;

        Run(
                GraphAutoencoder model,
                ModelDescription description,
                List<Double> millis,
                long stepsPerEpoch,
                double setupSeconds,
                double closingSeconds) {
            this.model = model;
            this.description = description;
            this.millis = List.copyOf(millis);
            this.stepsPerEpoch = stepsPerEpoch;
            this.setupSeconds = setupSeconds;
            this.closingSeconds = closingSeconds;
        }

        @Override
        public double setupSeconds() {
            return setupSeconds;
        }

        @Override
        public double closingSeconds() {
            return closingSeconds;
        }

        @Override
        public int steps() {
            return millis.size();
        }

        @Override
        public long stepsPerEpoch() {
            return stepsPerEpoch;
        }

        @Override
        public double msPerStep() {
            List<Double> warm = millis.size() > 1 ? millis.subList(1, millis.size()) : millis;
            double[] sorted =
                    warm.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            return sorted.length == 0 ? Double.NaN : sorted[sorted.length / 2];
        }
    }

    @Override
    public long embed(GraphTables graph, Optional<TrainRun> run, String dir) {
        ModelDescription description = run.map(r -> ((Run) r).description)
                .orElseGet(() -> new ModelDescription(ModelSpec.gae(), TrainerConfig.defaults()));
        ModelCarrier carrier = ModelCarrier.of(
                description,
                graph.featureWidth(),
                Math.toIntExact(graph.features().count()),
                42L);
        GraphAutoencoder model = run.map(r -> ((Run) r).model).orElseGet(carrier::assemble);
        // The default block count: as few as let a task hold its block's rows (records are bounded whatever the
        // count), so the shuffle of partial sums stays small.
        Dataset<Row> z =
                new DistributedEmbedding(carrier, model).embedTo(graph.edges().sparkSession(), graph, dir, true);
        long rows = z.count();
        z.unpersist();
        return rows;
    }
}
