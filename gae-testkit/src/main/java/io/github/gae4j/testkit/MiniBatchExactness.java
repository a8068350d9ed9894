// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.gae4j.core.graph.EdgeList;
import io.github.gae4j.core.graph.Graph;
import io.github.gae4j.core.graph.TrainingGraph;
import io.github.gae4j.core.parallel.Parallelism;
import io.github.gae4j.core.spi.GraphInput;
import io.github.gae4j.core.tensor.Matrix;
import io.github.gae4j.runtime.backend.LocalBackend;
import io.github.gae4j.runtime.backend.LossAndGradients;
import io.github.gae4j.runtime.backend.ModelObjective;
import io.github.gae4j.runtime.backend.WorkBatch;
import io.github.gae4j.runtime.minibatch.FanOut;
import io.github.gae4j.runtime.minibatch.MiniBatchSettings;
import io.github.gae4j.runtime.model.GraphAutoencoder;
import io.github.gae4j.runtime.train.Trainer;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * The exactness check of mini-batch training, for a whole model (its encoder, decoder and loss terms together): with
 * every neighbour at each hop and one batch holding every training edge, the negatives the full-batch loss draws and
 * every node for node-level terms, the mini-batch objective's loss and gradients equal the full-batch objective's.
 * The model must be deterministic in training (no noise, no dropout: e.g. VGAE with the {@code identity} sampler),
 * since the two passes order their random draws differently.
 */
public final class MiniBatchExactness {

    private MiniBatchExactness() {}

    /**
     * Checks one batch of every edge of {@code train} at fan-out −1 against the full-batch objective, within
     * {@code tolerance} relative (to the loss, and to each gradient's largest entry). The mini-batch objective is
     * built as the trainer builds it, so the loss terms and the fan-out's length ({@code hops}) are checked too.
     */
    public static void assertOneBatchIsTheFullBatchObjective(
            String label, GraphAutoencoder model, Graph train, int hops, double tolerance) {
        GraphInput input = GraphInput.of(train);
        TrainingGraph training = new TrainingGraph(train);
        long seed = 99;
        EdgeList positives = training.positives();
        EdgeList negatives = training.negativeSampler().sample(positives.size(), new SplittableRandom(seed));
        int[] all = IntStream.range(0, train.nodeCount()).toArray();
        List<Matrix> weights = model.weights().stream().map(w -> w.data()).toList();
        try (Parallelism parallelism = Parallelism.singleThreaded();
                LocalBackend backend = new LocalBackend(parallelism)) {
            LossAndGradients full = backend.lossAndGradients(
                            new ModelObjective(model, input, training), weights, WorkBatch.wholeGraph(), seed)
                    .mean();
            LossAndGradients mini = backend.lossAndGradients(
                            Trainer.miniBatchObjective(
                                    model, input, training, MiniBatchSettings.of(positives.size(), FanOut.all(hops))),
                            weights,
                            WorkBatch.links(positives, negatives, all, 1.0),
                            seed + 1)
                    .mean();
            assertThat(mini.loss())
                    .as("%s: loss of one exact batch against the full-batch loss", label)
                    .isCloseTo(full.loss(), within(tolerance * Math.abs(full.loss())));
            assertThat(mini.terms().keySet())
                    .as("%s: loss terms", label)
                    .isEqualTo(full.terms().keySet());
            for (int k = 0; k < full.gradients().size(); k++) {
                double[] a = mini.gradients().get(k).data();
                double[] b = full.gradients().get(k).data();
                double scale = 0;
                for (double v : b) {
                    scale = Math.max(scale, Math.abs(v));
                }
                String name = model.weights().get(k).name();
                assertThat(scale)
                        .as("%s: gradient of %s is not all zero", label, name)
                        .isPositive();
                for (int i = 0; i < a.length; i++) {
                    assertThat(a[i])
                            .as("%s: gradient of %s, entry %d", label, name, i)
                            .isCloseTo(b[i], within(tolerance * scale));
                }
            }
        }
    }
}
