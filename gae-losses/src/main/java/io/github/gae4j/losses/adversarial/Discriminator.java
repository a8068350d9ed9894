// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.losses.adversarial;

import io.github.gae4j.core.autodiff.Constant;
import io.github.gae4j.core.autodiff.Variable;
import io.github.gae4j.core.autodiff.Weights;
import io.github.gae4j.core.autodiff.functions.AddBias;
import io.github.gae4j.core.autodiff.functions.MatMul;
import io.github.gae4j.core.autodiff.functions.Relu;
import io.github.gae4j.core.optim.GlorotUniform;
import io.github.gae4j.core.tensor.Matrix;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * A dense ReLU network from the latent dimension through the hidden sizes to one logit per row:
 * h = ReLU(x·W + b) per hidden layer, then logit = h·W_out + b_out. Its parameters are either
 * trainable {@link Weights} (the live discriminator) or {@link Constant}s (a frozen copy for the
 * generator term).
 */
final class Discriminator {

    /** Alternating layer matrices and bias rows: W1, b1, W2, b2, …, W_out, b_out. */
    private final List<Variable> parameters;

    private final int inputDim;

    private Discriminator(List<Variable> parameters, int inputDim) {
        this.parameters = List.copyOf(parameters);
        this.inputDim = inputDim;
    }

    /**
     * A new discriminator with zero biases and weights drawn in layer order from {@code random}:
     * Glorot-uniform when {@code initStd} is 0, otherwise N(0, initStd²) (the reference code's 0.01).
     */
    static Discriminator create(int inputDim, int[] hidden, double initStd, SplittableRandom random) {
        if (inputDim < 1) {
            throw new IllegalArgumentException("Discriminator input dimension must be >= 1, got " + inputDim);
        }
        return build(
                inputDim,
                hidden,
                (in, out) -> initStd == 0 ? GlorotUniform.sample(in, out, random) : normal(in, out, initStd, random));
    }

    /** A discriminator of this shape with all parameters zero, to be overwritten (restoring saved state). */
    static Discriminator zeros(int inputDim, int[] hidden) {
        if (inputDim < 1) {
            throw new IllegalArgumentException("Discriminator input dimension must be >= 1, got " + inputDim);
        }
        return build(inputDim, hidden, Matrix::zeros);
    }

    /** The name of the first layer's weight matrix, whose rows are the input dimension. */
    static String firstWeightName(int[] hidden) {
        return layerName(0, hidden) + ".weight";
    }

    private static String layerName(int layer, int[] hidden) {
        return layer < hidden.length ? "discriminator.layer" + (layer + 1) : "discriminator.output";
    }

    private static Discriminator build(
            int inputDim, int[] hidden, java.util.function.BiFunction<Integer, Integer, Matrix> weights) {
        List<Variable> parameters = new ArrayList<>();
        int in = inputDim;
        for (int layer = 0; layer <= hidden.length; layer++) {
            int out = layer < hidden.length ? hidden[layer] : 1;
            String name = layerName(layer, hidden);
            parameters.add(new Weights(name + ".weight", weights.apply(in, out)));
            parameters.add(new Weights(name + ".bias", Matrix.zeros(1, out)));
            in = out;
        }
        return new Discriminator(parameters, inputDim);
    }

    private static Matrix normal(int rows, int cols, double std, SplittableRandom random) {
        Matrix m = Matrix.zeros(rows, cols);
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                m.set(i, j, std * random.nextGaussian());
            }
        }
        return m;
    }

    int inputDim() {
        return inputDim;
    }

    /** The live parameters; empty for a frozen copy. */
    List<Weights> weights() {
        List<Weights> out = new ArrayList<>();
        for (Variable p : parameters) {
            if (p instanceof Weights w) {
                out.add(w);
            }
        }
        return out;
    }

    /** A copy of the current parameter values as constants: later updates of this one do not reach it. */
    Discriminator frozen() {
        List<Variable> copies = new ArrayList<>(parameters.size());
        for (Variable p : parameters) {
            Matrix value = p instanceof Weights w ? w.data() : ((Constant) p).data();
            copies.add(Constant.of(value.copy()));
        }
        return new Discriminator(copies, inputDim);
    }

    /** One logit per row of {@code x}, an (n, 1) variable. */
    Variable logits(Variable x) {
        if (x.cols() != inputDim) {
            throw new IllegalArgumentException(String.format(
                    Locale.ROOT, "Discriminator built for latent dimension %d got embeddings %s", inputDim, x.shape()));
        }
        Variable h = x;
        for (int k = 0; k < parameters.size(); k += 2) {
            h = AddBias.of(MatMul.of(h, parameters.get(k)), parameters.get(k + 1));
            if (k + 2 < parameters.size()) {
                h = Relu.of(h);
            }
        }
        return h;
    }
}
