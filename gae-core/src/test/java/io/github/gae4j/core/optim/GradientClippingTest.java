// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.core.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.gae4j.core.autodiff.ComputationContext;
import io.github.gae4j.core.autodiff.Constant;
import io.github.gae4j.core.autodiff.Variable;
import io.github.gae4j.core.autodiff.Weights;
import io.github.gae4j.core.autodiff.functions.Add;
import io.github.gae4j.core.autodiff.functions.ElementMul;
import io.github.gae4j.core.autodiff.functions.Sum;
import io.github.gae4j.core.tensor.Matrix;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

final class GradientClippingTest {

    private final Weights a = new Weights("a", Matrix.of(new double[][] {{1, 1}}));
    private final Weights b = new Weights("b", Matrix.scalar(1));
    private final Weights unused = new Weights("unused", Matrix.scalar(1));

    /** d loss / d a = (3, 0) and d loss / d b = 4: a global norm of exactly 5. */
    private ComputationContext normFive() {
        Variable loss = Add.of(
                Sum.of(ElementMul.of(a, Constant.of(Matrix.of(new double[][] {{3, 0}})))),
                Sum.of(ElementMul.of(b, Constant.of(Matrix.scalar(4)))));
        ComputationContext ctx = new ComputationContext();
        ctx.backward(loss);
        return ctx;
    }

    @Test
    void aboveTheLimitEveryGradientIsScaledByMaxNormOverNormPlusEpsilon() {
        ComputationContext ctx = normFive();
        double norm = GradientClipping.clipGlobalNorm(List.of(a, b, unused), ctx, 1.0);
        assertThat(norm).isEqualTo(5.0);
        double coef = 1.0 / (5.0 + 1e-6);
        assertThat(ctx.gradient(a).data()).containsExactly(3 * coef, 0.0);
        assertThat(ctx.gradient(b).scalarValue()).isEqualTo(4 * coef).isCloseTo(0.8, within(1e-6));
        assertThat(GradientClipping.globalNorm(List.of(ctx.gradient(a), ctx.gradient(b))))
                .isCloseTo(1.0, within(1e-6));
        assertThat(ctx.gradient(unused))
                .as("a weight without a gradient gets none")
                .isNull();
    }

    @Test
    void belowTheLimitNothingChanges() {
        ComputationContext ctx = normFive();
        Matrix ga = ctx.gradient(a);
        Matrix gb = ctx.gradient(b);
        assertThat(GradientClipping.clipGlobalNorm(List.of(a, b), ctx, 5.1)).isEqualTo(5.0);
        assertThat(ctx.gradient(a)).isSameAs(ga);
        assertThat(ctx.gradient(b)).isSameAs(gb);
        assertThat(ga.data()).containsExactly(3.0, 0.0);
    }

    @Test
    void atTheLimitTheEpsilonStillClipsAsPyTorchDoes() {
        ComputationContext ctx = normFive();
        GradientClipping.clipGlobalNorm(List.of(a, b), ctx, 5.0);
        assertThat(ctx.gradient(b).scalarValue())
                .isEqualTo(4 * (5.0 / (5.0 + 1e-6)))
                .isLessThan(4.0);
    }

    @Test
    void aGradientMatrixSharedByTwoWeightsIsScaledOnceAndNotInPlace() {
        // Add hands the one upstream matrix to both parents: the two weights hold the same gradient object.
        Weights x = new Weights("x", Matrix.of(new double[][] {{1, 2}}));
        Weights y = new Weights("y", Matrix.of(new double[][] {{3, 4}}));
        ComputationContext ctx = new ComputationContext();
        ctx.backward(Sum.of(ElementMul.of(Add.of(x, y), Constant.of(Matrix.of(new double[][] {{6, 8}})))));
        Matrix shared = ctx.gradient(x);
        assertThat(ctx.gradient(y)).isSameAs(shared);

        // Global norm √(2 · (36 + 64)) = √200; listing x twice must not count it twice.
        double norm = GradientClipping.clipGlobalNorm(List.of(x, y, x), ctx, 1.0);
        assertThat(norm).isEqualTo(Math.sqrt(200));
        double coef = 1.0 / (Math.sqrt(200) + 1e-6);
        assertThat(ctx.gradient(x).data()).containsExactly(6 * coef, 8 * coef);
        assertThat(ctx.gradient(y).data()).containsExactly(6 * coef, 8 * coef);
        assertThat(shared.data()).as("the original matrix is left alone").containsExactly(6.0, 8.0);
    }

