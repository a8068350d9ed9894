// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.runtime.diagnostics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.gae4j.core.tensor.Matrix;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The first component's share of the variance, constant dimensions and zero entries of known embeddings. */
final class EmbeddingSpreadTest {

    @Test
    void pointsOnALineHaveAllTheirVarianceInOneComponent() {
        SplittableRandom random = new SplittableRandom(1);
        Matrix z = Matrix.zeros(200, 8);
        for (int r = 0; r < 200; r++) {
            double t = random.nextGaussian();
            for (int c = 0; c < 8; c++) {
                z.set(r, c, t * (c + 1) + 1e-3 * random.nextGaussian());
            }
        }
        EmbeddingSpread s = EmbeddingSpread.of(z);
        assertThat(s.firstComponentShare()).isGreaterThan(0.999);
        assertThat(s.constantDims()).isZero();
        assertThat(s.zeroShare()).isZero();
    }

    @Test
    void independentEqualColumnsShareTheVarianceEvenly() {
        SplittableRandom random = new SplittableRandom(2);
        Matrix z = Matrix.zeros(5000, 4);
        for (int k = 0; k < z.data().length; k++) {
            z.data()[k] = random.nextGaussian();
        }
        assertThat(EmbeddingSpread.of(z).firstComponentShare()).isCloseTo(0.25, within(0.02));
    }

    @Test
    void theTopEigenvalueOfAKnownMatrix() {
        // [[2, 1], [1, 2]] has eigenvalues 3 and 1.
        assertThat(EmbeddingSpread.topEigenvalue(new double[] {2, 1, 1, 2}, 2)).isCloseTo(3, within(1e-9));
        assertThat(EmbeddingSpread.topEigenvalue(new double[] {0, 0, 0, 0}, 2)).isZero();
    }

    @Test
    void collapsedEmbeddingsHaveConstantDimensionsAndZeros() {
        Matrix z = Matrix.zeros(10, 4);
        for (int r = 0; r < 10; r++) {
            z.set(r, 0, r % 3);
            z.set(r, 1, 0.7);
        }
        EmbeddingSpread s = EmbeddingSpread.of(z);
        assertThat(s.constantDims()).isEqualTo(3);
        assertThat(s.dims()).isEqualTo(4);
        assertThat(s.firstComponentShare()).isCloseTo(1, within(1e-12));
        assertThat(s.zeroShare()).isCloseTo(24 / 40.0, within(1e-12));

        EmbeddingSpread zero = EmbeddingSpread.of(Matrix.zeros(10, 4));
        assertThat(zero.firstComponentShare()).isNaN();
        assertThat(zero.constantDims()).isEqualTo(4);
        assertThat(zero.zeroShare()).isEqualTo(1);
    }
}
