// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.core.nn;

import io.github.gae4j.core.autodiff.Variable;
import io.github.gae4j.core.autodiff.functions.Dropout;
import io.github.gae4j.core.autodiff.functions.Relu;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * A multi-layer perceptron over widths w0 → w1 → … → wk: layer i is {@link Linear} {@code prefix.<i>}, and
 * every layer but the last is followed by an optional {@link AffineNorm} ({@code prefix.norm<i>}) and ReLU.
 * Weights are drawn layer by layer (W only, row-major) and registered in that order.
 */
public final class Mlp {

    private final List<Linear> layers;
    private final List<AffineNorm> norms;

    private Mlp(List<Linear> layers, List<AffineNorm> norms) {
        this.layers = List.copyOf(layers);
        this.norms = norms;
    }

    /**
     * A stack of linear layers with its weights registered under {@code prefix}.
     *
     * @param widths input width, then each layer's output width (at least two entries)
     * @param norm   the normalisation after each hidden layer, or empty for none
     */
    public static Mlp create(
            String prefix,
            int[] widths,
            boolean bias,
            Optional<AffineNorm.Kind> norm,
            RandomGenerator random,
            WeightRegistry registry) {
        if (widths.length < 2) {
            throw new IllegalArgumentException(String.format(
                    Locale.ROOT,
                    "Mlp '%s' needs an input and at least one layer width, got %s",
                    prefix,
                    Arrays.toString(widths)));
        }
        List<Linear> layers = new ArrayList<>();
        List<AffineNorm> norms = new ArrayList<>();
        for (int i = 0; i + 1 < widths.length; i++) {
            layers.add(Linear.create(prefix + "." + i, widths[i], widths[i + 1], bias, random, registry));
            if (i + 2 < widths.length && norm.isPresent()) {
                norms.add(AffineNorm.create(norm.get(), prefix + ".norm" + i, widths[i + 1], registry));
            }
        }
        return new Mlp(layers, norms);
    }

    /** The MLP of x without dropout. */
    public Variable apply(Variable x) {
        return fromFirstLayerOutput(layers.get(0).apply(x), 0, null);
    }

    /**
     * The MLP of x, with inverted dropout at {@code rate} on the input of every layer after the first (masks
     * from {@code random}, in layer order; a rate of 0 draws nothing).
     */
    public Variable apply(Variable x, double rate, RandomGenerator random) {
        return fromFirstLayerOutput(layers.get(0).apply(x), rate, random);
    }

    /**
     * The rest of the MLP given the first layer's output x · W0 + b0 taken another way (e.g. from
     * {@code GraphInput.featuresTimes(first().weight())}); dropout as {@link #apply(Variable, double, RandomGenerator)},
     * {@code random} may be null when {@code rate} is 0.
     */
    public Variable fromFirstLayerOutput(Variable firstOutput, double rate, RandomGenerator random) {
        Dropout.requireRate(rate);
        Variable h = firstOutput;
        for (int i = 1; i < layers.size(); i++) {
            if (!norms.isEmpty()) {
                h = norms.get(i - 1).apply(h);
            }
            h = Relu.of(h);
            if (rate > 0) {
                h = Dropout.of(h, rate, random);
            }
            h = layers.get(i).apply(h);
        }
        return h;
    }

    public Linear first() {
        return layers.get(0);
    }

    public List<Linear> layers() {
        return layers;
    }

    public int outputDim() {
        return layers.get(layers.size() - 1).outputDim();
    }
}
