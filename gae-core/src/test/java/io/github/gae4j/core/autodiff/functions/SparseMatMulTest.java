// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.core.autodiff.functions;

import static io.github.gae4j.testkit.TestGraphs.randomMatrix;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.gae4j.core.autodiff.ComputationContext;
import io.github.gae4j.core.autodiff.Constant;
import io.github.gae4j.core.autodiff.Weights;
import io.github.gae4j.core.parallel.Parallelism;
import io.github.gae4j.core.tensor.Matrix;
import io.github.gae4j.core.tensor.SparseMatrix;
import io.github.gae4j.testkit.GradientCheck;
import java.util.List;
import org.junit.jupiter.api.Test;

final class SparseMatMulTest implements GradientCheck {

    /** A 6×5 sparse matrix with an empty row (row 2) and an empty column (column 3). */
    private static SparseMatrix sparse() {
        return SparseMatrix.ofCoo(
                6, 5, new int[] {0, 0, 1, 3, 3, 3, 4, 5, 5}, new int[] {1, 4, 0, 0, 2, 4, 1, 2, 0}, new double[] {
                    0.5, -1.5, 2.0, 0.25, -0.75, 1.0, 3.0, -2.0, 0.125
                });
    }

    @Test
    void forwardMatchesDenseReference() {
        SparseMatrix s = sparse();
        Matrix x = randomMatrix(5, 3, 1);
        Matrix out = new ComputationContext().forward(SparseMatMul.of(s, Constant.of(x)));
        Matrix expected = s.toDense().multiply(x);
        assertThat(out.rows()).isEqualTo(6);
        assertThat(out.cols()).isEqualTo(3);
        for (int k = 0; k < expected.data().length; k++) {
            assertThat(out.data()[k]).isCloseTo(expected.data()[k], within(1e-12));
        }
    }

    @Test
    void gradientOfDenseFactor() {
        Weights x = new Weights("x", randomMatrix(5, 3, 2));
        assertGradientsMatch(List.of(x), MatMulTest.weightedSum(SparseMatMul.of(sparse(), x), 3));
    }

    @Test
    void gradientThroughSymmetricMatrix() {
        SparseMatrix s = SparseMatrix.ofCoo(
                        3, 3, new int[] {0, 1, 1, 2, 0}, new int[] {1, 0, 2, 1, 0}, new double[] {0.5, 0.5, -2, -2, 1})
                .asSymmetric();
        Weights x = new Weights("x", randomMatrix(3, 2, 4));
        assertGradientsMatch(List.of(x), MatMulTest.weightedSum(SparseMatMul.of(s, x), 5));
    }

    @Test
    void gradientWithSeveralThreads() {
        try (Parallelism parallelism = Parallelism.of(2)) {
            Weights x = new Weights("x", randomMatrix(5, 3, 6));
            assertGradientsMatch(List.of(x), MatMulTest.weightedSum(SparseMatMul.of(sparse(), x), 7), parallelism);
        }
    }

    @Test
    void emptyGraphRunsForwardAndBackward() {
        // A two-layer GCN, Â · ReLU(Â X W0) · W1, on a graph with no nodes (X = I is 0 × 0).
        io.github.gae4j.core.graph.Graph empty =
                io.github.gae4j.core.graph.Graph.builder(0).build();
        SparseMatrix a = io.github.gae4j.core.graph.NormalizedAdjacency.of(empty.adjacency());
        Weights w0 = new Weights("w0", Matrix.zeros(0, 4));
        Weights w1 = new Weights("w1", randomMatrix(4, 2, 8));
        var h = Relu.of(SparseMatMul.of(a, FeaturesTimes.of(empty.featuresOrIdentity(), w0)));
        var z = SparseMatMul.of(a, MatMul.of(h, w1));
        ComputationContext ctx = new ComputationContext();
        assertThat(ctx.forward(z).rows()).isZero();
        assertThat(ctx.forward(z).cols()).isEqualTo(2);
        var loss = Sum.of(z);
        ctx.backward(loss);
        assertThat(ctx.forward(loss).scalarValue()).isZero();
        assertThat(ctx.gradient(w1)).isEqualTo(Matrix.zeros(4, 2));
        assertThat(ctx.gradient(w0).size()).isZero();
    }

    @Test
    void shapeMismatchFailsAtConstructionWithBothShapes() {
        Weights x = new Weights("x", Matrix.zeros(4, 3));
        assertThatThrownBy(() -> SparseMatMul.of(sparse(), x))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("(6, 5)")
                .hasMessageContaining("(4, 3)");
    }
}
