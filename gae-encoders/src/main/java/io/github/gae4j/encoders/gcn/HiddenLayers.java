// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.encoders.gcn;

import io.github.gae4j.core.autodiff.Variable;
import io.github.gae4j.core.autodiff.Weights;
import io.github.gae4j.core.spi.GraphInput;
import io.github.gae4j.core.spi.LayerwiseInference;
import io.github.gae4j.core.spi.StepwiseEncoder.Step;
import io.github.gae4j.core.tensor.Matrix;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * The hidden GCN layers that {@code gcn} and {@code vgae} put before their output layer(s):
 * H_0 = X, H_{l+1} = act(norm(Â · drop(H_l) · W_l + b_l)) (+ H_l). Weights are drawn layer by
 * layer from the random source, so the default single layer draws exactly its W0. There may be none
 * (option {@code hidden} empty): the output layer then reads X.
 */
public final class HiddenLayers {

    private final List<GraphConvolution> layers;
    private final int inputDim;

    public HiddenLayers(String prefix, int inputDim, GcnOptions options, RandomGenerator random) {
        this.inputDim = inputDim;
        List<GraphConvolution> built = new ArrayList<>();
        int in = inputDim;
        for (int l = 0; l < options.hidden().size(); l++) {
            int out = options.hidden().get(l);
            built.add(GraphConvolution.hidden(prefix, l, in, out, l > 0, options, random));
            in = out;
        }
        this.layers = List.copyOf(built);
    }

    /**
     * The last hidden representation, or null when there are no hidden layers (for
     * {@link GraphConvolution#apply}, which then reads X); {@code dropoutRandom} null means no dropout.
     */
    public Variable apply(GraphInput input, RandomGenerator dropoutRandom) {
        Variable h = null;
        for (GraphConvolution layer : layers) {
            h = layer.apply(input, h, dropoutRandom);
        }
        return h;
    }

    /**
     * The last hidden representation over all nodes in evaluation, layer by layer ({@link GraphConvolution#infer}),
     * or null when there are no hidden layers; only the current layer's input and output are held.
     */
    public Matrix infer(GraphInput input, LayerwiseInference run) {
        Matrix h = null;
        for (GraphConvolution layer : layers) {
            h = layer.infer(input, h, run);
        }
        return h;
    }

    /**
     * The hidden layers in evaluation as steps ({@link GraphConvolution#steps}), followed by {@code then}; empty
     * when a layer or {@code then} has none.
     */
    public Optional<List<Step>> steps(Optional<List<Step>> then) {
        List<Step> out = new ArrayList<>();
        for (GraphConvolution layer : layers) {
            Optional<List<Step>> steps = layer.steps();
            if (steps.isEmpty()) {
                return Optional.empty();
            }
            out.addAll(steps.get());
        }
        if (then.isEmpty()) {
            return Optional.empty();
        }
        out.addAll(then.get());
        return Optional.of(List.copyOf(out));
    }

    /** Width of the last hidden layer, or of X when there is none. */
    public int width() {
        return layers.isEmpty() ? inputDim : layers.get(layers.size() - 1).outputDim();
    }

    /** The weights of every layer in order. */
    public List<Weights> weights() {
        List<Weights> out = new ArrayList<>();
        layers.forEach(l -> out.addAll(l.weights()));
        return out;
    }
}
