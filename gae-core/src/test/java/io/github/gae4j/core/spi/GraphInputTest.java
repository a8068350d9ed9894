// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.core.spi;

import static io.github.gae4j.testkit.TestGraphs.randomMatrix;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.gae4j.core.autodiff.ComputationContext;
import io.github.gae4j.core.autodiff.Constant;
import io.github.gae4j.core.autodiff.Variable;
import io.github.gae4j.core.autodiff.Weights;
import io.github.gae4j.core.autodiff.functions.ElementMul;
import io.github.gae4j.core.autodiff.functions.Sum;
import io.github.gae4j.core.graph.EdgeList;
import io.github.gae4j.core.graph.Features;
import io.github.gae4j.core.graph.Graph;
import io.github.gae4j.core.spi.GraphInput.MaskToken;
import io.github.gae4j.core.tensor.Matrix;
import io.github.gae4j.core.tensor.SparseMatrix;
import io.github.gae4j.testkit.GradientCheck;
import io.github.gae4j.testkit.TestGraphs;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The mask token reaches the encoders' first product as (X + 1_S·tᵀ)·W, for every kind of features. */
final class GraphInputTest implements GradientCheck {

    private static final int[] ROWS = {1, 4, 5};

    /** Dense, sparse (with empty token rows, as a mask leaves them) and identity features on 8 nodes. */
    private static List<Features> kinds() {
        Matrix dense = randomMatrix(8, 5, 1);
        Matrix sparse = Matrix.zeros(8, 5);
        for (int i = 0; i < 8; i++) {
            if (i != 1 && i != 4) {
                sparse.set(i, i % 5, 1.0);
                sparse.set(i, (i + 2) % 5, 0.5);
            }
        }
        return List.of(Features.dense(dense), Features.sparse(sparse(sparse)), Features.identity(8));
    }

    private static SparseMatrix sparse(Matrix m) {
        int n = 0;
        for (double v : m.data()) {
            n += v != 0 ? 1 : 0;
        }
        int[] r = new int[n];
        int[] c = new int[n];
        double[] v = new double[n];
        int k = 0;
        for (int i = 0; i < m.rows(); i++) {
            for (int j = 0; j < m.cols(); j++) {
                if (m.get(i, j) != 0) {
                    r[k] = i;
                    c[k] = j;
                    v[k++] = m.get(i, j);
                }
            }
        }
        return SparseMatrix.ofCoo(m.rows(), m.cols(), r, c, v);
    }

    private static GraphInput input(Features x, Variable token) {
        Graph graph = TestGraphs.randomGraph(8, 10, 3);
        GraphInput plain = GraphInput.of(graph).withFeatures(x);
        return token == null ? plain : plain.withMaskToken(new MaskToken(ROWS, token));
    }

    /** X + 1_S·tᵀ, built densely. */
    private static Matrix withToken(Features x, Matrix t) {
        Matrix out = x.toDense().copy();
        for (int i : ROWS) {
            for (int k = 0; k < out.cols(); k++) {
                out.add(i, k, t.get(0, k));
            }
        }
        return out;
    }

    @Test
    void featuresTimesIsTheProductWithTheTokenFilledFeatures() {
        for (Features x : kinds()) {
            Weights t = new Weights("t", randomMatrix(1, x.dim(), 2));
            Weights w = new Weights("w", randomMatrix(x.dim(), 3, 3));
            Matrix actual = new ComputationContext().forward(input(x, t).featuresTimes(w));
            Matrix expected = withToken(x, t.data()).multiply(w.data());
            for (int k = 0; k < expected.data().length; k++) {
                assertThat(actual.data()[k])
                        .as("%s entry %d", x.getClass().getSimpleName(), k)
                        .isCloseTo(expected.data()[k], within(1e-12));
            }
            Matrix dense = new ComputationContext().forward(input(x, t).denseFeatures());
            assertThat(dense.toRowMajor())
                    .as("X' of %s", x.getClass().getSimpleName())
                    .containsExactly(withToken(x, t.data()).toRowMajor(), within(1e-15));
        }
    }

    @Test
    void withoutATokenFeaturesTimesIsTheFeaturesProduct() {
        GraphInput in = input(Features.identity(8), null);
        Weights w = new Weights("w", randomMatrix(8, 3, 3));
        assertThat(in.maskToken()).isNull();
        assertThat(in.featuresTimes(w)).isSameAs(w); // X = I: X·W is W, as before
        assertThat(new GraphInput(in.graph(), in.normalizedAdjacency(), in.features()).maskToken())
                .isNull();
        assertThat(in.denseFeatures()).isInstanceOf(Constant.class);
    }

    @Test
    void gradientsOfTokenAndWeightsThroughTheFirstProduct() {
        for (Features x : kinds()) {
            Weights t = new Weights("t", randomMatrix(1, x.dim(), 4));
            Weights w = new Weights("w", randomMatrix(x.dim(), 3, 5));
            GraphInput in = input(x, t);
            assertGradientsMatch(List.of(t, w), weightedSum(in.featuresTimes(w), 6));
            assertGradientsMatch(List.of(t), weightedSum(in.denseFeatures(), 7));
        }
    }

    private static Variable weightedSum(Variable v, long seed) {
        return Sum.of(ElementMul.of(v, Constant.of(randomMatrix(v.rows(), v.cols(), seed))));
    }

    @Test
    void copiesKeepTheToken() {
        Weights t = new Weights("t", randomMatrix(1, 5, 2));
        GraphInput in = input(Features.dense(randomMatrix(8, 5, 1)), t);
        MaskToken token = in.maskToken();
        assertThat(in.withFeatures(Features.dense(Matrix.zeros(8, 5))).maskToken())
                .isEqualTo(token);
        Graph fewer = in.graph().withEdges(new EdgeList(new int[] {0}, new int[] {1}));
        GraphInput rewired = in.withGraph(fewer);
        assertThat(rewired.maskToken()).isEqualTo(token);
        assertThat(rewired.normalizedAdjacency().nnz()).isEqualTo(8 + 2);
        assertThat(in.withMaskToken(null).maskToken()).isNull();
        assertThat(in.withMaskToken(new MaskToken(new int[0], t)).maskToken())
                .as("no rows: no token")
                .isNull();
    }

    @Test
    void withoutRowsDropsTheFlaggedRows() {
        Weights t = new Weights("t", Matrix.zeros(1, 2));
        MaskToken token = new MaskToken(new int[] {0, 2, 3}, t);
        assertThat(token.withoutRows(new boolean[] {true, false, false, true}).rows())
                .containsExactly(2);
        assertThat(token.withoutRows(new boolean[] {true, false, true, true})).isNull();
    }

    @Test
    void misfitTokensAreRejected() {
        Features x = Features.dense(randomMatrix(8, 5, 1));
        assertThatThrownBy(() -> input(x, new Weights("t", Matrix.zeros(1, 4))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("5 features")
                .hasMessageContaining("(1, 4)");
        GraphInput in = input(x, null);
        assertThatThrownBy(() ->
                        in.withMaskToken(new MaskToken(new int[] {2, 8}, new Weights("t", Matrix.zeros(1, 5)))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("on 8 nodes")
                .hasMessageContaining("row 8");
        assertThatThrownBy(() -> new MaskToken(new int[] {2, 2}, new Weights("t", Matrix.zeros(1, 5))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("sorted, distinct");
        assertThatThrownBy(() -> new MaskToken(new int[] {2}, new Weights("t", Matrix.zeros(2, 5))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("one row");
    }
}
