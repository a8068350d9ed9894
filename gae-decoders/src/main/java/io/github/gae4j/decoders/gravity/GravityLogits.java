// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.decoders.gravity;

import io.github.gae4j.core.autodiff.ComputationContext;
import io.github.gae4j.core.autodiff.Variable;
import io.github.gae4j.core.graph.EdgeList;
import io.github.gae4j.core.tensor.Matrix;
import java.util.List;
import java.util.Locale;

/**
 * The gravity-inspired decoder's logits of ordered pairs (Salha et al. 2019, eq. 6):
 * out[e] = m_j − λ · log(‖p_i − p_j‖² + ε) for the pair e = (i, j), i → j, an E × 1 column, with
 * positions P (N × d) and masses m (N × 1). The squared distance is summed from the differences
 * (exact also for near pairs). A self pair (i, i) gives m_i − λ log ε.
 */
public final class GravityLogits extends Variable {

    private final Variable positions;
    private final Variable mass;
    private final EdgeList pairs;
    private final double lambda;
    private final double epsilon;

    private GravityLogits(Variable positions, Variable mass, EdgeList pairs, double lambda, double epsilon) {
        super(List.of(positions, mass), pairs.size(), 1);
        checkGravity(positions, mass, lambda, epsilon);
        for (int e = 0; e < pairs.size(); e++) {
            if (pairs.src(e) < 0
                    || pairs.src(e) >= positions.rows()
                    || pairs.dst(e) < 0
                    || pairs.dst(e) >= positions.rows()) {
                throw new IllegalArgumentException(String.format(
                        Locale.ROOT,
                        "GravityLogits: pair %d (%d, %d) out of range for %d nodes",
                        e,
                        pairs.src(e),
                        pairs.dst(e),
                        positions.rows()));
            }
        }
        this.positions = positions;
        this.mass = mass;
        this.pairs = pairs;
        this.lambda = lambda;
        this.epsilon = epsilon;
    }

    /** Logits of {@code pairs} (shared, not copied). */
    public static GravityLogits of(Variable positions, Variable mass, EdgeList pairs, double lambda, double epsilon) {
        return new GravityLogits(positions, mass, pairs, lambda, epsilon);
    }

    static void checkGravity(Variable positions, Variable mass, double lambda, double epsilon) {
        if (mass.cols() != 1 || mass.rows() != positions.rows()) {
            throw new IllegalArgumentException(String.format(
                    Locale.ROOT,
                    "Gravity decoder: masses must be (%d, 1) for positions %s, got %s",
                    positions.rows(),
                    positions.shape(),
                    mass.shape()));
        }
        if (!Double.isFinite(lambda) || !(epsilon > 0) || !Double.isFinite(epsilon)) {
            throw new IllegalArgumentException(String.format(
                    Locale.ROOT,
                    "Gravity decoder: lambda must be finite and epsilon positive and finite, got %s and %s",
                    lambda,
                    epsilon));
        }
    }

    @Override
    public Matrix apply(ComputationContext ctx) {
        double[] p = ctx.forward(positions).data();
        double[] m = ctx.forward(mass).data();
        int d = positions.cols();
        Matrix out = Matrix.zeros(pairs.size(), 1);
        double[] o = out.data();
        for (int e = 0; e < pairs.size(); e++) {
            o[e] = m[pairs.dst(e)] - lambda * Math.log(distance(p, pairs.src(e) * d, pairs.dst(e) * d, d));
        }
        return out;
    }

    private double distance(double[] p, int i, int j, int d) {
        double s = 0;
        for (int k = 0; k < d; k++) {
            double diff = p[i + k] - p[j + k];
            s += diff * diff;
        }
        return s + epsilon;
    }

    @Override
    public Matrix gradient(Variable parent, ComputationContext ctx) {
        if (parent != positions && parent != mass) {
            throw new IllegalArgumentException(render() + " has no parent " + parent.render());
        }
        double[] g = ctx.gradient(this).data();
        Matrix out = Matrix.zeros(parent.rows(), parent.cols());
        double[] o = out.data();
        if (parent == mass) {
            for (int e = 0; e < pairs.size(); e++) {
                o[pairs.dst(e)] += g[e];
            }
        }
        if (parent == positions) {
            double[] p = ctx.data(positions).data();
            int d = positions.cols();
            for (int e = 0; e < pairs.size(); e++) {
                int i = pairs.src(e) * d;
                int j = pairs.dst(e) * d;
                double h = -2.0 * lambda * g[e] / distance(p, i, j, d);
                for (int k = 0; k < d; k++) {
                    double diff = p[i + k] - p[j + k];
                    o[i + k] += h * diff;
                    o[j + k] -= h * diff;
                }
            }
        }
        return out;
    }

    @Override
    public String render() {
        return "GravityLogits[λ=" + lambda + ", ε=" + epsilon + "]" + shape();
    }
}
