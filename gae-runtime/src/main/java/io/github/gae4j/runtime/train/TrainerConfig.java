package io.github.gae4j.runtime.train;

import java.util.Locale;
import java.util.Objects;

/**
 * Training settings. Defaults are the reference recipe: Adam, lr 0.01, 200 epochs.
 *
 * @param epochs               number of full passes
 * @param learningRate         Adam step size (the base rate of the schedule)
 * @param beta1                Adam first-moment decay
 * @param beta2                Adam second-moment decay
 * @param epsilon              Adam denominator guard
 * @param weightDecay          L2 penalty added to gradients (0 = none)
 * @param seed                 seeds noise and negative sampling (model init has its own seed)
 * @param restoreBest          evaluate test on the weights of the best validation epoch instead of the last
 * @param logEvery             log an INFO line every this many epochs (every epoch is logged at DEBUG)
 * @param evalEvery            measure validation AUC/AP every this many epochs (and at the last); 0 = never
 *                             (large graphs: each evaluation is one more forward pass)
 * @param gradientClipNorm     clip the global L2 norm of all gradients to this before each step, as PyTorch's
 *                             {@code clip_grad_norm_} does (0 = off)
 * @param learningRateSchedule how the learning rate changes from epoch to epoch (constant by default); its
 *                             length is {@code epochs}, so raising {@code epochs} on resume stretches the rest
 *                             of a cosine schedule
 */
public record TrainerConfig(int epochs, double learningRate, double beta1, double beta2, double epsilon,
                            double weightDecay, long seed, boolean restoreBest, int logEvery, int evalEvery,
                            double gradientClipNorm, LearningRateSchedule learningRateSchedule) {

    public TrainerConfig {
        if (epochs < 1 || logEvery < 1 || evalEvery < 0) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "epochs and logEvery must be >= 1 and evalEvery >= 0, got %d, %d and %d", epochs, logEvery,
                    evalEvery));
        }
        if (!Double.isFinite(gradientClipNorm) || gradientClipNorm < 0) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "gradientClipNorm must be finite and >= 0 (0 = off), got %s", gradientClipNorm));
        }
        if (gradientClipNorm == 0) {
            gradientClipNorm = 0.0; // -0.0 too, so that "off" compares equal however it was written
        }
        Objects.requireNonNull(learningRateSchedule, "learningRateSchedule is null");
    }

    /** Settings with a constant learning rate (the form before the schedule was a setting). */
    public TrainerConfig(int epochs, double learningRate, double beta1, double beta2, double epsilon,
                         double weightDecay, long seed, boolean restoreBest, int logEvery, int evalEvery,
                         double gradientClipNorm) {
        this(epochs, learningRate, beta1, beta2, epsilon, weightDecay, seed, restoreBest, logEvery, evalEvery,
                gradientClipNorm, LearningRateSchedule.CONSTANT);
    }

    /** Settings without clipping and with a constant learning rate (the form before either was a setting). */
    public TrainerConfig(int epochs, double learningRate, double beta1, double beta2, double epsilon,
                         double weightDecay, long seed, boolean restoreBest, int logEvery, int evalEvery) {
        this(epochs, learningRate, beta1, beta2, epsilon, weightDecay, seed, restoreBest, logEvery, evalEvery, 0.0,
                LearningRateSchedule.CONSTANT);
    }

    public static TrainerConfig defaults() {
        return new TrainerConfig(200, 0.01, 0.9, 0.999, 1e-8, 0.0, 42L, false, 10, 1, 0.0,
                LearningRateSchedule.CONSTANT);
    }

    public TrainerConfig withEvalEvery(int value) {
        return new TrainerConfig(epochs, learningRate, beta1, beta2, epsilon, weightDecay, seed, restoreBest, logEvery,
                value, gradientClipNorm, learningRateSchedule);
    }

    public TrainerConfig withEpochs(int value) {
        return new TrainerConfig(value, learningRate, beta1, beta2, epsilon, weightDecay, seed, restoreBest, logEvery,
                evalEvery, gradientClipNorm, learningRateSchedule);
    }

    public TrainerConfig withLearningRate(double value) {
        return new TrainerConfig(epochs, value, beta1, beta2, epsilon, weightDecay, seed, restoreBest, logEvery,
                evalEvery, gradientClipNorm, learningRateSchedule);
    }

    public TrainerConfig withSeed(long value) {
        return new TrainerConfig(epochs, learningRate, beta1, beta2, epsilon, weightDecay, value, restoreBest, logEvery,
                evalEvery, gradientClipNorm, learningRateSchedule);
    }

    public TrainerConfig withWeightDecay(double value) {
        return new TrainerConfig(epochs, learningRate, beta1, beta2, epsilon, value, seed, restoreBest, logEvery,
                evalEvery, gradientClipNorm, learningRateSchedule);
    }

    public TrainerConfig withRestoreBest(boolean value) {
        return new TrainerConfig(epochs, learningRate, beta1, beta2, epsilon, weightDecay, seed, value, logEvery,
                evalEvery, gradientClipNorm, learningRateSchedule);
    }

    public TrainerConfig withLogEvery(int value) {
        return new TrainerConfig(epochs, learningRate, beta1, beta2, epsilon, weightDecay, seed, restoreBest, value,
                evalEvery, gradientClipNorm, learningRateSchedule);
    }

    /** Clips the global gradient norm to {@code value} before each step; 0 turns clipping off. */
    public TrainerConfig withGradientClipNorm(double value) {
        return new TrainerConfig(epochs, learningRate, beta1, beta2, epsilon, weightDecay, seed, restoreBest, logEvery,
                evalEvery, value, learningRateSchedule);
    }

    /** Scales the learning rate of each epoch by {@code value}'s factor over the configured epochs. */
    public TrainerConfig withLearningRateSchedule(LearningRateSchedule value) {
        return new TrainerConfig(epochs, learningRate, beta1, beta2, epsilon, weightDecay, seed, restoreBest, logEvery,
                evalEvery, gradientClipNorm, value);
    }
}
