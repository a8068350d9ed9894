package io.github.gae4j.core.optim;

import io.github.gae4j.core.autodiff.ComputationContext;
import io.github.gae4j.core.autodiff.Weights;
import io.github.gae4j.core.tensor.Matrix;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Adam (Kingma &amp; Ba) with bias correction; optional L2 weight decay added to the gradient
 * (PyTorch's {@code Adam(weight_decay=…)}). A parameter without a gradient in a pass is left alone.
 */
public final class Adam implements Optimizer {

    private final double learningRate;
    private final double beta1;
    private final double beta2;
    private final double epsilon;
    private final double weightDecay;
    private final Map<Weights, State> states = new IdentityHashMap<>();

    public Adam(double learningRate) {
        this(learningRate, 0.9, 0.999, 1e-8, 0.0);
    }

    public Adam(double learningRate, double beta1, double beta2, double epsilon, double weightDecay) {
        if (!(learningRate > 0) || !(beta1 >= 0 && beta1 < 1) || !(beta2 >= 0 && beta2 < 1) || !(epsilon > 0)
                || !(weightDecay >= 0)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "Invalid Adam settings: lr %s (> 0), betas %s, %s (in [0, 1)), eps %s (> 0), weight decay %s (>= 0)",
                    learningRate, beta1, beta2, epsilon, weightDecay));
        }
        this.learningRate = learningRate;
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.epsilon = epsilon;
        this.weightDecay = weightDecay;
    }

    @Override
    public void step(List<Weights> weights, ComputationContext gradients) {
        step(weights, gradients, learningRate);
    }

    /**
     * One step at {@code learningRate} instead of the rate given at construction, for a schedule
     * that changes it from epoch to epoch (PyTorch sets {@code param_group["lr"]}); the moments are
     * those of every earlier step whatever its rate.
     */
    public void step(List<Weights> weights, ComputationContext gradients, double learningRate) {
        if (!(learningRate > 0)) { // as the constructor checks it
            throw new IllegalArgumentException(String.format(Locale.ROOT, "learningRate must be > 0, got %s",
                    learningRate));
        }
        for (Weights w : weights) {
            Matrix g = gradients.gradient(w);
            if (g == null) {
                continue;
            }
            State s = states.computeIfAbsent(w, k -> new State(k.data().data().length));
            s.t++;
            double c1 = 1.0 - Math.pow(beta1, s.t);
            double c2 = 1.0 - Math.pow(beta2, s.t);
            double[] p = w.data().data();
            double[] gd = g.data();
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

    /**
     * A copy of the moment estimates of each parameter, in the order given (zeros and step 0 for a
     * parameter not updated yet): what a checkpoint must hold for a resumed run to continue exactly.
     */
    public List<Moments> moments(List<Weights> weights) {
        return weights.stream().map(w -> {
            State s = states.get(w);
            int n = w.data().data().length;
            return s == null ? new Moments(new double[n], new double[n], 0)
                    : new Moments(s.m.clone(), s.v.clone(), s.t);
        }).toList();
    }

    /** Sets the moment estimates from {@link #moments}, checking that each matches its parameter's size. */
    public void restore(List<Weights> weights, List<Moments> moments) {
        if (weights.size() != moments.size()) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "Optimizer state has %d parameters, the model %d", moments.size(), weights.size()));
        }
        for (int k = 0; k < weights.size(); k++) {
            Weights w = weights.get(k);
            Moments mo = moments.get(k);
            int n = w.data().data().length;
            if (mo.m().length != n || mo.v().length != n) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "Optimizer state for %s has %d entries, the parameter %d", w.render(), mo.m().length, n));
            }
            if (mo.step() == 0) {
                states.remove(w);
                continue;
            }
            State s = new State(n);
            System.arraycopy(mo.m(), 0, s.m, 0, n);
            System.arraycopy(mo.v(), 0, s.v, 0, n);
            s.t = mo.step();
            states.put(w, s);
        }
    }

    /** First and second moment estimates of one parameter and its number of updates. */
    public record Moments(double[] m, double[] v, long step) {
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
