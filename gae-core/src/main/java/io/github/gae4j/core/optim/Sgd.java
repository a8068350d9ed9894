// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.core.optim;

import io.github.gae4j.core.autodiff.Weights;
import io.github.gae4j.core.tensor.Matrix;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Stochastic gradient descent with optional momentum, dampening, Nesterov momentum and L2 weight decay, as
 * PyTorch's {@code torch.optim.SGD}: with d = g + λ·p, the momentum buffer starts as b = d and then follows
 * b ← μ·b + (1 − τ)·d; the step is p ← p − lr·(d + μ·b) with Nesterov, p ← p − lr·b without, p ← p − lr·d when
 * μ = 0. The state is each parameter's buffer, {@code <name>.momentum-buffer}, once it exists (none without
 * momentum).
 */
public final class Sgd implements Optimizer {

    static final String MOMENTUM_BUFFER = "momentum-buffer";

    private final double momentum;
    private final double dampening;
    private final boolean nesterov;
    private final double weightDecay;
    private final IdentityHashMap<Weights, double[]> buffers = new IdentityHashMap<>();

    /** Plain gradient descent: no momentum, no decay. */
    public Sgd() {
        this(0.0, 0.0, false, 0.0);
    }

    /**
     * @throws IllegalArgumentException for a negative or non-finite setting, or Nesterov without momentum or with
     *                                  dampening (PyTorch refuses both)
     */
    public Sgd(double momentum, double dampening, boolean nesterov, double weightDecay) {
        if (!(momentum >= 0)
                || !Double.isFinite(momentum)
                || !(dampening >= 0)
                || !Double.isFinite(dampening)
                || !(weightDecay >= 0)
                || !Double.isFinite(weightDecay)) {
            throw new IllegalArgumentException(String.format(
                    Locale.ROOT,
                    "Invalid SGD settings: momentum %s, dampening %s, weight decay %s (each finite and >= 0)",
                    momentum,
                    dampening,
                    weightDecay));
        }
        if (nesterov && (momentum <= 0 || dampening != 0)) {
            throw new IllegalArgumentException(String.format(
                    Locale.ROOT,
                    "Nesterov momentum requires a momentum > 0 and zero dampening, got momentum %s, dampening %s",
                    momentum,
                    dampening));
        }
        this.momentum = momentum;
        this.dampening = dampening;
        this.nesterov = nesterov;
        this.weightDecay = weightDecay;
    }

    @Override
    public void step(List<Weights> weights, List<Matrix> gradients, double learningRate) {
        StateTensors.checkStep(weights, gradients, learningRate);
        for (int i = 0; i < weights.size(); i++) {
            Weights w = weights.get(i);
            Matrix g = gradients.get(i);
            if (g == null) {
                continue;
            }
            double[] p = w.data().data();
            double[] gd = g.data();
            double[] b = momentum == 0 ? null : buffers.get(w);
            boolean first = momentum != 0 && b == null;
            if (first) {
                b = new double[p.length];
                buffers.put(w, b);
            }
            for (int k = 0; k < p.length; k++) {
                double d = weightDecay == 0 ? gd[k] : gd[k] + weightDecay * p[k];
                if (b != null) {
                    b[k] = first ? d : momentum * b[k] + (1.0 - dampening) * d;
                    d = nesterov ? d + momentum * b[k] : b[k];
                }
                p[k] -= learningRate * d;
            }
        }
    }

    @Override
    public Map<String, Matrix> state(List<Weights> weights) {
        StateTensors.requireDistinctNames(weights);
        Map<String, Matrix> out = new LinkedHashMap<>();
        for (Weights w : weights) {
            double[] b = buffers.get(w);
            if (b != null) {
                out.put(StateTensors.key(w, MOMENTUM_BUFFER), Matrix.wrapRowMajor(w.rows(), w.cols(), b.clone()));
            }
        }
        return out;
    }

    /** A parameter without a saved buffer starts without one, as before its first step. */
    @Override
    public void restoreState(List<Weights> weights, Map<String, Matrix> state) {
        StateTensors.requireDistinctNames(weights);
        StateTensors.requireOnly(state, weights, momentum == 0 ? List.of() : List.of(MOMENTUM_BUFFER), "sgd");
        IdentityHashMap<Weights, double[]> restored = new IdentityHashMap<>();
        for (Weights w : weights) {
            Matrix b = StateTensors.optional(state, StateTensors.key(w, MOMENTUM_BUFFER), w);
            if (b != null) {
                restored.put(w, b.data().clone());
            }
        }
        for (Weights w : weights) {
            buffers.remove(w);
        }
        buffers.putAll(restored);
    }
}
