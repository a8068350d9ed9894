// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.core.autodiff.functions;

import io.github.gae4j.core.autodiff.ComputationContext;
import io.github.gae4j.core.autodiff.Variable;
import io.github.gae4j.core.tensor.Matrix;
import java.util.List;

/**
 * KL(N(μ, σ²) ‖ N(0, I)) per node, averaged over nodes (rows), in closed form from μ and log σ:
 * −0.5 · mean_i Σ_k (1 + 2 log σ_ik − μ_ik² − σ_ik²). The caller clamps log σ so exp stays finite.
 */
public final class GaussianKl extends Variable {

    private final Variable mu;
    private final Variable logStd;

    private GaussianKl(Variable mu, Variable logStd) {
        super(List.of(mu, logStd), 1, 1);
        Shapes.requireSameShape("GaussianKl", mu, logStd);
        if (mu.rows() == 0) {
            throw new IllegalArgumentException("GaussianKl over no nodes " + mu.shape());
        }
        if (mu == logStd) {
            throw new IllegalArgumentException("GaussianKl needs distinct μ and log σ variables");
        }
        this.mu = mu;
        this.logStd = logStd;
    }

    public static GaussianKl of(Variable mu, Variable logStd) {
        return new GaussianKl(mu, logStd);
    }

    @Override
    public Matrix apply(ComputationContext ctx) {
        double[] m = ctx.forward(mu).data();
        double[] l = ctx.forward(logStd).data();
        double sum = 0;
        for (int k = 0; k < m.length; k++) {
            sum += 1.0 + 2.0 * l[k] - m[k] * m[k] - Math.exp(2.0 * l[k]);
        }
        return Matrix.scalar(-0.5 * sum / mu.rows());
    }

    @Override
    public Matrix gradient(Variable parent, ComputationContext ctx) {
        double g = ctx.gradient(this).scalarValue() / mu.rows();
        Matrix out = Matrix.zeros(parent.rows(), parent.cols());
        double[] o = out.data();
        if (parent == mu) {
            double[] m = ctx.data(mu).data();
            for (int k = 0; k < m.length; k++) {
                o[k] = g * m[k];
            }
        } else if (parent == logStd) {
            double[] l = ctx.data(logStd).data();
            for (int k = 0; k < l.length; k++) {
                o[k] = g * (Math.exp(2.0 * l[k]) - 1.0);
            }
        } else {
            throw new IllegalArgumentException(render() + " has no parent " + parent.render());
        }
        return out;
    }
}