    @Test
    void adamStepsWithTheClippedGradientsAndAddsWeightDecayAfterwards() {
        ComputationContext ctx = normFive();
        GradientClipping.clipGlobalNorm(List.of(a, b), ctx, 1.0);
        // The same parameter value given the clipped gradient directly: the decay 0.5 · w is not clipped.
        Weights reference = new Weights("b", Matrix.scalar(1));
        ComputationContext clipped = new ComputationContext();
        clipped.backward(Sum.of(ElementMul.of(reference, Constant.of(Matrix.scalar(4 * (1.0 / (5.0 + 1e-6)))))));
        new Adam(0.1, 0.9, 0.999, 1e-8, 0.5).step(List.of(a, b), ctx);
        new Adam(0.1, 0.9, 0.999, 1e-8, 0.5).step(List.of(reference), clipped);
        assertThat(b.data().scalarValue()).isEqualTo(reference.data().scalarValue());
    }

    @Test
    void theNormIsThePlainSumOfSquaresAndDoesNotOverflow() {
        SplittableRandom random = new SplittableRandom(3);
        Matrix g1 = Matrix.zeros(7, 5);
        Matrix g2 = Matrix.zeros(1, 9);
        double plain = 0;
        for (Matrix g : List.of(g1, g2)) {
            for (int k = 0; k < g.data().length; k++) {
                g.data()[k] = random.nextGaussian() * 1e-3;
                plain += g.data()[k] * g.data()[k];
            }
        }
        assertThat(GradientClipping.globalNorm(List.of(g1, g2))).isEqualTo(Math.sqrt(plain));
        assertThat(GradientClipping.globalNorm(List.of(Matrix.of(new double[][] {{3e200, 4e200}}))))
                .isCloseTo(5e200, within(1e186));
        assertThat(GradientClipping.globalNorm(List.of(Matrix.zeros(2, 2)))).isZero();
        assertThat(GradientClipping.globalNorm(List.of())).isZero();
    }

    @Test
    void rejectsALimitThatIsNotPositiveAndFinite() {
        for (double bad : new double[] {0, -1, Double.NaN, Double.POSITIVE_INFINITY}) {
            assertThatThrownBy(() -> GradientClipping.clipGlobalNorm(List.of(a), normFive(), bad))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("maxNorm");
        }
    }

    @Test
    void aListOfGradientsIsClippedAsTheContextIsAndItsMatricesAreLeftAlone() {
        ComputationContext ctx = normFive();
        Matrix ga = ctx.gradient(a);
        java.util.List<Matrix> list = new java.util.ArrayList<>(java.util.Arrays.asList(ga, ctx.gradient(b), null));
        double norm = GradientClipping.clipGlobalNorm(list, 1.0);
        GradientClipping.clipGlobalNorm(List.of(a, b, unused), ctx, 1.0);
        assertThat(norm).isEqualTo(5.0);
        assertThat(list.get(0).data()).containsExactly(ctx.gradient(a).data());
        assertThat(list.get(1).data()).containsExactly(ctx.gradient(b).data());
        assertThat(list.get(2)).isNull();
        assertThat(ga.data()).as("the original matrix is left alone").containsExactly(3.0, 0.0);

        java.util.List<Matrix> below = new java.util.ArrayList<>(List.of(ga));
        GradientClipping.clipGlobalNorm(below, 5.1);
        assertThat(below.get(0)).isSameAs(ga);
    }
}
