// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.decoders.mlp;

import io.github.gae4j.core.autodiff.Variable;
import io.github.gae4j.core.autodiff.Weights;
import io.github.gae4j.core.autodiff.functions.AddBias;
import io.github.gae4j.core.autodiff.functions.Dropout;
import io.github.gae4j.core.autodiff.functions.ElementMul;
import io.github.gae4j.core.autodiff.functions.MatMul;
import io.github.gae4j.core.autodiff.functions.Relu;
import io.github.gae4j.core.autodiff.functions.RowGather;
import io.github.gae4j.core.graph.EdgeList;
import io.github.gae4j.core.optim.GlorotUniform;
import io.github.gae4j.core.spi.Decoder;
import io.github.gae4j.core.spi.DecoderScorers;
import io.github.gae4j.core.spi.Mode;
import io.github.gae4j.core.spi.PairScorer;
import io.github.gae4j.core.tensor.Matrix;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * MaskGAE's edge decoder: logit(i, j) = MLP(z_i ⊙ z_j), a stack of dense layers
 * h_{l+1} = ReLU(h_l W_l + b_l) on the elementwise product of the two embeddings, then a linear output
 * layer to one logit. The product makes it symmetric in (i, j). Weights {@code mlp.W0}, {@code mlp.b0},
 * …, {@code mlp.W<k>}, {@code mlp.b<k>} (k hidden layers): W Glorot-uniform, drawn layer by layer from the
 * random source, biases start at 0.
 *
 * <p>With a dropout rate, training passes ({@link #logits(Variable, EdgeList, Mode, RandomGenerator)} in
 * {@link Mode#TRAIN}, as the edge losses call it) drop the input of every hidden layer, as MaskGAE's decoder
 * does; evaluation never drops. No fused full-graph kernel: pair it with
 * losses that score edge lists ({@code masked-edge-bce}, {@code negative-sampling-bce}); {@code weighted-bce}
 * would score all N² pairs through the MLP.
 */
public final class MlpDecoder implements Decoder {

    private final int latentDim;
    private final double dropout;
    private final List<Weights> layers;
    private final List<Weights> biases;
    private final List<Weights> weights;

    /**
     * @param latentDim width of Z
     * @param hidden    widths of the hidden layers (none: a linear score w · (z_i ⊙ z_j) + b)
     */
    public MlpDecoder(int latentDim, int[] hidden, RandomGenerator random) {
        this(latentDim, hidden, 0.0, random);
    }

    /**
     * @param latentDim width of Z
     * @param hidden    widths of the hidden layers (none: a linear score w · (z_i ⊙ z_j) + b)
     * @param dropout   rate of dropout on every hidden layer's input in training passes, in [0, 1)
     */
    public MlpDecoder(int latentDim, int[] hidden, double dropout, RandomGenerator random) {
        Objects.requireNonNull(hidden, "hidden is null");
        Dropout.requireRate(dropout);
        this.dropout = dropout;
        Objects.requireNonNull(random, "random is null");
        if (latentDim < 1 || Arrays.stream(hidden).anyMatch(h -> h < 1)) {
            throw new IllegalArgumentException(String.format(
                    Locale.ROOT, "Sizes must be positive: latent %d, hidden %s", latentDim, Arrays.toString(hidden)));
        }
        this.latentDim = latentDim;
        List<Weights> w = new ArrayList<>();
        List<Weights> b = new ArrayList<>();
        int in = latentDim;
        for (int l = 0; l <= hidden.length; l++) {
            int out = l < hidden.length ? hidden[l] : 1;
            w.add(new Weights("mlp.W" + l, GlorotUniform.sample(in, out, random)));
            b.add(new Weights("mlp.b" + l, Matrix.zeros(1, out)));
            in = out;
        }
        this.layers = List.copyOf(w);
        this.biases = List.copyOf(b);
        List<Weights> all = new ArrayList<>();
        for (int l = 0; l < layers.size(); l++) {
            all.add(layers.get(l));
            all.add(biases.get(l));
        }
        this.weights = List.copyOf(all);
    }

    @Override
    public Variable logits(Variable z, EdgeList pairs) {
        return scores(z, pairs, null);
    }

    @Override
    public Variable logits(Variable z, EdgeList pairs, Mode mode, RandomGenerator random) {
        Objects.requireNonNull(random, "random is null");
        return scores(z, pairs, mode == Mode.TRAIN && dropout > 0 ? random : null);
    }

    /** {@code dropoutRandom} null: no dropout. */
    private Variable scores(Variable z, EdgeList pairs, RandomGenerator dropoutRandom) {
        if (z.cols() != latentDim) {
            throw new IllegalArgumentException(String.format(
                    Locale.ROOT, "Decoder 'mlp' was built for %d latent dimensions but Z is %s", latentDim, z.shape()));
        }
        Variable h = ElementMul.of(RowGather.of(z, pairs.srcArray()), RowGather.of(z, pairs.dstArray()));
        int last = layers.size() - 1;
        for (int l = 0; l < last; l++) {
            Variable in = dropoutRandom == null ? h : Dropout.of(h, dropout, dropoutRandom);
            h = Relu.of(AddBias.of(MatMul.of(in, layers.get(l)), biases.get(l)));
        }
        return AddBias.of(MatMul.of(h, layers.get(last)), biases.get(last));
    }

    /** Scored through the MLP in batches; symmetric, as z_u ⊙ z_v is. Not an inner product: no index serves it. */
    @Override
    public PairScorer scorer(Matrix z) {
        return DecoderScorers.generic(this, z, false);
    }

    /** W0, b0, W1, b1, … in layer order. */
    @Override
    public List<Weights> weights() {
        return weights;
    }

    @Override
    public String toString() {
        return "MlpDecoder" + weights.stream().map(Weights::shape).toList();
    }
}
