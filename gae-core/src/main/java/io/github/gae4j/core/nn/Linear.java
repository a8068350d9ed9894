// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.core.nn;

import io.github.gae4j.core.autodiff.Variable;
import io.github.gae4j.core.autodiff.Weights;
import io.github.gae4j.core.autodiff.functions.AddBias;
import io.github.gae4j.core.autodiff.functions.MatMul;
import io.github.gae4j.core.optim.GlorotUniform;
import io.github.gae4j.core.tensor.Matrix;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * A dense layer y = x · W + b: W ({@code prefix.w}, in × out) Glorot-uniform from the given random source,
 * b ({@code prefix.b}, 1 × out, zeros, no draw) if asked for; both registered once in a {@link WeightRegistry}.
 */
public final class Linear {

    private final Weights w;
    private final Weights b;

    private Linear(Weights w, Weights b) {
        this.w = w;
        this.b = b;
    }

    /** Draws W now (row-major, {@code in · out} draws); registers W, then b. */
    public static Linear create(
            String prefix, int in, int out, boolean bias, RandomGenerator random, WeightRegistry registry) {
        Objects.requireNonNull(prefix, "prefix is null");
        Objects.requireNonNull(random, "random is null");
        if (in < 1 || out < 1) {
            throw new IllegalArgumentException(
                    String.format(Locale.ROOT, "Linear '%s' needs positive sizes, got in %d, out %d", prefix, in, out));
        }
        Weights w = registry.create(prefix + ".w", GlorotUniform.sample(in, out, random));
        Weights b = bias ? registry.create(prefix + ".b", Matrix.zeros(1, out)) : null;
        return new Linear(w, b);
    }

    /** x · W + b for an n × in input. */
    public Variable apply(Variable x) {
        return addBias(MatMul.of(x, w));
    }

    /**
     * The bias step alone, for a product with W taken another way, e.g. {@code GraphInput.featuresTimes(weight())}
     * or a propagated Â · (X · W).
     */
    public Variable addBias(Variable product) {
        return b == null ? product : AddBias.of(product, b);
    }

    public Weights weight() {
        return w;
    }

    public Optional<Weights> bias() {
        return Optional.ofNullable(b);
    }

    public int inputDim() {
        return w.rows();
    }

    public int outputDim() {
        return w.cols();
    }
}
