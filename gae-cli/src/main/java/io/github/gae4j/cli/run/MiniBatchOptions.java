// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.cli.run;

import io.github.gae4j.core.error.ConfigException;
import io.github.gae4j.core.graph.Features;
import io.github.gae4j.core.spi.Encoder;
import io.github.gae4j.runtime.minibatch.FanOut;
import io.github.gae4j.runtime.minibatch.MiniBatchObjective;
import io.github.gae4j.runtime.minibatch.MiniBatchSettings;
import io.github.gae4j.runtime.minibatch.NegativeSampling;
import io.github.gae4j.runtime.minibatch.ReceptiveField;
import io.github.gae4j.runtime.model.GraphAutoencoder;
import io.github.gae4j.runtime.model.LossSpec;
import io.github.gae4j.runtime.model.ModelSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.function.Consumer;
import picocli.CommandLine.Option;

/**
 * {@code gae train}'s mini-batch options: without {@code --batch-size} training is full-batch (one step per epoch);
 * with it, each step takes that many training edges, their negatives and the encoder's sampled neighbourhood
 * ({@link MiniBatchSettings}). The other options refine {@code --batch-size} and are an error without it.
 *
 * <p>{@code --fanout} left out: {@code 25,10} for a two-layer encoder, generally 25 then 10 then 5 per further
 * layer, one entry per hop the encoder reaches ({@link ReceptiveField#measure}). The reference recipe's full-graph
 * {@code weighted-bce} cannot run on a batch of edges: when the loss came from the preset it is replaced by
 * {@code negative-sampling-bce} (with a note), when the user chose it (with {@code --loss} or a model file) the run
 * is refused.
 */
public final class MiniBatchOptions {

    private static final int[] DEFAULT_FAN_OUT = {25, 10, 5};
    private static final String FULL_GRAPH_LOSS = "weighted-bce";

    @Option(
            names = "--batch-size",
            paramLabel = "B",
            description = "Train in mini-batches of B training edges with neighbour sampling, one optimiser step per"
                    + " batch (default: full-batch, one step per epoch).")
    Integer batchSize;

    @Option(
            names = "--fanout",
            paramLabel = "LIST",
            description = "Neighbours sampled per node and hop, one entry per encoder layer, -1 = all (exact),"
                    + " e.g. 25,10 (default: 25,10 for a 2-layer encoder; 25,10,5 for 3).")
    String fanOut;

    @Option(
            names = "--neg-ratio",
            paramLabel = "R",
            description = "Negative (non-)edges per positive edge in a batch (default 1).")
    Double negativeRatio;

    @Option(
            names = "--negatives",
            paramLabel = "uniform|degree",
            description = "How a batch draws its negatives: uniform (default) or degree (endpoints ∝ degree^0.75).")
    String negatives;

    @Option(
            names = "--batches-per-epoch",
            paramLabel = "N",
            description = "Optimiser steps per epoch (default: all batches, every training edge once per epoch).")
    Integer batchesPerEpoch;

    public MiniBatchOptions() {}

    /** Whether {@code --batch-size} asks for mini-batch training. */
    public boolean enabled() {
        return batchSize != null;
    }

    /** Whether any mini-batch option was given. */
    public boolean anyGiven() {
        return batchSize != null
                || fanOut != null
                || negativeRatio != null
                || negatives != null
                || batchesPerEpoch != null;
    }

    /**
     * Checks every option before any data is loaded: the refinements need {@code --batch-size}, the numbers their
     * ranges, the fan-out and the negatives' strategy their syntax.
     *
     * @throws ConfigException naming the option and the problem
     */
    public void check() {
        if (batchSize == null) {
            List<String> given = new ArrayList<>();
            addIf(given, fanOut != null, "--fanout");
            addIf(given, negativeRatio != null, "--neg-ratio");
            addIf(given, negatives != null, "--negatives");
            addIf(given, batchesPerEpoch != null, "--batches-per-epoch");
            if (!given.isEmpty()) {
                throw new ConfigException(String.join(", ", given)
                        + (given.size() == 1 ? " sets" : " set")
                        + " mini-batch training, which needs --batch-size B (e.g. --batch-size 1024 --fanout"
                        + " 25,10); without it training is full-batch");
            }
            return;
        }
        OptionChecks.atLeast("--batch-size", batchSize, 1, "training edges per batch");
        OptionChecks.positive("--neg-ratio", negativeRatio);
        OptionChecks.atLeast("--batches-per-epoch", batchesPerEpoch, 0, "0 = all batches");
        if (fanOut != null) {
            parseFanOut(fanOut);
        }
        if (negatives != null) {
            negativeSampling();
        }
    }

