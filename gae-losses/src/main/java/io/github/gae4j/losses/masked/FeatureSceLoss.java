// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.losses.masked;

import io.github.gae4j.core.autodiff.Constant;
import io.github.gae4j.core.autodiff.Variable;
import io.github.gae4j.core.autodiff.Weights;
import io.github.gae4j.core.autodiff.functions.AddBias;
import io.github.gae4j.core.autodiff.functions.AttentionPattern;
import io.github.gae4j.core.autodiff.functions.Dropout;
import io.github.gae4j.core.autodiff.functions.ElementMul;
import io.github.gae4j.core.autodiff.functions.GraphAttention;
import io.github.gae4j.core.autodiff.functions.MatMul;
import io.github.gae4j.core.autodiff.functions.RowGather;
import io.github.gae4j.core.autodiff.functions.SparseMatMul;
import io.github.gae4j.core.autodiff.functions.Transpose;
import io.github.gae4j.core.error.GaeException;
import io.github.gae4j.core.graph.Features;
import io.github.gae4j.core.optim.GlorotUniform;
import io.github.gae4j.core.spi.CorruptedInput;
import io.github.gae4j.core.spi.Loss;
import io.github.gae4j.core.spi.LossInput;
import io.github.gae4j.core.tensor.Matrix;
import io.github.gae4j.core.tensor.SparseMatrix;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * GraphMAE's masked feature reconstruction (Hou et al., KDD 2022) as a loss term with its own feature
 * decoder. The decoder maps Z back to feature space:
 * <ul>
 *   <li>{@link DecoderKind#GCN}: X̂ = Â · remask(Z) · W_d + b_d, one graph convolution over the graph the
 *       encoder saw (Â of the corrupted input); {@code remask} sets the masked nodes' rows of Z to zero first,
 *       so their features must be rebuilt from their neighbours, as GraphMAE re-masks before its GNN decoder;
 *   <li>{@link DecoderKind#GAT}: one single-head graph-attention layer (GraphMAE's decoder on its benchmarks),
 *       x̂_i = Σ_j α_ij (h_j W_d) + b_d over j ∈ N(i) ∪ {i}, α the softmax over j of
 *       LeakyReLU_0.2(a_dst·(h_i W_d) + a_src·(h_j W_d)), h = remask(Z) as for GCN. It is computed as
 *       (Σ_j α_ij h_j) · W_d with the logits from h · (W_d a)ᵀ, which is the same function: only the masked
 *       rows are ever multiplied by W_d, never all N;
 *   <li>{@link DecoderKind#LINEAR}: X̂ = Z · W_d + b_d (no re-masking, as GraphMAE's linear decoder).
 * </ul>
 * {@link DecoderOptions} add GraphMAE's encoder-to-decoder projection (Z · P, P latent × latent without bias,
 * before re-masking) and dropout on the decoder's input and (GAT) on its attention coefficients, drawn from the
 * pass's random source.
 * The term is the scaled cosine error on the masked nodes, mean_i (1 − cos(x_i, x̂_i))^γ, against the clean
 * features of the training graph (X = I for featureless graphs). The masked nodes are
 * {@code corruption().maskedNodes()}; when nothing was masked every node is scored (plain feature
 * reconstruction, nothing re-masked).
 *
 * <p>W_d (latent × features, Glorot-uniform from the creation seed) and b_d (zeros) are this term's
 * {@link #weights()}: the model's optimiser trains them with the encoder and they are saved with the
 * model. Only the masked rows are decoded: the cost per pass is m · latent · d for m masked nodes (plus
 * one sparse product Â · Z), and the targets are m × d dense rows.
 */
public final class FeatureSceLoss implements Loss {

    /** The feature decoder. */
    public enum DecoderKind {
        /** Â · remask(Z) · W + b. */
        GCN,
        /** Z · W + b. */
        LINEAR,
        /** A single-head GAT layer over the encoder's graph. */
        GAT;

        /** The option value: {@code gcn} or {@code linear}. */
        public String optionValue() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * How the masked features are decoded.
     *
     * @param project     GraphMAE's encoder-to-decoder projection: Z · P (latent × latent, no bias) first
     * @param dropout     dropout rate on the decoder's input in training passes, in [0, 1)
     * @param attnDropout dropout rate on the GAT decoder's attention coefficients, in [0, 1)
     */
    public record DecoderOptions(boolean project, double dropout, double attnDropout) {

        /** No projection, no dropout: the decoder as it was before these options. */
        public static final DecoderOptions PLAIN = new DecoderOptions(false, 0, 0);

        public DecoderOptions {
            Dropout.requireRate(dropout);
            Dropout.requireRate(attnDropout);
        }
    }

    private static final double ATTENTION_NEGATIVE_SLOPE = 0.2;

    private final DecoderKind decoder;
    private final boolean remask;
    private final double gamma;
    private final DecoderOptions options;
    private final Weights weight;
    private final Weights bias;
    private final Weights attSrc;
    private final Weights attDst;
    private final Weights projection;
    private final AttentionPattern.Cache patterns = new AttentionPattern.Cache();

    /**
     * @param latentDim  width of Z
     * @param featureDim width of X
     * @param decoder    the feature decoder
     * @param remask     whether a GCN decoder zeroes the masked rows of Z first
     * @param gamma      the exponent γ ≥ 1
     */
    public FeatureSceLoss(
            int latentDim, int featureDim, DecoderKind decoder, boolean remask, double gamma, RandomGenerator random) {
        this(latentDim, featureDim, decoder, remask, gamma, DecoderOptions.PLAIN, random);
    }

    /**
     * Draws W_d, then (GAT) a_src and a_dst, then (projection) P, all Glorot-uniform from {@code random}.
     *
     * @param options projection and dropout of the decoder
     */
    public FeatureSceLoss(
            int latentDim,
            int featureDim,
            DecoderKind decoder,
            boolean remask,
            double gamma,
            DecoderOptions options,
            RandomGenerator random) {
        if (latentDim < 1 || featureDim < 1) {
            throw new IllegalArgumentException(String.format(
                    Locale.ROOT, "Sizes must be positive: latent %d, features %d", latentDim, featureDim));
        }
        if (!(gamma >= 1) || !Double.isFinite(gamma)) {
            throw new IllegalArgumentException("gamma must be finite and >= 1, got " + gamma);
        }
        this.decoder = Objects.requireNonNull(decoder, "decoder is null");
        this.remask = remask;
        this.gamma = gamma;
        this.options = Objects.requireNonNull(options, "options is null");
        if (decoder != DecoderKind.GAT && options.attnDropout() > 0) {
            throw new IllegalArgumentException("Attention dropout needs the gat decoder, not " + decoder.optionValue());
        }
        this.weight = new Weights("feature-sce.W", GlorotUniform.sample(latentDim, featureDim, random));
        this.bias = new Weights("feature-sce.b", Matrix.zeros(1, featureDim));
        boolean gat = decoder == DecoderKind.GAT;
        this.attSrc = gat ? new Weights("feature-sce.attSrc", GlorotUniform.sample(1, featureDim, random)) : null;
        this.attDst = gat ? new Weights("feature-sce.attDst", GlorotUniform.sample(1, featureDim, random)) : null;
        this.projection = options.project()
                ? new Weights("feature-sce.P", GlorotUniform.sample(latentDim, latentDim, random))
                : null;
    }

    @Override
    public Variable loss(LossInput input) {
        CorruptedInput corruption = input.corruption();
        Variable z = input.z();
        int n = z.rows();
        if (z.cols() != weight.rows()) {
            throw new IllegalArgumentException(String.format(
                    Locale.ROOT,
                    "Loss 'feature-sce' was built for %d latent dimensions but Z is %s",
                    weight.rows(),
                    z.shape()));
        }
        Features clean = input.training().graph().featuresOrIdentity();
        if (clean.dim() != weight.cols()) {
            throw new GaeException(String.format(
                    Locale.ROOT,
                    "Loss 'feature-sce' was built for %d features but the training graph has %d",
                    weight.cols(),
                    clean.dim()));
        }
        int[] masked = corruption.maskedNodes();
        int[] scored = masked.length > 0 ? masked : allNodes(n);
        Variable h = projection == null ? z : MatMul.of(z, projection);
        if (decoder != DecoderKind.LINEAR && remask && masked.length > 0) {
            h = ElementMul.of(h, Constant.of(keepMask(n, h.cols(), masked)));
        }
        if (options.dropout() > 0) {
            h = Dropout.of(h, options.dropout(), input.random());
        }
        SparseMatrix adjacency = corruption.input().normalizedAdjacency();
        Variable rows = switch (decoder) {
            case GCN -> RowGather.of(SparseMatMul.of(adjacency, h), scored);
            case LINEAR -> RowGather.of(h, scored);
            case GAT -> RowGather.of(attend(h, patterns.withSelfLoops(adjacency), input), scored);
        };
        Variable reconstructed = AddBias.of(MatMul.of(rows, weight), bias);
        return ScaledCosineError.of(reconstructed, denseRows(clean, scored), gamma);
    }

    /** Σ_j α_ij h_j, the attention computed in h's space through W_d's transpose (see the class comment). */
    private Variable attend(Variable h, AttentionPattern edges, LossInput input) {
        Variable wt = Transpose.of(weight);
        Variable src = MatMul.of(attSrc, wt);
        Variable dst = MatMul.of(attDst, wt);
        return GraphAttention.aggregate(
                edges, h, src, dst, 1, ATTENTION_NEGATIVE_SLOPE, options.attnDropout(), input.random());
    }

    /** W_d, b_d, then a_src and a_dst (GAT) and P (projection) where present. */
    @Override
    public List<Weights> weights() {
        List<Weights> out = new ArrayList<>(List.of(weight, bias));
        for (Weights w : new Weights[] {attSrc, attDst, projection}) {
            if (w != null) {
                out.add(w);
            }
        }
        return List.copyOf(out);
    }

    public DecoderOptions options() {
        return options;
    }

    public DecoderKind decoder() {
        return decoder;
    }

    public double gamma() {
        return gamma;
    }

    private static int[] allNodes(int n) {
        int[] all = new int[n];
        for (int i = 0; i < n; i++) {
            all[i] = i;
        }
        return all;
    }

    /** N × d ones with the masked rows zero. */
    private static Matrix keepMask(int n, int d, int[] masked) {
        double[] m = new double[n * d];
        Arrays.fill(m, 1.0);
        for (int i : masked) {
            Arrays.fill(m, i * d, (i + 1) * d, 0.0);
        }
        return Matrix.wrapRowMajor(n, d, m);
    }

    /** The given rows of X as a dense matrix, in order. */
    static Matrix denseRows(Features x, int[] rows) {
        int d = x.dim();
        double[] out = new double[rows.length * d];
        if (x instanceof Features.Sparse sparse) {
            SparseMatrix s = sparse.matrix();
            for (int r = 0; r < rows.length; r++) {
                for (int p = s.rowStart(rows[r]); p < s.rowEnd(rows[r]); p++) {
                    out[r * d + s.colAt(p)] = s.valueAt(p);
                }
            }
        } else if (x instanceof Features.Identity) {
            for (int r = 0; r < rows.length; r++) {
                out[r * d + rows[r]] = 1.0;
            }
        } else {
            double[] src = x.toDense().data();
            for (int r = 0; r < rows.length; r++) {
                System.arraycopy(src, rows[r] * d, out, r * d, d);
            }
        }
        return Matrix.wrapRowMajor(rows.length, d, out);
    }

    @Override
    public String toString() {
        return String.format(
                Locale.ROOT,
                "FeatureSceLoss[decoder=%s, remask=%s, gamma=%s, %s]",
                decoder.optionValue(),
                remask,
                gamma,
                options);
    }
}
