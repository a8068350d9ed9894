// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.core.autodiff.functions;

import static io.github.gae4j.testkit.TestGraphs.randomMatrix;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.gae4j.core.autodiff.ComputationContext;
import io.github.gae4j.core.autodiff.Weights;
import io.github.gae4j.core.graph.Features;
import io.github.gae4j.core.parallel.Parallelism;
import io.github.gae4j.core.tensor.Matrix;
import io.github.gae4j.testkit.GradientCheck;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

final class DenseFloatMatMulTest implements GradientCheck {

    /** n × d floats; more than one 512-row chunk when n is. */
    private static Features.DenseFloat floats(int n, int d, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] data = new float[n * d];
        for (int p = 0; p < data.length; p++) {
            data[p] = (float) (random.nextDouble() * 2 - 1);
        }
        return (Features.DenseFloat) Features.denseFloat(n, d, data);
    }

    @Test
    void productIsTheDoubleProductOfTheStoredFloats() {
        Features.DenseFloat x = floats(1100, 7, 1);
        Matrix w = randomMatrix(7, 3, 2);
        Matrix expected = x.toDense().multiply(w);
        Matrix out = new ComputationContext().forward(FeaturesTimes.of(x, new Weights("w", w)));
        assertThat(out.toRowMajor()).containsExactly(expected.toRowMajor(), within(1e-12));
    }

    @Test
    void gradientOfTheWeights() {
        Weights w = new Weights("w", randomMatrix(5, 2, 3));
        assertGradientsMatch(List.of(w), MatMulTest.weightedSum(FeaturesTimes.of(floats(9, 5, 4), w), 5));
    }

    @Test
    void transposeProductDoesNotDependOnTheThreads() {
        Features.DenseFloat x = floats(1500, 4, 6);
        Matrix g = randomMatrix(1500, 3, 7);
        Matrix expected = x.toDense().transposeMultiply(g);
        try (Parallelism two = Parallelism.of(2)) {
            Matrix one = DenseFloatMatMul.transposeMultiply(
                    x, g, Parallelism.singleThreaded(), io.github.gae4j.core.kernel.RowKernels.scalar());
            Matrix both =
                    DenseFloatMatMul.transposeMultiply(x, g, two, io.github.gae4j.core.kernel.RowKernels.scalar());
            assertThat(both.toRowMajor()).containsExactly(one.toRowMajor());
            assertThat(one.toRowMajor()).containsExactly(expected.toRowMajor(), within(1e-9));
        }
    }

    @Test
    void selectGivesTheRowsAsFloats() {
        Features.DenseFloat x = floats(6, 3, 8);
        Features picked = x.select(new int[] {4, 1});
        assertThat(picked).isInstanceOf(Features.DenseFloat.class);
        for (int j = 0; j < 3; j++) {
            assertThat(picked.toDense().get(0, j)).isEqualTo((double) x.get(4, j));
            assertThat(picked.toDense().get(1, j)).isEqualTo((double) x.get(1, j));
        }
    }
}
