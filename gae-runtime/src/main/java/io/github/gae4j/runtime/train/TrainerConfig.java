// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.runtime.train;

import io.github.gae4j.core.spi.ComponentConfig;
import io.github.gae4j.runtime.minibatch.FanOut;
import io.github.gae4j.runtime.minibatch.MiniBatchSettings;
import io.github.gae4j.runtime.model.ComponentSpec;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Training settings; build them with {@link #builder()} (or change some with {@link #toBuilder()}):
 *
 * <pre>{@code
 * TrainerConfig config = TrainerConfig.builder().epochs(300).learningRate(0.005)
 *         .optimizer("adamw", Map.of("weight-decay", 0.01)).build();
 * }</pre>
 *
 * Defaults are the reference recipe: Adam at lr 0.01, 200 epochs, seed 42.
 *
 * @param epochs               number of full passes
 * @param learningRate         the optimiser's step size (the base rate of the schedule)
 * @param optimizer            the optimiser plugin by name, with its options ({@code adam} by default; {@code adamw},
 *                             {@code sgd} or any plugin's)
 * @param seed                 seeds noise and negative sampling (model init has its own seed)
 * @param restoreBest          evaluate test on the weights of the best validation epoch instead of the last
 * @param logEvery             log an INFO line every this many epochs (every epoch is logged at DEBUG)
 * @param evalEvery            measure validation AUC/AP every this many epochs (and at the last); 0 = never
 *                             (large graphs: each evaluation is one more forward pass)
 * @param patience             stop when validation AUC has not improved for this many epochs since the best one
 *                             (0 = never stop early)
 * @param gradientClipNorm     clip the global L2 norm of all gradients to this before each step, as PyTorch's
 *                             {@code clip_grad_norm_} does (0 = off)
 * @param learningRateSchedule how the learning rate changes from epoch to epoch (constant by default); its
 *                             length is {@code epochs}, so raising {@code epochs} on resume stretches the rest
 *                             of a cosine schedule
 * @param miniBatch            mini-batch training with neighbour sampling (batch size, fan-out, negatives, batches per
 *                             epoch); null (the default) trains full-batch, one step per epoch
 */
public record TrainerConfig(
        int epochs,
        double learningRate,
        ComponentSpec optimizer,
        long seed,
        boolean restoreBest,
        int logEvery,
        int evalEvery,
        int patience,
        double gradientClipNorm,
        LearningRateSchedule learningRateSchedule,
        MiniBatchSettings miniBatch) {

    /** Whether training runs in mini-batches ({@link #miniBatch()} is set). */
    public boolean isMiniBatch() {
        return miniBatch != null;
    }

    /** The optimiser of the reference recipe. */
    public static final String DEFAULT_OPTIMIZER = "adam";

    public TrainerConfig {
        if (epochs < 1 || logEvery < 1 || evalEvery < 0) {
            throw new IllegalArgumentException(String.format(
                    Locale.ROOT,
                    "epochs and logEvery must be >= 1 and evalEvery >= 0, got %d, %d and %d",
                    epochs,
                    logEvery,
                    evalEvery));
        }
        if (!(learningRate > 0) || !Double.isFinite(learningRate)) {
            throw new IllegalArgumentException(
                    String.format(Locale.ROOT, "learningRate must be positive and finite, got %s", learningRate));
        }
        if (patience < 0) {
            throw new IllegalArgumentException(
                    String.format(Locale.ROOT, "patience must be >= 0 (0 = off), got %d", patience));
        }
        if (!Double.isFinite(gradientClipNorm) || gradientClipNorm < 0) {
            throw new IllegalArgumentException(String.format(
                    Locale.ROOT, "gradientClipNorm must be finite and >= 0 (0 = off), got %s", gradientClipNorm));
        }
        if (gradientClipNorm == 0) {
            gradientClipNorm = 0.0; // -0.0 too, so that "off" compares equal however it was written
        }
        Objects.requireNonNull(optimizer, "optimizer is null");
        Objects.requireNonNull(learningRateSchedule, "learningRateSchedule is null");
    }

    /**
     * The defaults code and {@code gae train} share: the reference recipe (Adam, lr 0.01, 200 epochs, seed 42,
     * validation every epoch), keeping the best validation epoch's weights. The paper tables set
     * {@code restoreBest(false)}: the papers test the last epoch.
     */
    public static TrainerConfig defaults() {
        return builder().build();
    }

    /** A builder starting from {@link #defaults()}. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from these settings. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Sets the settings one by one; unset ones keep the defaults (or the values of the config it started from). */
    public static final class Builder {
        private int epochs = 200;
        private double learningRate = 0.01;
        private ComponentSpec optimizer = ComponentSpec.of(DEFAULT_OPTIMIZER);
        private long seed = 42L;
        // The best validation epoch's weights, as `gae train` keeps them: one default for code and the CLI.
        private boolean restoreBest = true;
        private int logEvery = 10;
        private int evalEvery = 1;
        private int patience;
        private double gradientClipNorm;
        private LearningRateSchedule learningRateSchedule = LearningRateSchedule.CONSTANT;
        private MiniBatchSettings miniBatch;

        private Builder() {}

        private Builder(TrainerConfig c) {
            epochs = c.epochs;
            learningRate = c.learningRate;
            optimizer = c.optimizer;
            seed = c.seed;
            restoreBest = c.restoreBest;
            logEvery = c.logEvery;
            evalEvery = c.evalEvery;
            patience = c.patience;
            gradientClipNorm = c.gradientClipNorm;
            learningRateSchedule = c.learningRateSchedule;
            miniBatch = c.miniBatch;
        }

        public Builder epochs(int value) {
            epochs = value;
            return this;
        }

        public Builder learningRate(double value) {
            learningRate = value;
            return this;
        }

        /** The optimiser by name, with its default options. */
        public Builder optimizer(String name) {
            return optimizer(ComponentSpec.of(name));
        }

        /** The optimiser by name with these options, e.g. {@code optimizer("sgd", Map.of("momentum", 0.9))}. */
        public Builder optimizer(String name, Map<String, ?> options) {
            return optimizer(new ComponentSpec(name, ComponentConfig.of(options)));
        }

        public Builder optimizer(ComponentSpec value) {
            optimizer = Objects.requireNonNull(value, "optimizer is null");
            return this;
        }

        /** Sets one option of the current optimiser, keeping the others (e.g. {@code "weight-decay"}). */
        public Builder optimizerOption(String key, Object value) {
            Map<String, Object> options = new LinkedHashMap<>(optimizer.config().asMap());
            options.put(Objects.requireNonNull(key, "key is null"), Objects.requireNonNull(value, "value is null"));
            optimizer = new ComponentSpec(optimizer.name(), ComponentConfig.of(options));
            return this;
        }

        public Builder seed(long value) {
            seed = value;
            return this;
        }

        public Builder restoreBest(boolean value) {
            restoreBest = value;
            return this;
        }

        public Builder logEvery(int value) {
            logEvery = value;
            return this;
        }

        public Builder evalEvery(int value) {
            evalEvery = value;
            return this;
        }

        /** Stops after this many epochs without a better validation AUC; 0 (the default) never stops early. */
        public Builder patience(int value) {
            patience = value;
            return this;
        }

        /** Clips the global gradient norm to {@code value} before each step; 0 turns clipping off. */
        public Builder gradientClipNorm(double value) {
            gradientClipNorm = value;
            return this;
        }

        /** Scales the learning rate of each epoch by {@code value}'s factor over the configured epochs. */
        public Builder learningRateSchedule(LearningRateSchedule value) {
            learningRateSchedule = value;
            return this;
        }

        /**
         * Trains in mini-batches with neighbour sampling, e.g.
         * {@code miniBatch(MiniBatchSettings.of(1024, FanOut.parse("25,10")))}; null trains full-batch.
         */
        public Builder miniBatch(MiniBatchSettings value) {
            miniBatch = value;
            return this;
        }

        /**
         * Trains in mini-batches of {@code batchSize} training edges with the fan-out {@code fanOut} ({@code "25,10"},
         * one entry per encoder layer, -1 = all neighbours), uniform negatives at ratio 1, every batch in each epoch:
         * what {@code gae train --batch-size 1024 --fanout 25,10} does.
         *
         * @throws io.github.gae4j.core.error.ConfigException for a batch size below 1 or a malformed fan-out
         */
        public Builder miniBatch(int batchSize, String fanOut) {
            return miniBatch(MiniBatchSettings.of(batchSize, FanOut.parse(fanOut)));
        }

        /**
         * The configuration with the values set so far.
         *
         * @throws IllegalArgumentException naming the first bad setting
         */
        public TrainerConfig build() {
            return new TrainerConfig(
                    epochs,
                    learningRate,
                    optimizer,
                    seed,
                    restoreBest,
                    logEvery,
                    evalEvery,
                    patience,
                    gradientClipNorm,
                    learningRateSchedule,
                    miniBatch);
        }
    }
}
