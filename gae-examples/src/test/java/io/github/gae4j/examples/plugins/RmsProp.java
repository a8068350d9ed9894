// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.examples.plugins;

import io.github.gae4j.core.autodiff.Weights;
import io.github.gae4j.core.optim.Optimizer;
import io.github.gae4j.core.optim.StateTensors;
import io.github.gae4j.core.tensor.Matrix;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An optimiser that gae4j does not ship, written against gae-core alone: RMSprop as PyTorch's
 * {@code torch.optim.RMSprop} (no momentum, not centred): v ← α·v + (1 − α)·g², p ← p − lr·g / (√v + ε). Its state
 * is each parameter's running average, {@code <name>.square-avg}, once it has one.
 */
final class RmsProp implements Optimizer {

    static final String SQUARE_AVG = "square-avg";

    private final double alpha;
    private final double epsilon;
    private final IdentityHashMap<Weights, double[]> averages = new IdentityHashMap<>();

    RmsProp(double alpha, double epsilon) {
        this.alpha = alpha;
        this.epsilon = epsilon;
    }

    @Override
    public void step(List<Weights> weights, List<Matrix> gradients, double learningRate) {
        if (weights.size() != gradients.size() || !(learningRate > 0)) {
            throw new IllegalArgumentException("One gradient per parameter and a positive rate, got " + gradients.size()
                    + " for " + weights.size() + " at " + learningRate);
        }
        for (int i = 0; i < weights.size(); i++) {
            Matrix g = gradients.get(i);
            if (g == null) {
                continue;
            }
            Weights w = weights.get(i);
            if (!g.sameShape(w.data())) {
                throw new IllegalArgumentException("Gradient of " + w.render() + " has shape " + g.shape());
            }
            double[] v = averages.computeIfAbsent(w, k -> new double[k.data().data().length]);
            double[] p = w.data().data();
            for (int k = 0; k < p.length; k++) {
                v[k] = alpha * v[k] + (1 - alpha) * g.data()[k] * g.data()[k];
                p[k] -= learningRate * g.data()[k] / (Math.sqrt(v[k]) + epsilon);
            }
        }
    }

    @Override
    public Map<String, Matrix> state(List<Weights> weights) {
        StateTensors.requireDistinctNames(weights);
        Map<String, Matrix> out = new LinkedHashMap<>();
        for (Weights w : weights) {
            double[] v = averages.get(w);
            if (v != null) {
                out.put(StateTensors.key(w, SQUARE_AVG), Matrix.wrapRowMajor(w.rows(), w.cols(), v.clone()));
            }
        }
        return out;
    }

    @Override
    public void restoreState(List<Weights> weights, Map<String, Matrix> state) {
        StateTensors.requireDistinctNames(weights);
        StateTensors.requireOnly(state, weights, List.of(SQUARE_AVG), "rmsprop");
        IdentityHashMap<Weights, double[]> restored = new IdentityHashMap<>();
        for (Weights w : weights) {
            Matrix v = StateTensors.optional(state, StateTensors.key(w, SQUARE_AVG), w);
            if (v != null) {
                restored.put(w, v.data().clone());
            }
        }
        weights.forEach(averages::remove);
        averages.putAll(restored);
    }
}
