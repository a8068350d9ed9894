package io.github.gae4j.decoders.mlp;

import io.github.gae4j.core.autodiff.Variable;
import io.github.gae4j.core.autodiff.Weights;
import io.github.gae4j.core.autodiff.functions.AddBias;
import io.github.gae4j.core.autodiff.functions.ElementMul;
import io.github.gae4j.core.autodiff.functions.MatMul;
import io.github.gae4j.core.autodiff.functions.Relu;
import io.github.gae4j.core.autodiff.functions.RowGather;
import io.github.gae4j.core.graph.EdgeList;
import io.github.gae4j.core.optim.GlorotUniform;
import io.github.gae4j.core.spi.Decoder;
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
 * <p>No dropout: a decoder does not know whether a pass trains or evaluates (MaskGAE drops 0.2 of the
 * decoder's inputs in training; use weight decay instead). No fused full-graph kernel either: pair it with
 * losses that score edge lists ({@code masked-edge-bce}, {@code negative-sampling-bce}); {@code weighted-bce}
 * would score all N² pairs through the MLP.
 */
public final class MlpDecoder implements Decoder {

    private final int latentDim;
    private final List<Weights> layers;
    private final List<Weights> biases;
    private final List<Weights> weights;

    /**
     * @param latentDim width of Z
     * @param hidden    widths of the hidden layers (none: a linear score w · (z_i ⊙ z_j) + b)
     */
    public MlpDecoder(int latentDim, int[] hidden, RandomGenerator random) {
        Objects.requireNonNull(hidden, "hidden is null");
        Objects.requireNonNull(random, "random is null");
        if (latentDim < 1 || Arrays.stream(hidden).anyMatch(h -> h < 1)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "Sizes must be positive: latent %d, hidden %s", latentDim, Arrays.toString(hidden)));
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
        if (z.cols() != latentDim) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "Decoder 'mlp' was built for %d latent dimensions but Z is %s", latentDim, z.shape()));
        }
        Variable h = ElementMul.of(RowGather.of(z, pairs.srcArray()), RowGather.of(z, pairs.dstArray()));
        int last = layers.size() - 1;
        for (int l = 0; l < last; l++) {
            h = Relu.of(AddBias.of(MatMul.of(h, layers.get(l)), biases.get(l)));
        }
        return AddBias.of(MatMul.of(h, layers.get(last)), biases.get(last));
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
