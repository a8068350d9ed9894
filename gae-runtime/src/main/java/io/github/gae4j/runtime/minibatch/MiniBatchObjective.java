// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.runtime.minibatch;

import io.github.gae4j.core.autodiff.ComputationContext;
import io.github.gae4j.core.autodiff.Variable;
import io.github.gae4j.core.autodiff.Weights;
import io.github.gae4j.core.autodiff.functions.Scale;
import io.github.gae4j.core.error.ConfigException;
import io.github.gae4j.core.graph.EdgeList;
import io.github.gae4j.core.graph.Features;
import io.github.gae4j.core.graph.TrainingGraph;
import io.github.gae4j.core.spi.GraphInput;
import io.github.gae4j.core.spi.LinkBatch;
import io.github.gae4j.runtime.backend.ModelObjective;
import io.github.gae4j.runtime.backend.TrainingObjective;
import io.github.gae4j.runtime.backend.WorkBatch;
import io.github.gae4j.runtime.model.GraphAutoencoder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * A graph autoencoder's objective on link mini-batches: for a {@link WorkBatch.Links} batch it samples the
 * neighbourhood of the batch's nodes ({@link NeighbourSampler}, from the step's random source), runs the model's
 * pass on that subgraph with the encoder unchanged, and hands the loss terms the batch's pairs and node rows
 * ({@link LinkBatch}). The whole graph is still computed as {@link ModelObjective} does.
 *
 * <p>The batch loss is the terms' batch mean times the number of positives, and that is the batch's weight, so
 * {@link io.github.gae4j.runtime.backend.LossAndGradients#mean()} gives the mean the optimiser steps on and parts
 * of a batch computed apart sum as a sharding backend needs.
 */
public final class MiniBatchObjective implements TrainingObjective {

    private final GraphAutoencoder model;
    private final TrainingGraph training;
    private final NeighbourSampler sampler;
    private final ModelObjective wholeGraph;
    private final List<String> termKeys;

    /**
     * @param input    the whole training graph's input (its Â and features), which batches are sampled from
     * @param training the training graph
     * @param fanOut   neighbours per hop; one entry per message-passing hop of the encoder (see
     *                 {@link ReceptiveField})
     * @throws UnsupportedOperationException naming a loss term that cannot be computed on a batch
     */
    public MiniBatchObjective(GraphAutoencoder model, GraphInput input, TrainingGraph training, FanOut fanOut) {
        this.model = Objects.requireNonNull(model, "model is null");
        this.training = Objects.requireNonNull(training, "training is null");
        model.requireMiniBatch();
        this.sampler = new NeighbourSampler(input, fanOut);
        this.wholeGraph = new ModelObjective(model, input, training);
        this.termKeys = model.lossTermKeys();
    }

    /**
     * Checks that {@code model} can be trained in mini-batches with {@code fanOut}: every loss term computes on a
     * batch, every corruption keeps the sampled subgraph, and the fan-out has one entry per hop the encoder reaches
     * ({@link ReceptiveField}). The trainer and the CLI check with this before anything runs.
     *
     * @param encoderName how messages name the encoder (its plugin name)
     * @param features    the features the encoder reads (their kind and width)
     * @throws ConfigException saying which term, corruption or fan-out is wrong, and what to do
     */
    public static void requireTrainable(GraphAutoencoder model, FanOut fanOut, Features features, String encoderName) {
        try {
            model.requireMiniBatch();
        } catch (UnsupportedOperationException e) {
            throw new ConfigException(e.getMessage(), e);
        }
        ReceptiveField.requireMatches(fanOut, model.encoder(), encoderName, features);
    }

    public NeighbourSampler sampler() {
        return sampler;
    }

    @Override
    public List<Weights> weights() {
        return wholeGraph.weights();
    }

    @Override
    public BatchLoss loss(WorkBatch batch, SplittableRandom random, ComputationContext ctx) {
        if (!(batch instanceof WorkBatch.Links links)) {
            return wholeGraph.loss(batch, random, ctx);
        }
        SampledSubgraph sub = sampler.sample(seeds(links), random);
        LinkBatch local = new LinkBatch(
                sub.rows(links.positives()), sub.rows(links.negatives()), sub.rows(links.nodes()), links.nodeScale());
        GraphAutoencoder.TrainingPass pass = model.trainingPass(sub.input(), training, local, random, ctx);
        double weight = links.size();
        Map<String, Variable> terms = new LinkedHashMap<>();
        for (int k = 0; k < termKeys.size(); k++) {
            terms.put(termKeys.get(k), Scale.of(pass.terms().get(k), weight));
        }
        return new BatchLoss(Scale.of(pass.total(), weight), terms, weight);
    }

    /**
     * The batch's nodes: the positives' endpoints, the negatives', then the node share, in that order (the seeds
     * the sampler expands; public for benchmarks that time the sampling alone).
     */
    public static int[] seeds(WorkBatch.Links links) {
        EdgeList pos = links.positives();
        EdgeList neg = links.negatives();
        int[] nodes = links.nodes();
        int[] out = new int[2 * pos.size() + 2 * neg.size() + nodes.length];
        int k = 0;
        for (int e = 0; e < pos.size(); e++) {
            out[k++] = pos.src(e);
            out[k++] = pos.dst(e);
        }
        for (int e = 0; e < neg.size(); e++) {
            out[k++] = neg.src(e);
            out[k++] = neg.dst(e);
        }
        System.arraycopy(nodes, 0, out, k, nodes.length);
        return out;
    }
}
