// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.encoders.gin;

import io.github.gae4j.core.autodiff.Constant;
import io.github.gae4j.core.autodiff.Variable;
import io.github.gae4j.core.autodiff.Weights;
import io.github.gae4j.core.autodiff.functions.Add;
import io.github.gae4j.core.autodiff.functions.Dropout;
import io.github.gae4j.core.autodiff.functions.Relu;
import io.github.gae4j.core.autodiff.functions.Scale;
import io.github.gae4j.core.autodiff.functions.ScaleBy;
import io.github.gae4j.core.autodiff.functions.SparseMatMul;
import io.github.gae4j.core.nn.AffineNorm;
import io.github.gae4j.core.nn.Mlp;
import io.github.gae4j.core.nn.WeightRegistry;
import io.github.gae4j.core.spi.Encoder;
import io.github.gae4j.core.spi.Encoding;
import io.github.gae4j.core.spi.GraphInput;
import io.github.gae4j.core.spi.LayerwiseEncoder;
import io.github.gae4j.core.spi.LayerwiseInference;
import io.github.gae4j.core.spi.Mode;
import io.github.gae4j.core.tensor.Matrix;
import io.github.gae4j.core.tensor.SparseMatrix;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.random.RandomGenerator;

/**
 * The Graph Isomorphism Network of Xu, Hu, Leskovec &amp; Jegelka (2019), "How Powerful are Graph Neural
 * Networks?": h_{l+1} = MLP_l((1 + ε_l) · h_l + Σ_{j ∈ N(i)} h_l[j]), h_0 = X, with ReLU between layers and
 * none after the last (Z = h_L). The neighbour sum is A · h over the raw 0/1 adjacency of the pass's graph
 * (no normalisation, no self-loops: the self term is the (1 + ε) one).
 *
 * <p>Built only from the ops catalogue (docs/ops.md): {@link SparseMatMul}, {@link Scale} or {@link ScaleBy}
 * for (1 + ε), {@link Add}, {@link Relu}, {@link Dropout}, and {@link Mlp} for the MLPs. The first layer
 * never builds (1 + ε) X + A X: its MLP starts with a linear map, so it takes XW0 = {@code featuresTimes(W0)}
 * (a [MASK] token reaches it) and aggregates that, which is the same by linearity.
 *
 * <p>Weights, in creation (and draw) order per layer l: {@code gin.l<l>.<i>.w}, {@code .b} (with {@code bias}),
 * {@code gin.l<l>.norm<i>.gain}, {@code .shift} (with {@code norm}), then {@code gin.l<l>.eps} (1×1, with
 * {@code train-eps}). Only the W are drawn (Glorot-uniform).
 */
public final class GinEncoder implements Encoder, LayerwiseEncoder {

    private final List<Mlp> mlps = new ArrayList<>();
    /** One per layer: a 1×1 weight when ε is learnable, else null (the constant 1 + ε is {@link #eps}). */
    private final List<Weights> learnedEps = new ArrayList<>();

    private final double eps;
    private final double dropout;
    private final List<Weights> weights;
    private final int latent;
    /** Whether a layer's rows are computed independently (no batch norm in its MLP), so it can run in blocks. */
    private final boolean rowLocal;

    GinEncoder(int inputDim, GinOptions options, RandomGenerator random) {
        if (inputDim < 1) {
            throw new IllegalArgumentException(
                    String.format(Locale.ROOT, "GIN needs input features, got width %d", inputDim));
        }
        WeightRegistry registry = new WeightRegistry();
        int in = inputDim;
        for (int l = 0; l < options.layers(); l++) {
            int out = l + 1 == options.layers() ? options.latent() : options.hidden();
            int[] widths = new int[options.mlpLayers() + 1];
            widths[0] = in;
            for (int i = 1; i < options.mlpLayers(); i++) {
                widths[i] = options.hidden();
            }
            widths[options.mlpLayers()] = out;
            String prefix = "gin.l" + l;
            mlps.add(Mlp.create(prefix, widths, options.bias(), options.norm(), random, registry));
            learnedEps.add(options.trainEps() ? registry.create(prefix + ".eps", Matrix.scalar(options.eps())) : null);
            in = out;
        }
        this.eps = options.eps();
        this.dropout = options.dropout();
        this.weights = registry.weights();
        this.latent = options.latent();
        this.rowLocal = options.mlpLayers() < 2
                || options.norm().filter(k -> k == AffineNorm.Kind.BATCH).isEmpty();
    }

    @Override
    public Encoding encode(GraphInput input, Mode mode) {
        return Encoding.deterministic(forward(input, 0, null));
    }

    @Override
    public Encoding encode(GraphInput input, Mode mode, RandomGenerator random) {
        return Encoding.deterministic(forward(input, mode == Mode.TRAIN ? dropout : 0, random));
    }

    private Variable forward(GraphInput input, double rate, RandomGenerator random) {
        SparseMatrix a = input.graph().adjacency();
        Variable h = null;
        for (int l = 0; l < mlps.size(); l++) {
            Variable source = l == 0
                    ? input.featuresTimes(mlps.get(0).first().weight())
                    : rate > 0 ? Dropout.of(h, rate, random) : h;
            h = layer(l, a, source, source, rate, random);
        }
        return h;
    }

    /**
     * Layer l for the rows of {@code a} (all of A, or a block of its rows in layer-wise inference): {@code self} is
     * those rows of the layer's source (XW0 for layer 0, else the previous layer's output), {@code neighbours} the
     * source over all nodes.
     */
    private Variable layer(
            int l, SparseMatrix a, Variable self, Variable neighbours, double rate, RandomGenerator random) {
        Mlp mlp = mlps.get(l);
        Variable sum = aggregate(a, self, neighbours, l);
        Variable pre = l == 0 ? mlp.first().addBias(sum) : mlp.first().apply(sum);
        Variable h = mlp.fromFirstLayerOutput(pre, rate, random);
        return l + 1 < mlps.size() ? Relu.of(h) : h;
    }

    /** (1 + ε_l) · self + A · neighbours. */
    private Variable aggregate(SparseMatrix a, Variable self, Variable neighbours, int layer) {
        Weights learned = learnedEps.get(layer);
        Variable scaled =
                learned != null ? Add.of(self, ScaleBy.of(learned, self)) : eps == 0 ? self : Scale.of(self, 1 + eps);
        return Add.of(scaled, SparseMatMul.of(a, neighbours));
    }

    /**
     * Z of {@link #encode(GraphInput, Mode)}, layer by layer: each layer's source once (XW0, or the previous
     * layer), then {@link #layer} on blocks of rows; a layer whose MLP batch-normalises runs as one block.
     */
    @Override
    public Encoding encodeLayerwise(GraphInput input, int chunkRows) {
        int n = input.nodeCount();
        return Encoding.deterministic(LayerwiseInference.deferred(n, latent, chunkRows, run -> {
            SparseMatrix a = input.graph().adjacency();
            Matrix h = null;
            for (int l = 0; l < mlps.size(); l++) {
                int layer = l;
                Matrix source = l == 0
                        ? run.evaluate(input.featuresTimes(mlps.get(0).first().weight()))
                        : h;
                Constant all = Constant.of(source);
                h = run.byRows(
                        n,
                        mlps.get(l).outputDim(),
                        rowLocal,
                        rows -> layer(layer, rows.of(a), rows.of(source), all, 0, null));
            }
            return h;
        }));
    }

    @Override
    public List<Weights> weights() {
        return weights;
    }

    @Override
    public int latentDim() {
        return latent;
    }
}
