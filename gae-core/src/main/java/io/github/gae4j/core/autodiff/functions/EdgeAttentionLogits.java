// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.core.autodiff.functions;

import io.github.gae4j.core.autodiff.ComputationContext;
import io.github.gae4j.core.autodiff.Variable;
import io.github.gae4j.core.parallel.Parallelism;
import io.github.gae4j.core.tensor.Matrix;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The attention logits of a graph-attention layer (GAT, Veličković et al. 2018), per edge and head:
 * e_{p,h} = LeakyReLU(a_src,hᵀ x_{j,h} + a_dst,hᵀ x_{i,h}) for every edge p = (i ← j) of an
 * {@link AttentionPattern}, where x = W h (N × heads·F, head h in columns [hF, (h+1)F)) and a_src, a_dst are
 * 1 × heads·F rows laid out the same way. The result is E × heads, row p for edge p.
 *
 * <p>The per-node scores a_srcᵀ x_j and a_dstᵀ x_i are computed once (N × heads) and combined per edge, so
 * forward and backward cost O(N·heads·F + E·heads). The backward pass sums over each node's outgoing edges
 * in the pattern's column order, node by node: no shared accumulator, results independent of the thread
 * count. The gradients for the attention vectors are reductions over the nodes, summed over chunks whose
 * bounds depend only on the shapes, in chunk order.
 */
public final class EdgeAttentionLogits extends Variable {

    private final AttentionPattern pattern;
    private final Variable x;
    private final Variable attSrc;
    private final Variable attDst;
    private final int heads;
    private final int width;
    private final double negativeSlope;

    private EdgeAttentionLogits(
            AttentionPattern pattern, Variable x, Variable attSrc, Variable attDst, int heads, double negativeSlope) {
        super(List.of(x, attSrc, attDst), pattern.edges(), heads);
        this.pattern = pattern;
        this.x = x;
        this.attSrc = attSrc;
        this.attDst = attDst;
        this.heads = heads;
        if (heads < 1 || x.cols() % heads != 0) {
            throw new IllegalArgumentException(String.format(
                    Locale.ROOT, "%d heads do not divide the %d columns of %s", heads, x.cols(), x.shape()));
        }
        this.width = x.cols() / heads;
        pattern.requireNodes(x.rows(), "Node features " + x.shape());
        for (Variable a : List.of(attSrc, attDst)) {
            if (a.rows() != 1 || a.cols() != x.cols()) {
                throw new IllegalArgumentException(String.format(
                        Locale.ROOT,
                        "Attention vectors must be 1 × %d (heads × width, head-major) for %s, got %s",
                        x.cols(),
                        x.shape(),
                        a.shape()));
            }
        }
        if (!(negativeSlope >= 0) || !Double.isFinite(negativeSlope)) {
            throw new IllegalArgumentException(
                    "LeakyReLU negative slope must be finite and >= 0, got " + negativeSlope);
        }
        this.negativeSlope = negativeSlope;
    }

    /**
     * The attention logits of every edge and head, LeakyReLU(a_src·x_j + a_dst·x_i).
     *
     * @param pattern       the edges (self-loops included)
     * @param x             W h, N × heads·F
     * @param attSrc        a_src, 1 × heads·F (scores the source j of each edge)
     * @param attDst        a_dst, 1 × heads·F (scores the target i)
     * @param negativeSlope LeakyReLU slope for negative inputs (0.2 in GAT), ≥ 0
     */
    public static EdgeAttentionLogits of(
            AttentionPattern pattern, Variable x, Variable attSrc, Variable attDst, int heads, double negativeSlope) {
        return new EdgeAttentionLogits(
                Objects.requireNonNull(pattern, "pattern is null"), x, attSrc, attDst, heads, negativeSlope);
    }

    public int heads() {
        return heads;
    }

    public double negativeSlope() {
        return negativeSlope;
    }

    @Override
    public Matrix apply(ComputationContext ctx) {
        ctx.stash(this, new Cache());
        double[] xs = ctx.forward(x).data();
        double[] src = nodeScores(ctx.parallelism(), xs, ctx.forward(attSrc).data());
        double[] dst = nodeScores(ctx.parallelism(), xs, ctx.forward(attDst).data());
        double[] out = new double[pattern.edges() * heads];
        int h = heads;
        double slope = negativeSlope;
        pattern.forEachNodeChunk(ctx.parallelism(), h, (chunk, from, to) -> {
            for (int i = from; i < to; i++) {
                for (int p = pattern.rowStart(i); p < pattern.rowEnd(i); p++) {
                    int j = pattern.colAt(p);
                    for (int k = 0; k < h; k++) {
                        double raw = dst[i * h + k] + src[j * h + k];
                        out[p * h + k] = raw > 0 ? raw : slope * raw;
                    }
                }
            }
        });
        return Matrix.wrapRowMajor(pattern.edges(), h, out);
    }

    /** s_{n,h} = a_hᵀ x_{n,h}: N × heads, row-major. */
    private double[] nodeScores(Parallelism parallelism, double[] xs, double[] a) {
        int n = pattern.nodes();
        int h = heads;
        int f = width;
        int hf = h * f;
        double[] s = new double[n * h];
        pattern.forEachNodeChunk(parallelism, hf, (chunk, from, to) -> {
            for (int i = from; i < to; i++) {
                int off = i * hf;
                for (int k = 0; k < h; k++) {
                    double acc = 0;
                    int base = k * f;
                    for (int c = 0; c < f; c++) {
                        acc += xs[off + base + c] * a[base + c];
                    }
                    s[i * h + k] = acc;
                }
            }
        });
        return s;
    }

