// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.spark.bench;

import io.github.gae4j.spark.io.GraphTables;
import io.github.gae4j.spark.split.SplitTables;
import java.util.Optional;

/**
 * What the scale bench times after the graph: the distributed split, training and inference of gae-spark, behind
 * one small facade so the bench compiles and runs (generation and Parquet only) before those engines exist. An
 * implementation is found with {@link java.util.ServiceLoader} ({@code
 * META-INF/services/io.github.gae4j.spark.bench.ScaleEngines}) or passed to {@link SparkBenchCommand}'s constructor.
 */
public interface ScaleEngines {

    /** The name printed in the table (e.g. the model, "GAE, GCN 64-32-16"). */
    String name();

    /** The 85/5/10 link split of {@code graph}, computed distributed from {@code seed} (SparkLinkSplit). */
    SplitTables split(GraphTables graph, long seed);

    /**
     * Trains on {@code split} for at most one epoch, stopping early when {@code settings.seconds()} run out
     * (SparkTrainer); empty while distributed training is not available.
     */
    Optional<TrainRun> train(SplitTables split, TrainSettings settings);

    /**
     * Embeds every node of {@code graph} and writes Parquet (node_id, z) to {@code dir}; with the trained model of
     * {@code run}, or the model's initial weights when there is none (the same work).
     *
     * @return the rows written
     */
    long embed(GraphTables graph, Optional<TrainRun> run, String dir);

    /**
     * The training options of the bench.
     *
     * @param batchSize       training edges per step per block
     * @param fanOut          neighbours per hop, e.g. "25,10"
     * @param batchesPerEpoch steps per epoch, 0 for every batch of the training edges
     * @param seed            the run's seed
     */
    record TrainSettings(int batchSize, String fanOut, int batchesPerEpoch, long seed) {}

    /** What a training stage did; the engine that made it gets it back in {@link #embed}. */
    interface TrainRun {
        /** Steps taken. */
        int steps();

        /** Steps of a whole epoch (more than {@link #steps()} when the time budget cut the epoch short). */
        long stepsPerEpoch();

        /** The median (or mean) wall time of a step after warm-up, in milliseconds. */
        double msPerStep();

        /** Seconds from the start of training to its first step (building the parts); NaN when not known. */
        default double setupSeconds() {
            return Double.NaN;
        }

        /** Seconds from the end of the last step to the end of training (the test scores); NaN when not known. */
        default double closingSeconds() {
            return Double.NaN;
        }
    }
}
