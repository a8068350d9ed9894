// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.runtime.train;

import io.github.gae4j.core.error.ConfigException;
import io.github.gae4j.core.graph.LinkSplit;
import io.github.gae4j.core.graph.TrainingGraph;
import io.github.gae4j.core.optim.Optimizer;
import io.github.gae4j.core.parallel.Parallelism;
import io.github.gae4j.core.spi.CreationContext;
import io.github.gae4j.core.spi.GraphInput;
import io.github.gae4j.runtime.backend.ExecutionBackend;
import io.github.gae4j.runtime.backend.LocalBackend;
import io.github.gae4j.runtime.backend.ModelObjective;
import io.github.gae4j.runtime.backend.TrainingObjective;
import io.github.gae4j.runtime.minibatch.EpochPlan;
import io.github.gae4j.runtime.minibatch.LinkBatchPlan;
import io.github.gae4j.runtime.minibatch.MiniBatchObjective;
import io.github.gae4j.runtime.minibatch.MiniBatchSettings;
import io.github.gae4j.runtime.minibatch.ReceptiveField;
import io.github.gae4j.runtime.model.GraphAutoencoder;
import io.github.gae4j.runtime.model.ModelAssembler;
import io.github.gae4j.runtime.optim.DefaultOptimizers;
import io.github.gae4j.runtime.plugin.ComponentKind;
import io.github.gae4j.runtime.plugin.FactoryLookup;
import io.github.gae4j.runtime.provenance.Provenance;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Trains a {@link GraphAutoencoder} for link prediction on a {@link LinkSplit}: the simple way to run the pieces.
 * The encoder sees only the training graph; each epoch is one full-batch {@link TrainingStep} of the configured
 * optimiser through a {@link LocalBackend} (or the given backend); a {@link Validator} measures validation AUC/AP on
 * μ and keeps the best epoch; a {@link LoggingListener} logs, then the given listeners run; the
 * {@link TrainingLoop} drives the epochs. NaN or infinite losses and gradients stop the run with a
 * {@code NumericalException} instead of spreading. Compose the pieces directly for a loop of your own.
 */
public final class Trainer {

    private final TrainerConfig config;
    private final Parallelism parallelism;
    private final ExecutionBackend backend;
    private final FactoryLookup optimizers;
    private final List<TrainingListener> listeners;

    /** Trains with a local backend on {@code parallelism}'s threads; built-in or class-path optimisers. */
    public Trainer(TrainerConfig config, Parallelism parallelism, TrainingListener... listeners) {
        this(config, parallelism, new DefaultOptimizers(Trainer.class.getClassLoader()), listeners);
    }

    /** Trains with a local backend; the optimiser is looked up by name in {@code optimizers} (a plugin registry). */
    public Trainer(
            TrainerConfig config, Parallelism parallelism, FactoryLookup optimizers, TrainingListener... listeners) {
        this(config, new LocalBackend(parallelism), parallelism, optimizers, Arrays.asList(listeners));
    }

    /**
     * Trains through {@code backend}, evaluating on {@code parallelism}'s threads.
     *
     * @param optimizers where the configured optimiser is looked up by name
     * @param listeners  called after every epoch, after the log line, in this order
     */
    public Trainer(
            TrainerConfig config,
            ExecutionBackend backend,
            Parallelism parallelism,
            FactoryLookup optimizers,
            List<TrainingListener> listeners) {
        this.config = Objects.requireNonNull(config, "config is null");
        this.backend = Objects.requireNonNull(backend, "backend is null");
        this.parallelism = Objects.requireNonNull(parallelism, "parallelism is null");
        this.optimizers = Objects.requireNonNull(optimizers, "optimizers is null");
        this.listeners = new ArrayList<>();
        this.listeners.add(LoggingListener.of(config));
        for (TrainingListener l : listeners) {
            this.listeners.add(Objects.requireNonNull(l, "a listener is null"));
        }
    }

    public TrainingResult fit(GraphAutoencoder model, LinkSplit split) {
        return fit(model, split, null);
    }

    /**
     * {@link #fit(GraphAutoencoder, LinkSplit, TrainingState)}, returning {@code provenance} with the
     * result: the caller knows what the trainer does not (how the model, data and split were made).
     *
     * @throws IllegalArgumentException when the provenance's training seed is not this trainer's
     */
    public TrainingResult fit(GraphAutoencoder model, LinkSplit split, TrainingState resume, Provenance provenance) {
        Objects.requireNonNull(provenance, "provenance is null");
        if (provenance.seeds().training() != config.seed()) {
            throw new IllegalArgumentException(String.format(
                    Locale.ROOT,
                    "The provenance records training seed %d, but training uses seed %d",
                    provenance.seeds().training(),
                    config.seed()));
        }
        return fit(model, split, resume).withProvenance(provenance);
    }

    /**
     * Continues a run from {@code resume} (from {@link TrainingResult#finalState()} or a checkpoint file) up to the
     * configured epochs; with the same model description, split and seed the result is the one an uninterrupted run
     * gives, bit for bit. {@code null} starts afresh.
     */
    public TrainingResult fit(GraphAutoencoder model, LinkSplit split, TrainingState resume) {
        GraphInput input = GraphInput.of(split.trainGraph());
        TrainingGraph training = new TrainingGraph(split.trainGraph());
        TrainingObjective objective;
        EpochPlan plan;
        if (config.isMiniBatch()) {
            MiniBatchSettings settings = config.miniBatch();
            objective = miniBatchObjective(model, input, training, settings);
            plan = new LinkBatchPlan(training, settings, config.seed());
        } else {
            objective = new ModelObjective(model, input, training);
            plan = EpochPlan.fullBatch(config.seed());
        }
        Optimizer optimizer =
                createOptimizer(config, optimizers, split.trainGraph().nodeCount());
        TrainingStep step = new TrainingStep(objective, backend, optimizer, config.gradientClipNorm());
        Validator validator = new Validator(model, input, split, config, parallelism);
        return new TrainingLoop(config, model, step, validator, listeners, plan).run(resume);
    }

    /**
     * The mini-batch objective, after checking that the model can be trained so: every loss term computes on a
     * batch, and the fan-out has one entry per hop the encoder reaches ({@link ReceptiveField}).
     *
     * @throws ConfigException saying which loss term or fan-out is wrong, and what to do
     */
    public static MiniBatchObjective miniBatchObjective(
            GraphAutoencoder model, GraphInput input, TrainingGraph training, MiniBatchSettings settings) {
        String encoderName = model.spec()
                .map(s -> s.encoder().name())
                .orElse(model.encoder().getClass().getSimpleName());
        MiniBatchObjective.requireTrainable(model, settings.fanOut(), input.features(), encoderName);
        return new MiniBatchObjective(model, input, training, settings.fanOut());
    }

    /**
     * The optimiser {@code config} names, created by its factory in {@code optimizers} after its options are checked
     * (an unknown name or option fails listing the known ones).
     */
    public static Optimizer createOptimizer(TrainerConfig config, FactoryLookup optimizers, int nodeCount) {
        return new ModelAssembler(optimizers)
                .create(ComponentKind.OPTIMIZER, config.optimizer(), new CreationContext(0, nodeCount, config.seed()));
    }
}
