package io.github.gae4j.core.autodiff.functions;

import io.github.gae4j.core.autodiff.ComputationContext;
import io.github.gae4j.core.autodiff.Variable;
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
    private final int[] left;
    private final int[] right;

    private RowDot(Variable a, int[] left, Variable b, int[] right) {
        super(List.of(a, b), left.length, 1);
        if (a.cols() != b.cols()) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "RowDot needs equal column counts, got %s and %s", a.shape(), b.shape()));
        }
        if (left.length != right.length) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "RowDot needs as many left as right indices, got %d and %d", left.length, right.length));
        }
        Shapes.requireIndices("RowDot", left, a.rows());
        Shapes.requireIndices("RowDot", right, b.rows());
        this.a = a;
        this.b = b;
        this.left = left.clone();
        this.right = right.clone();
    }

    public static RowDot of(Variable a, int[] left, Variable b, int[] right) {
        return new RowDot(a, left, b, right);
    }

    @Override
    public Matrix apply(ComputationContext ctx) {
        Matrix ma = ctx.forward(a);
        Matrix mb = ctx.forward(b);
        double[] da = ma.data();
        double[] db = mb.data();
        int f = ma.cols();
        Matrix out = Matrix.zeros(left.length, 1);
        double[] o = out.data();
        for (int e = 0; e < left.length; e++) {
            double s = 0;
            int i = left[e] * f;
            int j = right[e] * f;
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
            scatter(g, left, ctx.data(b), right, out);
            used = true;
        }
        if (parent == b) {
            scatter(g, right, ctx.data(a), left, out);
            used = true;
        }
        if (!used) {
            throw new IllegalArgumentException(render() + " has no parent " + parent.render());
        }
        return out;
    }

    /** out[target[e]] += g[e] · other[source[e]]. */
    private static void scatter(double[] g, int[] target, Matrix other, int[] source, Matrix out) {
        double[] dOther = other.data();
        double[] dOut = out.data();
        int f = out.cols();
        for (int e = 0; e < target.length; e++) {
            int t = target[e] * f;
            int s = source[e] * f;
            for (int k = 0; k < f; k++) {
                dOut[t + k] += g[e] * dOther[s + k];
            }
        }
    }
}
