// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.core.optim;

import io.github.gae4j.core.autodiff.Weights;
import io.github.gae4j.core.tensor.Matrix;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * AdamW (Loshchilov &amp; Hutter), PyTorch's {@code torch.optim.AdamW}: Adam whose weight decay is decoupled from the
 * gradient, each step first shrinking the parameter to {@code p · (1 − lr · λ)} and then taking Adam's step on the
 * gradient alone. The same moments and state names as {@link Adam}.
 */
public final class AdamW implements Optimizer {

    /** PyTorch's default decay of AdamW. */
    public static final double DEFAULT_WEIGHT_DECAY = 0.01;

    private final AdamMoments moments;

    public AdamW(double beta1, double beta2, double epsilon, double weightDecay) {
        if (!Adam.validMoments(beta1, beta2, epsilon, weightDecay)) {
            throw new IllegalArgumentException(String.format(
                    Locale.ROOT,
                    "Invalid AdamW settings: betas %s, %s (in [0, 1)), eps %s (> 0), weight decay %s (>= 0)",
                    beta1,
                    beta2,
                    epsilon,
                    weightDecay));
        }
        this.moments = new AdamMoments("adamw", beta1, beta2, epsilon, weightDecay, true);
    }

    /** PyTorch's defaults: betas 0.9, 0.999, eps 1e-8, weight decay 0.01. */
    public AdamW() {
        this(Adam.DEFAULT_BETA1, Adam.DEFAULT_BETA2, Adam.DEFAULT_EPSILON, DEFAULT_WEIGHT_DECAY);
    }

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
