// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.core.optim;

import io.github.gae4j.core.autodiff.Weights;
import io.github.gae4j.core.tensor.Matrix;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Naming and checking of an {@link Optimizer}'s state tensors: {@code <parameter name>.<slot>}, e.g.
 * {@code encoder.w0.exp-avg}, with counters as 1 × 1 tensors. Shared by the built-in optimisers; third-party ones
 * may use it too.
 */
public final class StateTensors {

    /** Doubles hold every integer up to this exactly. */
    private static final double MAX_COUNT = 9007199254740992.0;

    private StateTensors() {}

    /** The key of {@code slot} of parameter {@code w}. */
    public static String key(Weights w, String slot) {
        return key(w.name(), slot);
    }

    /** The key of {@code slot} of the parameter named {@code parameter}. */
    public static String key(String parameter, String slot) {
        return parameter + "." + slot;
    }

    /** Fails if two parameters share a name: their state would share keys. */
    public static void requireDistinctNames(List<Weights> weights) {
        Set<String> names = new HashSet<>();
        for (Weights w : weights) {
            if (!names.add(w.name())) {
                throw new IllegalArgumentException(
                        "Two parameters are named '" + w.name() + "': optimiser state is keyed by parameter name");
            }
        }
    }

    /**
     * Fails on a key of {@code state} that is not {@code key(w, slot)} for one of {@code weights} and {@code slots},
     * naming it and the slots expected.
     */
    public static void requireOnly(
            Map<String, Matrix> state, List<Weights> weights, List<String> slots, String optimizer) {
        Set<String> known = new LinkedHashSet<>();
        for (Weights w : weights) {
            for (String slot : slots) {
                known.add(key(w, slot));
            }
        }
        for (String name : state.keySet()) {
            if (!known.contains(name)) {
                throw new IllegalArgumentException(String.format(
                        Locale.ROOT,
                        "unknown tensor '%s' in the state of optimizer '%s' (it keeps %s per parameter of %s)",
                        name,
                        optimizer,
                        slots,
                        weights.stream().map(Weights::name).toList()));
            }
        }
    }

    /** The tensor {@code key}, shaped as {@code w}; null if absent. */
    public static Matrix optional(Map<String, Matrix> state, String key, Weights w) {
        Matrix m = state.get(key);
        if (m != null && (m.rows() != w.rows() || m.cols() != w.cols())) {
            throw new IllegalArgumentException(String.format(
                    Locale.ROOT, "tensor '%s' has shape %s, its parameter %s", key, m.shape(), w.shape()));
        }
        return m;
    }

    /** The tensor {@code key}, shaped as {@code w}. */
    public static Matrix require(Map<String, Matrix> state, String key, Weights w) {
        Matrix m = optional(state, key, w);
        if (m == null) {
            throw new IllegalArgumentException("no tensor '" + key + "' in the saved optimizer state");
        }
        return m;
    }

    /** The count held by the 1 × 1 tensor {@code key}: a non-negative integer. */
    public static long count(Map<String, Matrix> state, String key) {
        Matrix m = state.get(key);
        if (m == null) {
            throw new IllegalArgumentException("no tensor '" + key + "' in the saved optimizer state");
        }
        if (m.rows() != 1 || m.cols() != 1) {
            throw new IllegalArgumentException("tensor '" + key + "' should be a 1 × 1 count, got " + m.shape());
        }
        double value = m.scalarValue();
        if (!(value >= 0 && value <= MAX_COUNT && value == Math.rint(value))) {
            throw new IllegalArgumentException("tensor '" + key + "' should hold a count, got " + value);
        }
        return (long) value;
    }

    /** Checks the arguments of {@link Optimizer#step}. */
    static void checkStep(List<Weights> weights, List<Matrix> gradients, double learningRate) {
        if (!(learningRate > 0) || !Double.isFinite(learningRate)) {
            throw new IllegalArgumentException(
                    String.format(Locale.ROOT, "learningRate must be > 0 and finite, got %s", learningRate));
        }
        if (weights.size() != gradients.size()) {
            throw new IllegalArgumentException(
                    String.format(Locale.ROOT, "%d parameters but %d gradients", weights.size(), gradients.size()));
        }
        for (int k = 0; k < weights.size(); k++) {
            Matrix g = gradients.get(k);
            Weights w = weights.get(k);
            if (g != null && (g.rows() != w.rows() || g.cols() != w.cols())) {
                throw new IllegalArgumentException(
                        String.format(Locale.ROOT, "gradient of %s has shape %s", w.render(), g.shape()));
            }
        }
    }
}
