// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.runtime.backend;

import io.github.gae4j.core.autodiff.ComputationContext;
import io.github.gae4j.core.autodiff.Variable;
import io.github.gae4j.core.autodiff.Weights;
import io.github.gae4j.core.graph.TrainingGraph;
import io.github.gae4j.core.spi.GraphInput;
import io.github.gae4j.runtime.model.GraphAutoencoder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * A {@link GraphAutoencoder}'s training objective on its training graph: Σ weight · term over the model's loss
 * terms, its corruptions applied, for the {@linkplain WorkBatch#wholeGraph() whole graph} (one example), with
 * each term's value reported under {@link GraphAutoencoder#lossTermKeys()}.
 *
 * <p>Batches of pairs, nodes or links are refused: here the loss terms read the whole training graph (its positives,
 * its negative sampler, all of Z). {@code runtime.minibatch.MiniBatchObjective} computes link batches on sampled
 * subgraphs.
 */
public final class ModelObjective implements TrainingObjective {

    private final GraphAutoencoder model;
    private final GraphInput input;
    private final TrainingGraph training;
    private final List<Weights> weights;
    private final List<String> termKeys;

    /**
     * @param input    what the encoder sees: the training graph, its Â and the features
     * @param training the training graph with what the losses derive from it
     */
    public ModelObjective(GraphAutoencoder model, GraphInput input, TrainingGraph training) {
        this.model = Objects.requireNonNull(model, "model is null");
        this.input = Objects.requireNonNull(input, "input is null");
        this.training = Objects.requireNonNull(training, "training is null");
        this.weights = model.weights();
        this.termKeys = model.lossTermKeys();
    }

    public GraphAutoencoder model() {
        return model;
    }

    public GraphInput input() {
        return input;
    }

    @Override
    public List<Weights> weights() {
        return weights;
    }

    @Override
    public BatchLoss loss(WorkBatch batch, SplittableRandom random, ComputationContext ctx) {
        if (!(batch instanceof WorkBatch.WholeGraph)) {
            throw new UnsupportedOperationException(String.format(
                    java.util.Locale.ROOT,
                    "A graph autoencoder's objective is computed on the whole graph only, not on %s: its loss terms"
                            + " %s read the whole training graph; batches of pairs or nodes need mini-batch training",
                    batch,
                    termKeys));
        }
        GraphAutoencoder.TrainingPass pass = model.trainingPass(input, training, random, ctx);
        Map<String, Variable> terms = new LinkedHashMap<>();
        for (int k = 0; k < termKeys.size(); k++) {
            terms.put(termKeys.get(k), pass.terms().get(k));
        }
        return new BatchLoss(pass.total(), terms, 1.0);
    }
}
