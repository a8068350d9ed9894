// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.examples.customop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.gae4j.core.autodiff.ComputationContext;
import io.github.gae4j.core.autodiff.SingleParentVariable;
import io.github.gae4j.core.autodiff.Variable;
import io.github.gae4j.core.autodiff.Weights;
import io.github.gae4j.core.autodiff.functions.ElementwiseOperation;
import io.github.gae4j.core.autodiff.functions.Sum;
import io.github.gae4j.core.tensor.Matrix;
import io.github.gae4j.testkit.GradientCheck;
import io.github.gae4j.testkit.TestGraphs;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Code outside gae-core (a plugin, say) adds operations with their own backward pass. */
final class CustomOperationTest implements GradientCheck {

    /** tanh through the elementwise base class: only f and f' to write. */
    static final class Tanh extends ElementwiseOperation {
        Tanh(Variable x) {
            super(x);
        }

        @Override
        protected double value(double x) {
            return Math.tanh(x);
        }

        @Override
        protected double derivative(double x, double y) {
            return 1 - y * y;
        }
    }

    /** Row-wise squared norm, an N×1 column: a general operation with a hand-written backward. */
    static final class RowSquaredNorm extends SingleParentVariable {
        RowSquaredNorm(Variable x) {
            super(x, x.rows(), 1);
        }

        @Override
        public Matrix apply(ComputationContext ctx) {
            Matrix x = ctx.forward(parent);
            Matrix out = Matrix.zeros(x.rows(), 1);
            for (int i = 0; i < x.rows(); i++) {
                double s = 0;
                for (int k = 0; k < x.cols(); k++) {
                    s += x.get(i, k) * x.get(i, k);
                }
                out.set(i, 0, s);
            }
            return out;
        }

        @Override
        protected Matrix gradientForParent(ComputationContext ctx) {
            Matrix x = ctx.data(parent);
            Matrix g = ctx.gradient(this);
            Matrix out = Matrix.zeros(x.rows(), x.cols());
            for (int i = 0; i < x.rows(); i++) {
                for (int k = 0; k < x.cols(); k++) {
                    out.set(i, k, 2 * x.get(i, k) * g.get(i, 0));
                }
            }
            return out;
        }
    }

    @Test
    void customOperationsComposeWithBuiltInOnesAndPassTheGradientCheck() {
        Weights w = new Weights("w", TestGraphs.randomMatrix(6, 3, 21));
        Variable loss = Sum.of(new RowSquaredNorm(new Tanh(w)));
        double expected = 0;
        for (double v : w.data().data()) {
            expected += Math.tanh(v) * Math.tanh(v);
        }
        assertThat(new ComputationContext().forward(loss).scalarValue()).isCloseTo(expected, within(1e-12));
        assertGradientsMatch(List.of(w), loss);
    }
}