    @Override
    public Matrix gradient(Variable parent, ComputationContext ctx) {
        if (parent != x && parent != attSrc && parent != attDst) {
            throw new IllegalArgumentException(render() + " has no parent " + parent.render());
        }
        NodeGradients g = nodeGradients(ctx);
        Matrix out = null;
        if (parent == x) {
            out = xGradient(
                    ctx.parallelism(),
                    g,
                    ctx.data(attSrc).data(),
                    ctx.data(attDst).data());
        }
        if (parent == attSrc) {
            out = add(
                    out, attentionGradient(ctx.parallelism(), g.src, ctx.data(x).data()));
        }
        if (parent == attDst) {
            out = add(
                    out, attentionGradient(ctx.parallelism(), g.dst, ctx.data(x).data()));
        }
        return out;
    }

    private static Matrix add(Matrix a, Matrix b) {
        return a == null ? b : a.plus(b);
    }

    /** dL/ds_src and dL/ds_dst (N × heads) for one upstream gradient. */
    @SuppressWarnings("ArrayRecordComponent") // carries arrays by design and is never compared or used as a key
    private record NodeGradients(Matrix upstream, double[] src, double[] dst) {}

    /** Stashed by the forward pass: the node gradients of the last backward pass through this context. */
    private static final class Cache {
        NodeGradients last;
    }

    @SuppressWarnings("ReferenceEquality") // the cache holds for this very gradient object, not an equal one
    private NodeGradients nodeGradients(ComputationContext ctx) {
        Matrix upstream = ctx.gradient(this);
        Cache cache = ctx.stashed(this, Cache.class);
        if (cache.last != null && cache.last.upstream == upstream) {
            return cache.last;
        }
        double[] g = upstream.data();
        double[] e = ctx.data(this).data();
        int h = heads;
        double slope = negativeSlope;
        // dL/d(raw) per edge: the LeakyReLU derivative, read from the output's sign (slope >= 0).
        double[] d = new double[g.length];
        for (int t = 0; t < g.length; t++) {
            d[t] = e[t] > 0 ? g[t] : slope * g[t];
        }
        double[] dst = new double[pattern.nodes() * h];
        double[] src = new double[pattern.nodes() * h];
        pattern.forEachNodeChunk(ctx.parallelism(), h, (chunk, from, to) -> {
            for (int i = from; i < to; i++) {
                for (int p = pattern.rowStart(i); p < pattern.rowEnd(i); p++) {
                    for (int k = 0; k < h; k++) {
                        dst[i * h + k] += d[p * h + k];
                    }
                }
                for (int q = pattern.colStart(i); q < pattern.colEnd(i); q++) {
                    int p = pattern.colEdge(q);
                    for (int k = 0; k < h; k++) {
                        src[i * h + k] += d[p * h + k];
                    }
                }
            }
        });
        cache.last = new NodeGradients(upstream, src, dst);
        return cache.last;
    }

    /** dL/dx_{n,h,c} = dL/ds_src{n,h} · a_src{h,c} + dL/ds_dst{n,h} · a_dst{h,c}. */
    private Matrix xGradient(Parallelism parallelism, NodeGradients g, double[] aSrc, double[] aDst) {
        int n = pattern.nodes();
        int h = heads;
        int f = width;
        int hf = h * f;
        double[] out = new double[n * hf];
        pattern.forEachNodeChunk(parallelism, hf, (chunk, from, to) -> {
            for (int i = from; i < to; i++) {
                for (int k = 0; k < h; k++) {
                    double gs = g.src[i * h + k];
                    double gd = g.dst[i * h + k];
                    int base = k * f;
                    int off = i * hf + base;
                    for (int c = 0; c < f; c++) {
                        out[off + c] = gs * aSrc[base + c] + gd * aDst[base + c];
                    }
                }
            }
        });
        return Matrix.wrapRowMajor(n, hf, out);
    }

    /** dL/da_{h,c} = Σ_n dL/ds_{n,h} · x_{n,h,c}: per-chunk partial sums added in chunk order. */
    private Matrix attentionGradient(Parallelism parallelism, double[] ds, double[] xs) {
        int n = pattern.nodes();
        int h = heads;
        int f = width;
        int hf = h * f;
        int chunkSize = pattern.nodeChunkSize(hf);
        double[][] partial = new double[Parallelism.chunkCount(n, chunkSize)][];
        parallelism.forEachChunk(n, chunkSize, (chunk, from, to) -> {
            double[] acc = new double[hf];
            for (int i = from; i < to; i++) {
                int off = i * hf;
                for (int k = 0; k < h; k++) {
                    double gk = ds[i * h + k];
                    int base = k * f;
                    for (int c = 0; c < f; c++) {
                        acc[base + c] += gk * xs[off + base + c];
                    }
                }
            }
            partial[chunk] = acc;
        });
        double[] out = new double[hf];
        for (double[] p : partial) {
            for (int c = 0; c < hf; c++) {
                out[c] += p[c];
            }
        }
        return Matrix.wrapRowMajor(1, hf, out);
    }

    @Override
    public String render() {
        return "EdgeAttentionLogits[heads=" + heads + ", slope=" + negativeSlope + "]" + shape();
    }
}