    /** The option's value as given, "" included: picocli passes an empty argument through. */
    private static FanOut parseFanOut(String text) {
        try {
            return FanOut.parse(text);
        } catch (ConfigException e) {
            throw new ConfigException("--fanout: " + e.getMessage(), e);
        }
    }

    private NegativeSampling negativeSampling() {
        try {
            return NegativeSampling.parse(negatives);
        } catch (ConfigException e) {
            throw new ConfigException("--negatives: " + e.getMessage(), e);
        }
    }

    /**
     * The spec to train in mini-batches: {@code weighted-bce} from the preset becomes {@code negative-sampling-bce}
     * ({@code note} hears why); one the user chose is refused.
     *
     * @param lossesChosen whether the losses come from {@code --loss} or a model file rather than the preset
     * @throws ConfigException when the user chose {@code weighted-bce}
     */
    public ModelSpec adapt(ModelSpec spec, boolean lossesChosen, Consumer<String> note) {
        boolean weighted = spec.losses().stream()
                .map(LossSpec::component)
                .anyMatch(c -> c.name().equals(FULL_GRAPH_LOSS));
        if (!weighted) {
            return spec;
        }
        if (lossesChosen) {
            throw new ConfigException("Loss 'weighted-bce' cannot be trained in mini-batches: it reads all N² node"
                    + " pairs of the whole graph. With --batch-size use --loss negative-sampling-bce (VGAE:"
                    + " --loss negative-sampling-bce,kl), or leave out --batch-size to train full-batch");
        }
        note.accept("note: mini-batch training replaces the preset's full-graph loss weighted-bce by"
                + " negative-sampling-bce (the batch's positive edges against --neg-ratio sampled negatives);"
                + " --loss chooses another");
        return spec.withNegativeSampling();
    }

    /**
     * The settings for {@code model}: the fan-out given, or the default for the encoder's measured reach; then
     * checks that every loss term runs on a batch and that the fan-out has one entry per encoder layer.
     *
     * @param features the features the encoder reads (their kind and width)
     * @throws ConfigException for a loss that needs the whole graph, an encoder without a finite reach, or a fan-out
     *                         of the wrong length
     */
    public MiniBatchSettings settings(GraphAutoencoder model, Features features, String encoderName) {
        if (fanOut == null) {
            // Refuse a loss or corruption by name before measuring the encoder for a default fan-out.
            try {
                model.requireMiniBatch();
            } catch (UnsupportedOperationException e) {
                throw new ConfigException(e.getMessage(), e);
            }
        }
        FanOut f = fanOut != null ? parseFanOut(fanOut) : defaultFanOut(model.encoder(), features, encoderName);
        MiniBatchObjective.requireTrainable(model, f, features, encoderName);
        return new MiniBatchSettings(
                batchSize,
                f,
                negativeRatio != null ? negativeRatio : MiniBatchSettings.DEFAULT_NEGATIVE_RATIO,
                negatives != null ? negativeSampling() : NegativeSampling.UNIFORM,
                batchesPerEpoch != null ? batchesPerEpoch : 0);
    }

    /**
     * Checks settings that came from a model file, as {@link #settings} checks the options': every loss term on a
     * batch, one fan-out entry per encoder layer.
     */
    public static void check(
            MiniBatchSettings settings, GraphAutoencoder model, Features features, String encoderName) {
        MiniBatchObjective.requireTrainable(model, settings.fanOut(), features, encoderName);
    }

    /** Whether {@code --fanout} was left out (the default was taken from the encoder's layers). */
    public boolean fanOutDefaulted() {
        return fanOut == null;
    }

    /** 25, 10, then 5 per further hop: PyG's and GraphSAGE's usual sizes. */
    static FanOut defaultFanOut(Encoder encoder, Features features, String encoderName) {
        OptionalInt reach = ReceptiveField.measure(encoder, features);
        if (reach.isEmpty() || reach.getAsInt() == 0) {
            // requireMatches words the error for an encoder without a finite reach; one without hops has no fan-out.
            if (reach.isEmpty()) {
                ReceptiveField.requireMatches(FanOut.of(DEFAULT_FAN_OUT[0]), encoder, encoderName, features);
            }
            throw new ConfigException(String.format(
                    Locale.ROOT,
                    "Encoder '%s' passes no messages between nodes: mini-batches with neighbour sampling have nothing"
                            + " to sample; train it full-batch (leave out --batch-size)",
                    encoderName));
        }
        int[] values = new int[reach.getAsInt()];
        for (int k = 0; k < values.length; k++) {
            values[k] = DEFAULT_FAN_OUT[Math.min(k, DEFAULT_FAN_OUT.length - 1)];
        }
        return FanOut.of(values);
    }

    private static void addIf(List<String> list, boolean condition, String name) {
        if (condition) {
            list.add(name);
        }
    }
}
