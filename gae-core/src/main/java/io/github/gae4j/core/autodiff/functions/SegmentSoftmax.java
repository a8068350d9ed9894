// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.core.autodiff.functions;

import io.github.gae4j.core.autodiff.ComputationContext;
import io.github.gae4j.core.autodiff.SingleParentVariable;
import io.github.gae4j.core.autodiff.Variable;
import io.github.gae4j.core.tensor.Matrix;
import java.util.Objects;

/**
 * Softmax over each node's incoming edges, per column (head): for an E × heads input e laid out as an
 * {@link AttentionPattern}'s edges, α_{p,h} = exp(e_{p,h} − m_{i,h}) / Σ_{q ∈ row i} exp(e_{q,h} − m_{i,h}) for
 * every edge p of row i, with m_{i,h} the row's maximum (numerically stable for any logits). The attention
 * coefficients of GAT. Rows are independent: computed row by row in parallel, O(E·heads) forward and backward,
 * results independent of the thread count. A row without edges (impossible in a pattern with self-loops) has
 * nothing to normalise.
 *
 * <p>Backward: dL/de_p = α_p · (g_p − Σ_{q ∈ row} α_q g_q).
 */
public final class SegmentSoftmax extends SingleParentVariable {

    private final AttentionPattern pattern;

    private SegmentSoftmax(AttentionPattern pattern, Variable logits) {
        super(logits, logits.rows(), logits.cols());
        this.pattern = Objects.requireNonNull(pattern, "pattern is null");
        pattern.requireEdges(logits.rows(), "Edge logits " + logits.shape());
    }

    public static SegmentSoftmax of(AttentionPattern pattern, Variable logits) {
        return new SegmentSoftmax(pattern, logits);
    }

    @Override
    public Matrix apply(ComputationContext ctx) {
        double[] e = ctx.forward(parent).data();
        int h = cols();
        double[] out = new double[e.length];
        pattern.forEachNodeChunk(ctx.parallelism(), h, (chunk, from, to) -> {
            for (int i = from; i < to; i++) {
                int start = pattern.rowStart(i);
                int end = pattern.rowEnd(i);
                if (start == end) {
                    continue;
                }
                for (int k = 0; k < h; k++) {
                    double max = Double.NEGATIVE_INFINITY;
                    for (int p = start; p < end; p++) {
                        max = Math.max(max, e[p * h + k]);
                    }
                    double sum = 0;
                    for (int p = start; p < end; p++) {
                        double v = Math.exp(e[p * h + k] - max);
                        out[p * h + k] = v;
                        sum += v;
                    }
                    double inv = 1.0 / sum;
                    for (int p = start; p < end; p++) {
                        out[p * h + k] *= inv;
                    }
                }
            }
        });
        return Matrix.wrapRowMajor(rows(), h, out);
    }

    @Override
    protected Matrix gradientForParent(ComputationContext ctx) {
        double[] a = ctx.data(this).data();
        double[] g = ctx.gradient(this).data();
        int h = cols();
        double[] out = new double[a.length];
        pattern.forEachNodeChunk(ctx.parallelism(), h, (chunk, from, to) -> {
            for (int i = from; i < to; i++) {
                int start = pattern.rowStart(i);
                int end = pattern.rowEnd(i);
                for (int k = 0; k < h; k++) {
                    double dot = 0;
                    for (int p = start; p < end; p++) {
                        dot += a[p * h + k] * g[p * h + k];
                    }
                    for (int p = start; p < end; p++) {
                        out[p * h + k] = a[p * h + k] * (g[p * h + k] - dot);
                    }
                }
            }
        });
        return Matrix.wrapRowMajor(rows(), h, out);
    }
}
