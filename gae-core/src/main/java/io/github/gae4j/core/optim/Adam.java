// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.core.optim;

import io.github.gae4j.core.autodiff.ComputationContext;
import io.github.gae4j.core.autodiff.Weights;
import io.github.gae4j.core.tensor.Matrix;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Adam (Kingma &amp; Ba) with bias correction; optional L2 weight decay added to the gradient (PyTorch's
 * {@code Adam(weight_decay=…)}; {@link AdamW} decouples it). A parameter without a gradient in a step is left alone.
 * The state of each parameter is {@code <name>.exp-avg}, {@code <name>.exp-avg-sq} and {@code <name>.step}.
 */
public final class Adam implements Optimizer {

    /** PyTorch's default rate, for {@link #step(List, ComputationContext)}; the trainer gives its own each step. */
    public static final double DEFAULT_LEARNING_RATE = 0.001;

    public static final double DEFAULT_BETA1 = 0.9;
    public static final double DEFAULT_BETA2 = 0.999;
    public static final double DEFAULT_EPSILON = 1e-8;
    /** State slots of each parameter (PyTorch's names): first and second moment estimates, update count. */
    public static final String EXP_AVG = "exp-avg";

    public static final String EXP_AVG_SQ = "exp-avg-sq";
    public static final String STEP = "step";

    private final double learningRate;
    private final AdamMoments moments;

    public Adam(double learningRate) {
        this(learningRate, DEFAULT_BETA1, DEFAULT_BETA2, DEFAULT_EPSILON, 0.0);
    }

    /**
     * @param learningRate the rate of {@link #step(List, ComputationContext)}, which gives none
     */
    public Adam(double learningRate, double beta1, double beta2, double epsilon, double weightDecay) {
        checkSettings(learningRate, beta1, beta2, epsilon, weightDecay);
        this.learningRate = learningRate;
        this.moments = new AdamMoments("adam", beta1, beta2, epsilon, weightDecay, false);
    }

    private static void checkSettings(
            double learningRate, double beta1, double beta2, double epsilon, double weightDecay) {
        if (!(learningRate > 0) || !validMoments(beta1, beta2, epsilon, weightDecay)) {
            throw new IllegalArgumentException(String.format(
                    Locale.ROOT,
                    "Invalid Adam settings: lr %s (> 0), betas %s, %s (in [0, 1)), eps %s (> 0), weight decay %s (>= 0)",
                    learningRate,
                    beta1,
                    beta2,
                    epsilon,
                    weightDecay));
        }
    }

    static boolean validMoments(double beta1, double beta2, double epsilon, double weightDecay) {
        return beta1 >= 0
                && beta1 < 1
                && beta2 >= 0
                && beta2 < 1
                && epsilon > 0
                && Double.isFinite(epsilon)
                && weightDecay >= 0
                && Double.isFinite(weightDecay);
    }

    /** One step at the rate given at construction. */
    public void step(List<Weights> weights, ComputationContext gradients) {
        step(weights, gradients, learningRate);
    }

    /**
     * One step at {@code learningRate} instead of the rate given at construction, for a schedule that changes it
     * from epoch to epoch (PyTorch sets {@code param_group["lr"]}); the moments are those of every earlier step
     * whatever its rate.
     */
    @Override
    public void step(List<Weights> weights, List<Matrix> gradients, double learningRate) {
        moments.step(weights, gradients, learningRate);
    }

    @Override
    public Map<String, Matrix> state(List<Weights> weights) {
        return moments.state(weights);
    }

    @Override
    public void restoreState(List<Weights> weights, Map<String, Matrix> state) {
        moments.restoreState(weights, state);
    }
}
