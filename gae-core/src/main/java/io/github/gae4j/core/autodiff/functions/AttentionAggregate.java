// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.core.autodiff.functions;

import io.github.gae4j.core.autodiff.ComputationContext;
import io.github.gae4j.core.autodiff.Variable;
import io.github.gae4j.core.tensor.Matrix;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Attention-weighted aggregation, a sparse-times-dense product with per-edge, per-head weights:
 * out_{i,h} = Σ_{p = (i ← j)} α_{p,h} · x_{j,h}, for α E × heads (edges of an {@link AttentionPattern}) and
 * x N × heads·F (head h in columns [hF, (h+1)F)); the result is N × heads·F, heads concatenated. The
 * aggregation step of GAT, out_i = Σ_j α_ij W h_j per head.
 *
 * <p>Forward and backward are O(E·heads·F), never N × N. Forward and dL/dα go row by row (target nodes);
 * dL/dx goes node by node over each node's outgoing edges in the pattern's column order. Every output row
 * is written by one thread, so results do not depend on the thread count.
 */
public final class AttentionAggregate extends Variable {

    private final AttentionPattern pattern;
    private final Variable alpha;
    private final Variable x;
    private final int heads;
    private final int width;

    private AttentionAggregate(AttentionPattern pattern, Variable alpha, Variable x) {
        super(List.of(alpha, x), pattern.nodes(), x.cols());
        this.pattern = pattern;
        this.alpha = alpha;
        this.x = x;
        pattern.requireEdges(alpha.rows(), "Attention coefficients " + alpha.shape());
        pattern.requireNodes(x.rows(), "Node features " + x.shape());
        this.heads = alpha.cols();
        if (heads < 1 || x.cols() % heads != 0) {
            throw new IllegalArgumentException(String.format(
                    Locale.ROOT,
                    "The %d heads of the attention coefficients %s do not divide the %d columns of %s",
                    heads,
                    alpha.shape(),
                    x.cols(),
                    x.shape()));
        }
        this.width = x.cols() / heads;
    }

    /**
     * Σ_j α_ij x_j per head over the pattern's edges.
     *
     * @param alpha attention coefficients, E × heads
     * @param x     node features W h, N × heads·F
     */
    public static AttentionAggregate of(AttentionPattern pattern, Variable alpha, Variable x) {
        return new AttentionAggregate(Objects.requireNonNull(pattern, "pattern is null"), alpha, x);
    }

    @Override
    public Matrix apply(ComputationContext ctx) {
        double[] a = ctx.forward(alpha).data();
        double[] xs = ctx.forward(x).data();
        int h = heads;
        int f = width;
        int hf = h * f;
        double[] out = new double[pattern.nodes() * hf];
        pattern.forEachNodeChunk(ctx.parallelism(), hf, (chunk, from, to) -> {
            for (int i = from; i < to; i++) {
                int o = i * hf;
                for (int p = pattern.rowStart(i); p < pattern.rowEnd(i); p++) {
                    addWeightedHeads(out, o, a, p, xs, pattern.colAt(p) * hf, h, f);
                }
            }
        });
        return Matrix.wrapRowMajor(pattern.nodes(), hf, out);
    }

    @Override
    public Matrix gradient(Variable parent, ComputationContext ctx) {
        Matrix out = null;
        if (parent == alpha) {
            out = alphaGradient(ctx);
        }
        if (parent == x) {
            Matrix gx = xGradient(ctx);
            out = out == null ? gx : out.plus(gx);
        }
        if (out == null) {
            throw new IllegalArgumentException(render() + " has no parent " + parent.render());
        }
        return out;
    }

    /** dL/dα_{p,h} = g_{i,h} · x_{j,h} for p = (i ← j). */
    private Matrix alphaGradient(ComputationContext ctx) {
        double[] g = ctx.gradient(this).data();
        double[] xs = ctx.data(x).data();
        int h = heads;
        int f = width;
        int hf = h * f;
        double[] out = new double[pattern.edges() * h];
        pattern.forEachNodeChunk(ctx.parallelism(), hf, (chunk, from, to) -> {
            for (int i = from; i < to; i++) {
                int o = i * hf;
                for (int p = pattern.rowStart(i); p < pattern.rowEnd(i); p++) {
                    int src = pattern.colAt(p) * hf;
                    for (int k = 0; k < h; k++) {
                        int base = k * f;
                        double acc = 0;
                        for (int c = 0; c < f; c++) {
                            acc += g[o + base + c] * xs[src + base + c];
                        }
                        out[p * h + k] = acc;
                    }
                }
            }
        });
        return Matrix.wrapRowMajor(pattern.edges(), h, out);
    }

    /** dL/dx_{j,h} = Σ_{p = (i ← j)} α_{p,h} · g_{i,h}, over j's outgoing edges in column order. */
    private Matrix xGradient(ComputationContext ctx) {
        double[] g = ctx.gradient(this).data();
        double[] a = ctx.data(alpha).data();
        int h = heads;
        int f = width;
        int hf = h * f;
        double[] out = new double[pattern.nodes() * hf];
        pattern.forEachNodeChunk(ctx.parallelism(), hf, (chunk, from, to) -> {
            for (int j = from; j < to; j++) {
                int o = j * hf;
                for (int q = pattern.colStart(j); q < pattern.colEnd(j); q++) {
                    addWeightedHeads(out, o, a, pattern.colEdge(q), g, pattern.colRow(q) * hf, h, f);
                }
            }
        });
        return Matrix.wrapRowMajor(pattern.nodes(), hf, out);
    }

    /**
     * out[o + head k] += α_{p,k} · v[from + head k] for every head: the one inner step of the forward pass (v = x,
     * along row i's edges) and of the x gradient (v = the upstream gradient, along column j's edges).
     */
    private static void addWeightedHeads(
            double[] out, int o, double[] alpha, int p, double[] v, int from, int h, int f) {
        for (int k = 0; k < h; k++) {
            double w = alpha[p * h + k];
            int base = k * f;
            for (int c = 0; c < f; c++) {
                out[o + base + c] += w * v[from + base + c];
            }
        }
    }

    @Override
    public String render() {
        return "AttentionAggregate[heads=" + heads + "]" + shape();
    }
}
