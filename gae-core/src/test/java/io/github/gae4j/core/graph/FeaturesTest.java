package io.github.gae4j.core.graph;

import static io.github.gae4j.core.testing.TestGraphs.randomMatrix;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.gae4j.core.autodiff.ComputationContext;
import io.github.gae4j.core.autodiff.Constant;
import io.github.gae4j.core.autodiff.Variable;
import io.github.gae4j.core.parallel.Parallelism;
import io.github.gae4j.core.tensor.Matrix;
import io.github.gae4j.core.tensor.SparseMatrix;
import org.junit.jupiter.api.Test;

final class FeaturesTest {

    private static void assertClose(Matrix actual, Matrix expected) {
        assertThat(actual.rows()).isEqualTo(expected.rows());
        assertThat(actual.cols()).isEqualTo(expected.cols());
        for (int k = 0; k < expected.data().length; k++) {
            assertThat(actual.data()[k]).isCloseTo(expected.data()[k], within(1e-12));
        }
    }

    @Test
    void everyKindComputesTheSameProduct() {
        SparseMatrix x = SparseMatrix.ofCoo(4, 3, new int[] {0, 1, 3, 3}, new int[] {2, 0, 0, 1},
                new double[] {1.5, -2, 0.5, 1});
        Constant w = Constant.of(randomMatrix(3, 2, 1));
        Matrix expected = x.toDense().multiply(w.data());
        Parallelism one = Parallelism.singleThreaded();
        assertClose(new ComputationContext().forward(Features.sparse(x).times(w, one)), expected);
        assertClose(new ComputationContext().forward(Features.dense(x.toDense()).times(w, one)), expected);
        assertThat(Features.sparse(x).dim()).isEqualTo(3);
        assertThat(Features.dense(x.toDense()).rows()).isEqualTo(4);
    }

    @Test
    void identityIsNoProductAtAll() {
        Constant w = Constant.of(randomMatrix(4, 2, 2));
        Variable out = Features.identity(4).times(w, Parallelism.singleThreaded());
        assertThat(out).isSameAs(w);
        assertThatThrownBy(() -> Features.identity(3).times(w, Parallelism.singleThreaded()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("(3, 3)")
                .hasMessageContaining("(4, 2)");
    }
}
