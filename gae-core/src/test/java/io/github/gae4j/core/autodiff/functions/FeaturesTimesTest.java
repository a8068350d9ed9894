// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.core.autodiff.functions;

import static io.github.gae4j.testkit.TestGraphs.randomMatrix;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.gae4j.core.autodiff.ComputationContext;
import io.github.gae4j.core.autodiff.Constant;
import io.github.gae4j.core.autodiff.Variable;
import io.github.gae4j.core.graph.Features;
import io.github.gae4j.core.tensor.Matrix;
import io.github.gae4j.core.tensor.SparseMatrix;
import org.junit.jupiter.api.Test;

final class FeaturesTimesTest {

    private static void assertClose(Matrix actual, Matrix expected) {
        assertThat(actual.shape()).isEqualTo(expected.shape());
        assertThat(actual.toRowMajor()).containsExactly(expected.toRowMajor(), within(1e-12));
    }

    @Test
    void everyKindComputesTheSameProduct() {
        SparseMatrix x = SparseMatrix.ofCoo(
                4, 3, new int[] {0, 1, 3, 3}, new int[] {2, 0, 0, 1}, new double[] {1.5, -2, 0.5, 1});
        Constant w = Constant.of(randomMatrix(3, 2, 1));
        Matrix expected = x.toDense().multiply(w.data());
        assertClose(new ComputationContext().forward(FeaturesTimes.of(Features.sparse(x), w)), expected);
        assertClose(new ComputationContext().forward(FeaturesTimes.of(Features.dense(x.toDense()), w)), expected);
    }

    @Test
    void identityIsNoProductAtAll() {
        Constant w = Constant.of(randomMatrix(4, 2, 2));
        Variable out = FeaturesTimes.of(Features.identity(4), w);
        assertThat(out).isSameAs(w);
        assertThatThrownBy(() -> FeaturesTimes.of(Features.identity(3), w))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("(3, 3)")
                .hasMessageContaining("(4, 2)");
    }
}
