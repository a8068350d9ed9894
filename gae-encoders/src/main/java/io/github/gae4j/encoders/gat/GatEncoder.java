// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.encoders.gat;

import io.github.gae4j.core.autodiff.Constant;
import io.github.gae4j.core.autodiff.Variable;
import io.github.gae4j.core.autodiff.Weights;
import io.github.gae4j.core.autodiff.functions.AttentionPattern;
import io.github.gae4j.core.spi.Encoder;
import io.github.gae4j.core.spi.Encoding;
import io.github.gae4j.core.spi.GraphInput;
import io.github.gae4j.core.spi.LayerwiseEncoder;
import io.github.gae4j.core.spi.LayerwiseInference;
import io.github.gae4j.core.spi.Mode;
import io.github.gae4j.core.tensor.Matrix;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * A graph-attention encoder (GAT, Veličković et al. 2018; the encoder of GraphMAE, Hou et al. 2022): hidden
 * layers of {@code heads} heads each, concatenated, with an activation (ELU by default), then an output layer
 * of {@code out-heads} heads, averaged (PyG's {@code concat=False}) or concatenated, without activation. Every
 * layer attends over the stored pattern of the input's normalised adjacency Â, i.e. A + I (any missing
 * self-loop is added), so every node attends at least to itself and an edge corruption is seen as it is by
 * {@code gcn}. See {@link GatLayer} for one layer and its weights ({@code gat.W0}, {@code gat.attSrc0}, …; the
 * output layer's index is the number of hidden layers).
 *
 * <p>Dropout (features and attention) is applied only by {@link #encode(GraphInput, Mode, RandomGenerator)} in
 * {@link Mode#TRAIN}, with masks drawn from that random source; {@link #encode(GraphInput, Mode)} and evaluation
 * never drop.
 */
public final class GatEncoder implements Encoder, LayerwiseEncoder {

    private final List<GatLayer> layers;
    private final List<Weights> weights;
    private final AttentionPattern.Cache patterns = new AttentionPattern.Cache();

    /** Every layer's weights drawn from {@code random}, layer by layer. */
    public GatEncoder(int inputDim, GatOptions options, RandomGenerator random) {
        if (inputDim < 1) {
            throw new IllegalArgumentException("Input dimension must be positive, got " + inputDim);
        }
        Objects.requireNonNull(options, "options is null");
        List<GatLayer> built = new ArrayList<>();
        int in = inputDim;
        for (int l = 0; l < options.hidden().size(); l++) {
            GatLayer layer = new GatLayer(
                    "gat",
                    l,
                    in,
                    options.heads(),
                    options.hidden().get(l),
                    true,
                    options.activation(),
                    options,
                    random);
            built.add(layer);
            in = layer.outputDim();
        }
        built.add(new GatLayer(
                "gat",
                options.hidden().size(),
                in,
                options.outHeads(),
                options.outHeadWidth(),
                options.concatOut(),
                options.activateOutput() ? options.activation() : null,
                options,
                random));
        this.layers = List.copyOf(built);
        List<Weights> all = new ArrayList<>();
        layers.forEach(l -> all.addAll(l.weights()));
        this.weights = List.copyOf(all);
    }

    /** Without a random source: no dropout, in either mode. */
    @Override
    public Encoding encode(GraphInput input, Mode mode) {
        return encoding(input, null);
    }

    /** Dropout (where its rates are positive) in {@link Mode#TRAIN}, with masks drawn from {@code random}. */
    @Override
    public Encoding encode(GraphInput input, Mode mode, RandomGenerator random) {
        Objects.requireNonNull(random, "random is null");
        return encoding(input, mode == Mode.TRAIN ? random : null);
    }

    private Encoding encoding(GraphInput input, RandomGenerator dropoutRandom) {
        GatLayer first = requireInputDim(input);
        AttentionPattern edges = patterns.withSelfLoops(input.normalizedAdjacency());
        Variable h = first.applyToFeatures(input, edges, dropoutRandom);
        for (int l = 1; l < layers.size(); l++) {
            h = layers.get(l).apply(h, edges, dropoutRandom);
        }
        return Encoding.deterministic(h);
    }

    /**
     * Z of {@link #encode(GraphInput, Mode)}, layer by layer: only one layer's input and output (and that layer's
     * per-edge attention) are held at a time. Each layer runs as one block of all rows: the attention operations
     * take the square pattern of Â, not a block of its rows.
     */
    @Override
    public Encoding encodeLayerwise(GraphInput input, int chunkRows) {
        GatLayer first = requireInputDim(input);
        int n = input.nodeCount();
        return Encoding.deterministic(LayerwiseInference.deferred(n, latentDim(), chunkRows, run -> {
            AttentionPattern edges = patterns.withSelfLoops(input.normalizedAdjacency());
            Matrix h = run.byRows(n, first.outputDim(), false, rows -> first.applyToFeatures(input, edges, null));
            for (int l = 1; l < layers.size(); l++) {
                GatLayer layer = layers.get(l);
                Constant in = Constant.of(h);
                h = run.byRows(n, layer.outputDim(), false, rows -> layer.apply(in, edges, null));
            }
            return h;
        }));
    }

    private GatLayer requireInputDim(GraphInput input) {
        GatLayer first = layers.get(0);
        if (input.features().dim() != first.inputDim()) {
            throw new IllegalArgumentException(String.format(
                    Locale.ROOT,
                    "Encoder was built for %d input features but the graph has %d",
                    first.inputDim(),
                    input.features().dim()));
        }
        return first;
    }

    @Override
    public List<Weights> weights() {
        return weights;
    }

    @Override
    public int latentDim() {
        return layers.get(layers.size() - 1).outputDim();
    }
}
