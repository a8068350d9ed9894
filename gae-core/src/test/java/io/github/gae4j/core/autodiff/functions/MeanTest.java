// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.core.autodiff.functions;

import static io.github.gae4j.testkit.TestGraphs.randomMatrix;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.gae4j.core.autodiff.ComputationContext;
import io.github.gae4j.core.autodiff.Constant;
import io.github.gae4j.core.autodiff.Weights;
import io.github.gae4j.core.tensor.Matrix;
import io.github.gae4j.testkit.GradientCheck;
import java.util.List;
import org.junit.jupiter.api.Test;

final class MeanTest implements GradientCheck {

    @Test
    void forward() {
        Matrix out = new ComputationContext().forward(Mean.of(Constant.of(Matrix.of(new double[][] {{1, 2, 3}, {4, 5, 9}
        }))));
        assertThat(out.scalarValue()).isEqualTo(4.0);
    }

    @Test
    void gradient() {
        Weights x = new Weights("x", randomMatrix(3, 4, 1));
        assertGradientsMatch(List.of(x), Mean.of(ElementMul.of(x, x)));
        ComputationContext ctx = new ComputationContext();
        ctx.backward(Mean.of(x));
        assertThat(ctx.gradient(x).data()).containsOnly(1.0 / 12);
    }

    @Test
    void rejectsEmptyInput() {
        assertThatThrownBy(() -> Mean.of(Constant.of(Matrix.zeros(0, 3))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("(0, 3)");
    }
}
