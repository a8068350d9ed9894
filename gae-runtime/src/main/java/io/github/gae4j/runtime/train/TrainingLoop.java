// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.runtime.train;

import io.github.gae4j.core.autodiff.Weights;
import io.github.gae4j.core.optim.Optimizer;
import io.github.gae4j.core.tensor.Matrix;
import io.github.gae4j.runtime.backend.LossAndGradients;
import io.github.gae4j.runtime.backend.WeightValues;
import io.github.gae4j.runtime.backend.WorkBatch;
import io.github.gae4j.runtime.metrics.LinkScores;
import io.github.gae4j.runtime.minibatch.EpochPlan;
import io.github.gae4j.runtime.minibatch.Seeds;
import io.github.gae4j.runtime.model.GraphAutoencoder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The epochs of a run: picks up a saved state (weights, optimiser state, loss terms' state, best epoch), then per
 * epoch the {@link EpochPlan}'s steps (one full-batch {@link TrainingStep}, or one per mini-batch) at the scheduled
 * rate, a {@link Validator} pass when due, the
 * {@link TrainingListener}s (in order), and a stop on a listener's request or when patience runs out; at the end,
 * the final state, the best weights back if configured, and the test scores.
 *
 * <p>Each step's randomness is a function of (seed, epoch, batch) ({@link Seeds}) and its rate a function of (epoch, epochs), so a run
 * resumed from a state continues bit for bit as an uninterrupted one.
 */
public final class TrainingLoop {

    private static final Logger LOG = LoggerFactory.getLogger(TrainingLoop.class);

    private final TrainerConfig config;
    private final GraphAutoencoder model;
    private final TrainingStep step;
    private final Validator validator;
    private final List<TrainingListener> listeners;
    private final EpochPlan plan;

    /** Full-batch training: one step on the whole graph per epoch. */
    public TrainingLoop(
            TrainerConfig config,
            GraphAutoencoder model,
            TrainingStep step,
            Validator validator,
            List<TrainingListener> listeners) {
        this(config, model, step, validator, listeners, EpochPlan.fullBatch(config.seed()));
    }

    /**
     * @param model     the model the step's objective trains (its weights, loss terms and their state)
     * @param listeners called after every epoch (and batch), in this order
     * @param plan      the steps of each epoch: one full-batch step, or a {@code LinkBatchPlan}'s batches
     */
    public TrainingLoop(
            TrainerConfig config,
            GraphAutoencoder model,
            TrainingStep step,
            Validator validator,
            List<TrainingListener> listeners,
            EpochPlan plan) {
        this.config = Objects.requireNonNull(config, "config is null");
        this.model = Objects.requireNonNull(model, "model is null");
        this.step = Objects.requireNonNull(step, "step is null");
        this.validator = Objects.requireNonNull(validator, "validator is null");
        this.listeners = List.copyOf(listeners);
        this.plan = Objects.requireNonNull(plan, "plan is null");
    }

    /**
     * Runs the configured epochs, from {@code resume} if not null (from {@link TrainingResult#finalState()} or a
     * checkpoint file: its optimiser must be the configured one).
     */
    public TrainingResult run(TrainingState resume) {
        List<Weights> weights = model.weights();
        Optimizer optimizer = step.optimizer();
        List<EpochStats> history = new ArrayList<>(config.epochs());
        int firstEpoch = 1;
        if (resume != null) {
            restore(resume, weights, optimizer);
            validator.resumeFrom(resume);
            history.addAll(resume.history());
            firstEpoch = resume.epochsDone() + 1;
            LOG.info("Resuming at epoch {} of {}", firstEpoch, config.epochs());
        }
        boolean stopped = false;
        boolean patienceOut = resume != null && validator.patienceExhausted(resume.epochsDone());
        for (int epoch = firstEpoch; epoch <= config.epochs() && !patienceOut; epoch++) {
            long start = System.nanoTime();
            double loss = runEpoch(epoch);
            double millis = (System.nanoTime() - start) / 1e6;
            Optional<LinkScores> val = validator.validate(epoch);
            EpochStats stats = new EpochStats(
                    epoch,
                    loss,
                    val.map(LinkScores::auc).orElse(Double.NaN),
                    val.map(LinkScores::ap).orElse(Double.NaN),
                    millis);
            history.add(stats);
            int done = epoch;
            Supplier<TrainingState> state = memoize(() -> state(done, history, weights, optimizer));
            for (TrainingListener listener : listeners) {
                listener.onEpoch(stats);
            }
            for (TrainingListener listener : listeners) {
                listener.afterEpoch(stats, state);
            }
            if (epoch < config.epochs() && listeners.stream().anyMatch(TrainingListener::stopRequested)) {
                LOG.info("Stopped at epoch {} of {} on request", epoch, config.epochs());
                stopped = true;
                break;
            }
            patienceOut = epoch < config.epochs() && validator.patienceExhausted(epoch);
            if (patienceOut) {
                LOG.info(
                        "Early stop at epoch {} of {}: validation AUC has not improved for {} epochs (best epoch {})",
                        epoch,
                        config.epochs(),
                        config.patience(),
                        validator.bestEpoch());
            }
        }
        int epochsDone = history.size();
        TrainingState finalState = state(epochsDone, history, weights, optimizer);
        validator.restoreBestWeights();
        LinkScores test = validator.test(epochsDone);
        LOG.info(String.format(
                Locale.ROOT,
                "Test AUC %.4f, AP %.4f (best validation epoch %d)",
                test.auc(),
                test.ap(),
                validator.bestEpoch()));
        return new TrainingResult(history, validator.bestEpoch(), test, stopped, finalState);
    }

    /**
     * The plan's steps of {@code epoch}, each at the epoch's rate; the epoch's loss is the mean of the batches'
     * (the full-batch loss for one step). Listeners hear of each batch of a mini-batch epoch.
     */
    private double runEpoch(int epoch) {
        int batches = plan.batches(epoch);
        double rate = learningRate(epoch);
        double sum = 0;
        for (int b = 0; b < batches; b++) {
            long start = System.nanoTime();
            WorkBatch batch = plan.batch(epoch, b);
            LossAndGradients result = step.run(batch, plan.stepSeed(epoch, b), rate, epoch);
            sum += result.loss();
            if (!(batch instanceof WorkBatch.WholeGraph)) {
                BatchStats stats =
                        new BatchStats(epoch, b + 1, batches, result.loss(), (System.nanoTime() - start) / 1e6);
                for (TrainingListener listener : listeners) {
                    listener.onBatch(stats);
                }
            }
        }
        return sum / batches;
    }

    /**
     * The seed of one epoch's randomness, a function of (seed, epoch) alone: a resumed run draws the same noise and
     * negatives as an uninterrupted one without storing generator state.
     */
    public static long epochSeed(long seed, int epoch) {
        return Seeds.epoch(seed, epoch);
    }

    /**
     * The learning rate of {@code epoch}: a function of the epoch and the configured epochs alone, so a resumed run
     * steps at the rates an uninterrupted one does without storing scheduler state.
     */
    public double learningRate(int epoch) {
        double rate = config.learningRate() * config.learningRateSchedule().factor(epoch, config.epochs());
        if (config.learningRateSchedule() != LearningRateSchedule.CONSTANT) {
            LOG.debug("epoch {}: learning rate {}", epoch, rate);
        }
        return rate;
    }

    private TrainingState state(int epochsDone, List<EpochStats> history, List<Weights> weights, Optimizer optimizer) {
        return new TrainingState(
                epochsDone,
                history,
                validator.bestEpoch(),
                validator.bestValAuc(),
                Validator.copies(weights),
                validator.bestWeights(),
                new OptimizerState(config.optimizer().name(), optimizer.state(weights)),
                lossState(model));
    }

    private void restore(TrainingState resume, List<Weights> weights, Optimizer optimizer) {
        if (resume.epochsDone() > config.epochs()) {
            throw new IllegalArgumentException(String.format(
                    Locale.ROOT,
                    "The checkpoint has %d epochs done, more than the %d configured",
                    resume.epochsDone(),
                    config.epochs()));
        }
        WeightValues.copyInto(resume.weights(), weights, "The saved state", "the model");
        String saved = resume.optimizer().name();
        if (!saved.equals(config.optimizer().name())) {
            throw new IllegalArgumentException(String.format(
                    Locale.ROOT,
                    "The saved state is of optimizer '%s', but the settings select optimizer '%s'; resume with '%s'",
                    saved,
                    config.optimizer().name(),
                    saved));
        }
        try {
            optimizer.restoreState(weights, resume.optimizer().tensors());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Saved state of optimizer '" + saved + "': " + e.getMessage(), e);
        }
        restoreLossState(model, resume);
    }

    /** Calls {@code supplier} once, on first use: listeners share one copy of the state. */
    private static <T> Supplier<T> memoize(Supplier<T> supplier) {
        return new Supplier<>() {
            private T value;

            @Override
            public T get() {
                if (value == null) {
                    value = supplier.get();
                }
                return value;
            }
        };
    }

    /** A snapshot of every loss term's {@code state()}, copied, keyed by {@link GraphAutoencoder#lossTermKeys()}. */
    static Map<String, Map<String, Matrix>> lossState(GraphAutoencoder model) {
        List<String> keys = model.lossTermKeys();
        Map<String, Map<String, Matrix>> out = new LinkedHashMap<>();
        for (int k = 0; k < keys.size(); k++) {
            String key = keys.get(k);
            Map<String, Matrix> state = model.losses().get(k).loss().state();
            if (state == null) {
                throw new IllegalStateException("Loss term '" + key + "' returned a null state(); return an empty map");
            }
            out.put(key, copies(state, key));
        }
        return out;
    }

    /**
     * Hands each loss term its saved state. A state without loss state (saved before terms could keep any) leaves
     * the terms fresh, with a warning for those that keep state; otherwise the saved terms must be exactly the
     * model's, and each term checks its own tensors.
     */
    private static void restoreLossState(GraphAutoencoder model, TrainingState resume) {
        List<String> keys = model.lossTermKeys();
        if (!resume.hasLossState()) {
            for (int k = 0; k < keys.size(); k++) {
                if (!model.losses().get(k).loss().state().isEmpty()) {
                    LOG.warn(
                            "The saved state holds no state of loss term '{}' (saved by an older gae4j): the term"
                                    + " restarts from its initial state, so the resumed run will not match an uninterrupted"
                                    + " one bit for bit",
                            keys.get(k));
                }
            }
            return;
        }
        Set<String> saved = new LinkedHashSet<>(resume.lossState().keySet());
        saved.removeAll(keys);
        if (!saved.isEmpty()) {
            throw new IllegalArgumentException(String.format(
                    Locale.ROOT,
                    "The saved state holds state of loss term '%s', which the model does not have (its terms: %s)",
                    saved.iterator().next(),
                    keys));
        }
        for (int k = 0; k < keys.size(); k++) {
            String key = keys.get(k);
            Map<String, Matrix> state = resume.lossState().get(key);
            if (state == null) {
                throw new IllegalArgumentException(String.format(
                        Locale.ROOT,
                        "The saved state holds no state of loss term '%s' (it holds %s)",
                        key,
                        resume.lossState().keySet()));
            }
            try {
                model.losses().get(k).loss().restoreState(copies(state, key));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("Saved state of loss term '" + key + "': " + e.getMessage(), e);
            }
        }
    }

    private static Map<String, Matrix> copies(Map<String, Matrix> state, String key) {
        Map<String, Matrix> out = new LinkedHashMap<>();
        state.forEach((name, value) -> {
            if (name == null || value == null) {
                throw new IllegalStateException("Loss term '" + key + "' has a null tensor name or value in its state");
            }
            out.put(name, value.copy());
        });
        return out;
    }
}
