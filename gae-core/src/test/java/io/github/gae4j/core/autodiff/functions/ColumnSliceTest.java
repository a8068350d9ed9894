// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.core.autodiff.functions;

import static io.github.gae4j.testkit.TestGraphs.randomMatrix;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.gae4j.core.autodiff.ComputationContext;
import io.github.gae4j.core.autodiff.Weights;
import io.github.gae4j.core.tensor.Matrix;
import io.github.gae4j.testkit.GradientCheck;
import java.util.List;
import org.junit.jupiter.api.Test;

final class ColumnSliceTest implements GradientCheck {

    @Test
    void takesTheColumns() {
        Matrix x = randomMatrix(4, 5, 1);
        Matrix y = new ComputationContext().forward(ColumnSlice.of(new Weights("x", x), 1, 4));
        assertThat(y.rows()).isEqualTo(4);
        assertThat(y.cols()).isEqualTo(3);
        for (int i = 0; i < 4; i++) {
            for (int k = 0; k < 3; k++) {
                assertThat(y.get(i, k)).isEqualTo(x.get(i, k + 1));
            }
        }
    }

    @Test
    void gradientScattersIntoTheColumns() {
        Weights x = new Weights("x", randomMatrix(4, 5, 2));
        assertGradientsMatch(List.of(x), Sum.of(Sigmoid.of(ColumnSlice.of(x, 2, 5))));
        assertGradientsMatch(List.of(x), Sum.of(Sigmoid.of(ColumnSlice.of(x, 0, 1))));
    }

    @Test
    void rejectsEmptyOrOutOfRangeSlices() {
        Weights x = new Weights("x", randomMatrix(4, 5, 3));
        assertThatThrownBy(() -> ColumnSlice.of(x, 2, 2)).hasMessageContaining("[2, 2)");
        assertThatThrownBy(() -> ColumnSlice.of(x, 3, 6)).hasMessageContaining("outside the 5 columns");
    }
}
