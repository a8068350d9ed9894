// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.spark.train;

import io.github.gae4j.core.error.ConfigException;
import io.github.gae4j.core.graph.Features;
import io.github.gae4j.core.optim.Optimizer;
import io.github.gae4j.core.tensor.Matrix;
import io.github.gae4j.runtime.files.ModelDescription;
import io.github.gae4j.runtime.minibatch.MiniBatchObjective;
import io.github.gae4j.runtime.minibatch.MiniBatchSettings;
import io.github.gae4j.runtime.model.GraphAutoencoder;
import io.github.gae4j.runtime.optim.DefaultOptimizers;
import io.github.gae4j.runtime.train.LoggingListener;
import io.github.gae4j.runtime.train.Trainer;
import io.github.gae4j.runtime.train.TrainerConfig;
import io.github.gae4j.runtime.train.TrainingListener;
import io.github.gae4j.runtime.train.TrainingLoop;
import io.github.gae4j.runtime.train.TrainingResult;
import io.github.gae4j.runtime.train.TrainingStep;
import io.github.gae4j.runtime.train.Validator;
import io.github.gae4j.spark.model.ModelCarrier;
import io.github.gae4j.spark.split.SplitTables;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;

/**
 * Synchronous data-parallel training on Spark: the graph cut into parts ({@link PartBuilder}), each step's share of
 * every part computed on the executors with the single-machine mini-batch machinery ({@link SparkBackend}), the
 * results summed on the driver, which steps the optimiser; the real {@link TrainingLoop} drives the epochs
 * (listeners, checkpoints, patience), validation and test scored on Spark ({@link SparkScorer}). The model passed
 * in holds the trained weights afterwards.
 */
public final class SparkTrainer {

    private final SparkSession spark;
    private final DistributedSettings settings;
    private final List<TrainingListener> listeners;

    public SparkTrainer(SparkSession spark, DistributedSettings settings, TrainingListener... listeners) {
        this.spark = Objects.requireNonNull(spark, "spark is null");
        this.settings = Objects.requireNonNull(settings, "settings is null");
        this.listeners = Arrays.asList(listeners);
    }

    /**
     * Trains {@code model} (assembled from {@code description}'s model for the split's feature width and node
     * count) with {@code description}'s training settings, which must be mini-batch ones.
     *
     * @throws ConfigException for what cannot be trained on Spark (full-graph losses, featureless models, no
     *                         mini-batch settings, a fan-out that does not match the encoder)
     */
    public TrainingResult fit(GraphAutoencoder model, ModelDescription description, SplitTables split) {
        TrainerConfig config = description.training();
        MiniBatchSettings miniBatch = requireMiniBatch(config);
        int width = split.graph().featureWidth();
        requireDistributable(model, Features.dense(Matrix.zeros(1, width)), miniBatch);
        int hops = miniBatch.fanOut().hops();
        PartSet parts = trainingParts(split, settings, hops, config.seed());
        if (parts.nodeCount() > Integer.MAX_VALUE) {
            throw new ConfigException(
                    String.format(Locale.ROOT, "%d nodes: gae4j models count nodes in an int", parts.nodeCount()));
        }
        ModelCarrier carrier = ModelCarrier.of(description, width, (int) parts.nodeCount(), config.seed());
        SparkPlan plan = SparkPlan.of(parts, miniBatch, config.seed());
        JavaSparkContext context = JavaSparkContext.fromSparkContext(spark.sparkContext());
        SparkBackend backend = new SparkBackend(context, parts, runner(carrier, model, miniBatch, parts, config), plan);
        SparkScorer scorer = new SparkScorer(model, carrier, split, settings.blocks(), config.seed());
        try {
            Optimizer optimizer = Trainer.createOptimizer(
                    config, new DefaultOptimizers(SparkTrainer.class.getClassLoader()), (int) parts.nodeCount());
            TrainingStep step =
                    new TrainingStep(new DriverObjective(model), backend, optimizer, config.gradientClipNorm());
            Validator validator = new Validator(
                    model,
                    releasingBeforeTest(scorer, parts),
                    !split.valPositives().isEmpty(),
                    config);
            List<TrainingListener> all = new ArrayList<>();
            all.add(LoggingListener.of(config));
            all.addAll(listeners);
            return new TrainingLoop(config, model, step, validator, all, plan).run(null);
        } finally {
            parts.release();
        }
    }

