// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.spark.train;

import io.github.gae4j.core.autodiff.ComputationContext;
import io.github.gae4j.core.autodiff.Weights;
import io.github.gae4j.runtime.backend.TrainingObjective;
import io.github.gae4j.runtime.backend.WorkBatch;
import io.github.gae4j.runtime.model.GraphAutoencoder;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The driver's side of distributed training: the weights the optimiser steps. Losses are computed on the parts
 * ({@link SparkBackend}); asking the driver for one is a mistake, said clearly.
 */
final class DriverObjective implements TrainingObjective {

    private final List<Weights> weights;

    DriverObjective(GraphAutoencoder model) {
        this.weights = model.weights();
    }

    @Override
    public List<Weights> weights() {
        return weights;
    }

    @Override
    public BatchLoss loss(WorkBatch batch, SplittableRandom random, ComputationContext ctx) {
        throw new UnsupportedOperationException(
                "gae-spark computes losses on the executors, not on the driver: train through SparkBackend");
    }
}
