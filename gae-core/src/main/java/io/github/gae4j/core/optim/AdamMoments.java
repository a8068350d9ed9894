// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.core.optim;

import io.github.gae4j.core.autodiff.Weights;
import io.github.gae4j.core.tensor.Matrix;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The moment estimates of {@link Adam} and {@link AdamW}, one set per parameter, and their update: the two differ
 * only in where the weight decay acts. State slots are PyTorch's names: {@code exp-avg}, {@code exp-avg-sq} and
 * {@code step}.
 */
final class AdamMoments {

    static final String EXP_AVG = Adam.EXP_AVG;
    static final String EXP_AVG_SQ = Adam.EXP_AVG_SQ;
    static final String STEP = Adam.STEP;
    private static final List<String> SLOTS = List.of(EXP_AVG, EXP_AVG_SQ, STEP);

    private final String name;
    private final double beta1;
    private final double beta2;
    private final double epsilon;
    private final double weightDecay;
    /** Decoupled decay (AdamW): p ← p·(1 − lr·λ) before the step; otherwise λ·p joins the gradient (Adam's L2). */
    private final boolean decoupled;

    private final IdentityHashMap<Weights, State> states = new IdentityHashMap<>();

    AdamMoments(String name, double beta1, double beta2, double epsilon, double weightDecay, boolean decoupled) {
        this.name = name;
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.epsilon = epsilon;
        this.weightDecay = weightDecay;
        this.decoupled = decoupled;
    }

    void step(List<Weights> weights, List<Matrix> gradients, double learningRate) {
        StateTensors.checkStep(weights, gradients, learningRate);
        for (int i = 0; i < weights.size(); i++) {
            Weights w = weights.get(i);
            Matrix g = gradients.get(i);
            if (g == null) {
                continue;
            }
            State s = states.computeIfAbsent(w, k -> new State(k.data().data().length));
            s.t++;
            double c1 = 1.0 - Math.pow(beta1, (double) s.t);
            double c2 = 1.0 - Math.pow(beta2, (double) s.t);
            double[] p = w.data().data();
            double[] gd = g.data();
            if (decoupled) {
                double shrink = 1.0 - learningRate * weightDecay;
                for (int k = 0; k < p.length; k++) {
                    p[k] *= shrink;
                    double gk = gd[k];
                    s.m[k] = beta1 * s.m[k] + (1.0 - beta1) * gk;
                    s.v[k] = beta2 * s.v[k] + (1.0 - beta2) * gk * gk;
                    p[k] -= learningRate * (s.m[k] / c1) / (Math.sqrt(s.v[k] / c2) + epsilon);
                }
            } else {
                // Adam's arithmetic, in this order, since before optimisers were plugins: resumed and old runs match.
                for (int k = 0; k < p.length; k++) {
                    double gk = gd[k] + weightDecay * p[k];
                    s.m[k] = beta1 * s.m[k] + (1.0 - beta1) * gk;
                    s.v[k] = beta2 * s.v[k] + (1.0 - beta2) * gk * gk;
                    double mHat = s.m[k] / c1;
                    double vHat = s.v[k] / c2;
                    p[k] -= learningRate * mHat / (Math.sqrt(vHat) + epsilon);
                }
            }
        }
    }

    /** For every parameter: its moments and step count (zeros and 0 before its first update). */
    Map<String, Matrix> state(List<Weights> weights) {
        StateTensors.requireDistinctNames(weights);
        Map<String, Matrix> out = new LinkedHashMap<>();
        for (Weights w : weights) {
            State s = states.get(w);
            int n = w.data().data().length;
            out.put(
                    StateTensors.key(w, EXP_AVG),
                    Matrix.wrapRowMajor(w.rows(), w.cols(), s == null ? new double[n] : s.m.clone()));
            out.put(
                    StateTensors.key(w, EXP_AVG_SQ),
                    Matrix.wrapRowMajor(w.rows(), w.cols(), s == null ? new double[n] : s.v.clone()));
            out.put(StateTensors.key(w, STEP), Matrix.scalar(s == null ? 0 : (double) s.t));
        }
        return out;
    }

    void restoreState(List<Weights> weights, Map<String, Matrix> state) {
        StateTensors.requireDistinctNames(weights);
        StateTensors.requireOnly(state, weights, SLOTS, name);
        IdentityHashMap<Weights, State> restored = new IdentityHashMap<>();
        for (Weights w : weights) {
            double[] m =
                    StateTensors.require(state, StateTensors.key(w, EXP_AVG), w).data();
            double[] v = StateTensors.require(state, StateTensors.key(w, EXP_AVG_SQ), w)
                    .data();
            long t = StateTensors.count(state, StateTensors.key(w, STEP));
            if (t > 0) {
                State s = new State(m.length);
                System.arraycopy(m, 0, s.m, 0, m.length);
                System.arraycopy(v, 0, s.v, 0, v.length);
                s.t = t;
                restored.put(w, s);
            }
        }
        for (Weights w : weights) {
            states.remove(w);
        }
        states.putAll(restored);
    }

    private static final class State {
        final double[] m;
        final double[] v;
        long t;

        State(int size) {
            m = new double[size];
            v = new double[size];
        }
    }
}
