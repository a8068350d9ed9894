// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.runtime.train;

import io.github.gae4j.core.autodiff.Weights;
import io.github.gae4j.core.error.NumericalException;
import io.github.gae4j.core.optim.GradientClipping;
import io.github.gae4j.core.optim.Optimizer;
import io.github.gae4j.core.tensor.Matrix;
import io.github.gae4j.runtime.backend.ExecutionBackend;
import io.github.gae4j.runtime.backend.LossAndGradients;
import io.github.gae4j.runtime.backend.TrainingObjective;
import io.github.gae4j.runtime.backend.WorkBatch;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One optimisation step: the backend computes the loss and the gradients of a batch at the current weights; the
 * step refuses a non-finite loss or gradient (a {@link NumericalException} naming the epoch, instead of spreading
 * NaN), clips the global gradient norm if configured (before the optimiser adds any weight decay, as PyTorch's
 * {@code clip_grad_norm_} before {@code optimizer.step()}), and steps the optimiser on exactly what the backend
 * returned. The optimiser's state lives in the optimiser; the step keeps none.
 */
public final class TrainingStep {

    private static final Logger LOG = LoggerFactory.getLogger(TrainingStep.class);

    private final TrainingObjective objective;
    private final ExecutionBackend backend;
    private final Optimizer optimizer;
    private final double gradientClipNorm;

    /**
     * @param gradientClipNorm the global gradient norm is clipped to this; 0 = off
     */
    public TrainingStep(
            TrainingObjective objective, ExecutionBackend backend, Optimizer optimizer, double gradientClipNorm) {
        this.objective = Objects.requireNonNull(objective, "objective is null");
        this.backend = Objects.requireNonNull(backend, "backend is null");
        this.optimizer = Objects.requireNonNull(optimizer, "optimizer is null");
        if (!(gradientClipNorm >= 0) || !Double.isFinite(gradientClipNorm)) {
            throw new IllegalArgumentException(
                    "gradientClipNorm must be finite and >= 0 (0 = off), got " + gradientClipNorm);
        }
        this.gradientClipNorm = gradientClipNorm;
    }

    public TrainingObjective objective() {
        return objective;
    }

    public Optimizer optimizer() {
        return optimizer;
    }

    /**
     * Computes the loss of {@code batch} and takes one optimiser step at {@code learningRate}.
     *
     * @param stepSeed seeds the step's randomness ({@link TrainingLoop#epochSeed} for a full-batch epoch)
     * @param epoch    the epoch, for error messages
     * @return the batch's mean loss, term values and gradients (before clipping), as the weights were before the
     *         step
     * @throws NumericalException if the loss or a gradient is not finite
     */
    public LossAndGradients run(WorkBatch batch, long stepSeed, double learningRate, int epoch) {
        List<Weights> weights = objective.weights();
        List<Matrix> values = new ArrayList<>(weights.size());
        for (Weights w : weights) {
            values.add(w.data());
        }
        LossAndGradients result =
                backend.lossAndGradients(objective, values, batch, stepSeed).mean();
        if (!result.isFinite()) {
            throw new NumericalException(String.format(
                    Locale.ROOT,
                    "Loss is %s at epoch %d (learning rate %s); the model diverged: lower the learning rate"
                            + " or check the input features for extreme values",
                    result.loss(),
                    epoch,
                    learningRate));
        }
        checkGradients(weights, result.gradients(), epoch);
        List<Matrix> gradients = new ArrayList<>(result.gradients());
        if (gradientClipNorm > 0) {
            double norm = GradientClipping.clipGlobalNorm(gradients, gradientClipNorm);
            LOG.debug("epoch {}: gradient norm {} (clip limit {})", epoch, norm, gradientClipNorm);
        }
        optimizer.step(weights, gradients, learningRate);
        return result;
    }

    private static void checkGradients(List<Weights> weights, List<Matrix> gradients, int epoch) {
        if (gradients.size() != weights.size()) {
            throw new IllegalStateException(String.format(
                    Locale.ROOT,
                    "The backend returned %d gradients for %d parameters",
                    gradients.size(),
                    weights.size()));
        }
        for (int i = 0; i < weights.size(); i++) {
            Matrix g = gradients.get(i);
            if (g != null && g.firstNonFinite() >= 0) {
                int k = g.firstNonFinite();
                throw new NumericalException(String.format(
                        Locale.ROOT,
                        "Gradient of %s is %s at entry (%d, %d) in epoch %d; lower the learning rate",
                        weights.get(i).render(),
                        g.data()[k],
                        k / g.cols(),
                        k % g.cols(),
                        epoch));
            }
        }
    }
}
