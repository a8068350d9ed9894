// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.core.autodiff.functions;

import io.github.gae4j.core.autodiff.ComputationContext;
import io.github.gae4j.core.autodiff.Variable;
import io.github.gae4j.core.graph.EdgeList;
import io.github.gae4j.core.tensor.Matrix;
import java.util.List;
import java.util.Locale;

/**
 * out[e] = a[left[e]] · b[right[e]]: the row-wise dot product of two gathered row sets, an E×1
 * column. With a == b it scores node pairs under the inner-product decoder without materialising
 * the gathered rows.
 */
public final class RowDot extends Variable {

    private final Variable a;
    private final Variable b;
    private final EdgeList pairs;

    private RowDot(Variable a, Variable b, EdgeList pairs) {
        super(List.of(a, b), pairs.size(), 1);
        if (a.cols() != b.cols()) {
            throw new IllegalArgumentException(String.format(
                    Locale.ROOT, "RowDot needs equal column counts, got %s and %s", a.shape(), b.shape()));
        }
        for (int e = 0; e < pairs.size(); e++) {
            if (pairs.src(e) < 0 || pairs.src(e) >= a.rows() || pairs.dst(e) < 0 || pairs.dst(e) >= b.rows()) {
                throw new IllegalArgumentException(String.format(
                        Locale.ROOT,
                        "RowDot: pair %d (%d, %d) out of range for %s and %s",
                        e,
                        pairs.src(e),
                        pairs.dst(e),
                        a.shape(),
                        b.shape()));
            }
        }
        this.a = a;
        this.b = b;
        this.pairs = pairs;
    }

    public static RowDot of(Variable a, int[] left, Variable b, int[] right) {
        if (left.length != right.length) {
            throw new IllegalArgumentException(String.format(
                    Locale.ROOT,
                    "RowDot needs as many left as right indices, got %d and %d",
                    left.length,
                    right.length));
        }
        return new RowDot(a, b, new EdgeList(left, right));
    }

    /** Scores {@code pairs} (immutable, so it is shared, not copied: every epoch's negatives stay cheap). */
    public static RowDot of(Variable z, EdgeList pairs) {
        return new RowDot(z, z, pairs);
    }

    @Override
    public Matrix apply(ComputationContext ctx) {
        Matrix ma = ctx.forward(a);
        Matrix mb = ctx.forward(b);
        double[] da = ma.data();
        double[] db = mb.data();
        int f = ma.cols();
        Matrix out = Matrix.zeros(pairs.size(), 1);
        double[] o = out.data();
        for (int e = 0; e < pairs.size(); e++) {
            double s = 0;
            int i = pairs.src(e) * f;
            int j = pairs.dst(e) * f;
            for (int k = 0; k < f; k++) {
                s += da[i + k] * db[j + k];
            }
            o[e] = s;
        }
        return out;
    }

    @Override
    public Matrix gradient(Variable parent, ComputationContext ctx) {
        double[] g = ctx.gradient(this).data();
        Matrix out = Matrix.zeros(parent.rows(), parent.cols());
        boolean used = false;
        if (parent == a) {
            scatter(g, true, ctx.data(b), out);
            used = true;
        }
        if (parent == b) {
            scatter(g, false, ctx.data(a), out);
            used = true;
        }
        if (!used) {
            throw new IllegalArgumentException(render() + " has no parent " + parent.render());
        }
        return out;
    }

    /** out[target(e)] += g[e] · other[source(e)], target the left index when {@code leftTarget}. */
    private void scatter(double[] g, boolean leftTarget, Matrix other, Matrix out) {
        double[] dOther = other.data();
        double[] dOut = out.data();
        int f = out.cols();
        for (int e = 0; e < pairs.size(); e++) {
            int t = (leftTarget ? pairs.src(e) : pairs.dst(e)) * f;
            int s = (leftTarget ? pairs.dst(e) : pairs.src(e)) * f;
            for (int k = 0; k < f; k++) {
                dOut[t + k] += g[e] * dOther[s + k];
            }
        }
    }
}
