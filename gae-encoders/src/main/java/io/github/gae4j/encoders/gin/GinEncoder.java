// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.encoders.gin;

import io.github.gae4j.core.autodiff.Variable;
import io.github.gae4j.core.autodiff.Weights;
import io.github.gae4j.core.autodiff.functions.Add;
import io.github.gae4j.core.autodiff.functions.Dropout;
import io.github.gae4j.core.autodiff.functions.Relu;
import io.github.gae4j.core.autodiff.functions.Scale;
import io.github.gae4j.core.autodiff.functions.ScaleBy;
import io.github.gae4j.core.autodiff.functions.SparseMatMul;
import io.github.gae4j.core.nn.Mlp;
import io.github.gae4j.core.nn.WeightRegistry;
import io.github.gae4j.core.spi.Encoder;
import io.github.gae4j.core.spi.Encoding;
import io.github.gae4j.core.spi.GraphInput;
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
public final class GinEncoder implements Encoder {

    private final List<Mlp> mlps = new ArrayList<>();
    /** One per layer: a 1×1 weight when ε is learnable, else null (the constant 1 + ε is {@link #eps}). */
    private final List<Weights> learnedEps = new ArrayList<>();

    private final double eps;
    private final double dropout;
    private final List<Weights> weights;
    private final int latent;

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
            Mlp mlp = mlps.get(l);
            Variable pre;
            if (l == 0) {
                pre = mlp.first()
                        .addBias(aggregate(a, input.featuresTimes(mlp.first().weight()), l));
            } else {
                Variable dropped = rate > 0 ? Dropout.of(h, rate, random) : h;
                pre = mlp.first().apply(aggregate(a, dropped, l));
            }
            h = mlp.fromFirstLayerOutput(pre, rate, random);
            if (l + 1 < mlps.size()) {
                h = Relu.of(h);
            }
        }
        return h;
    }

    /** (1 + ε_l) · h + A · h. */
    private Variable aggregate(SparseMatrix a, Variable h, int layer) {
        Weights learned = learnedEps.get(layer);
        Variable self = learned != null ? Add.of(h, ScaleBy.of(learned, h)) : eps == 0 ? h : Scale.of(h, 1 + eps);
        return Add.of(self, SparseMatMul.of(a, h));
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