    /**
     * {@code scorer}, releasing the parts before the test scores: those come after the last step, and embedding every
     * node needs the memory the parts (their local graphs and the executors' state) hold.
     */
    static Validator.SplitScorer releasingBeforeTest(Validator.SplitScorer scorer, PartSet parts) {
        return new Validator.SplitScorer() {
            @Override
            public List<double[]> validation() {
                return scorer.validation();
            }

            @Override
            public List<double[]> test() {
                parts.release();
                return scorer.test();
            }
        };
    }

    /** The training parts of {@code split} (exposed for tests and benchmarks). */
    public static PartSet trainingParts(SplitTables split, DistributedSettings settings, int hops, long seed) {
        return PartBuilder.training(split.train(), split.graph(), settings, hops, seed);
    }

    /** A backend over {@code parts} with its plan, for tests that drive steps themselves. */
    public static SparkBackend backend(
            SparkSession spark,
            PartSet parts,
            SparkPlan plan,
            ModelCarrier carrier,
            GraphAutoencoder model,
            MiniBatchSettings miniBatch,
            TrainerConfig config) {
        return new SparkBackend(
                JavaSparkContext.fromSparkContext(spark.sparkContext()),
                parts,
                runner(carrier, model, miniBatch, parts, config),
                plan);
    }

    private static StepRunner runner(
            ModelCarrier carrier,
            GraphAutoencoder model,
            MiniBatchSettings miniBatch,
            PartSet parts,
            TrainerConfig config) {
        // The id keys what each part caches on its executor (its model and objective) to this run.
        return new StepRunner(
                UUID.randomUUID().getMostSignificantBits(),
                carrier,
                miniBatch.fanOut().toArray(),
                config.seed(),
                miniBatch.negativeRatio(),
                miniBatch.negatives(),
                hasDefaultKl(model),
                parts.ids());
    }

    /** The training settings' mini-batch part; gae-spark trains in mini-batches only. */
    static MiniBatchSettings requireMiniBatch(TrainerConfig config) {
        if (!config.isMiniBatch()) {
            throw new ConfigException("gae-spark trains in mini-batches only: give a batch size and a fan-out"
                    + " (--batch-size, --fan-out); full-batch training runs on one machine with `gae train`");
        }
        return config.miniBatch();
    }

    /**
     * Checks that {@code model} can be trained on Spark with {@code features} (their kind and width): node features
     * (a featureless model, X = I, has a weight row per node and stays on one machine), loss terms and corruptions
     * that compute on batches (the full-graph weighted BCE reads all N² pairs), and a fan-out with one entry per hop
     * of an encoder that does not mix all nodes.
     *
     * @throws ConfigException saying what and what to do instead
     */
    public static void requireDistributable(GraphAutoencoder model, Features features, MiniBatchSettings miniBatch) {
        if (features instanceof Features.Identity) {
            throw new ConfigException("gae-spark needs node features: a featureless model (X = I) learns one weight"
                    + " row per node, which stays single-machine in this version; give a features table, or train"
                    + " on one machine with `gae train`");
        }
        String encoderName = model.spec()
                .map(s -> s.encoder().name())
                .orElse(model.encoder().getClass().getSimpleName());
        try {
            MiniBatchObjective.requireTrainable(model, miniBatch.fanOut(), features, encoderName);
        } catch (ConfigException e) {
            throw new ConfigException(
                    "gae-spark trains in mini-batches on parts of the graph: " + e.getMessage()
                            + " (full-graph training runs on one machine with `gae train`)",
                    e);
        }
    }

    /** Whether a KL term takes β = 1/N (no explicit beta): N must then be the whole graph's, not a part's. */
    static boolean hasDefaultKl(GraphAutoencoder model) {
        return model.spec()
                .map(s -> s.losses().stream()
                        .anyMatch(l ->
                                l.name().equals("kl") && !l.component().config().has("beta")))
                .orElseGet(() -> model.lossTermKeys().stream().anyMatch(k -> k.equals("kl") || k.startsWith("kl#")));
    }
}
