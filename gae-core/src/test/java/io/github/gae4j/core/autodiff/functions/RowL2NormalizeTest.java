// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.core.autodiff.functions;

import static io.github.gae4j.testkit.TestGraphs.randomMatrix;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.gae4j.core.autodiff.ComputationContext;
import io.github.gae4j.core.autodiff.Weights;
import io.github.gae4j.core.tensor.Matrix;
import io.github.gae4j.testkit.GradientCheck;
import java.util.List;
import org.junit.jupiter.api.Test;

final class RowL2NormalizeTest implements GradientCheck {

    @Test
    void rowsGetUnitNormAndZeroRowsStayZero() {
        Matrix x = randomMatrix(5, 3, 1);
        for (int k = 0; k < 3; k++) {
            x.set(2, k, 0.0);
        }
        Matrix y = new ComputationContext().forward(RowL2Normalize.of(new Weights("x", x)));
        for (int i = 0; i < 5; i++) {
            double s = 0;
            for (int k = 0; k < 3; k++) {
                s += y.get(i, k) * y.get(i, k);
            }
            assertThat(s).isCloseTo(i == 2 ? 0.0 : 1.0, within(1e-12));
        }
    }

    @Test
    void gradientMatchesFiniteDifferences() {
        Weights x = new Weights("x", randomMatrix(5, 3, 2));
        Matrix w = randomMatrix(5, 3, 3);
        assertGradientsMatch(
                List.of(x), Sum.of(ElementMul.of(RowL2Normalize.of(x), io.github.gae4j.core.autodiff.Constant.of(w))));
    }
}
