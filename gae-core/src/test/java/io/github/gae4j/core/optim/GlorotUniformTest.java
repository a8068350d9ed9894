// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.core.optim;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.gae4j.core.tensor.Matrix;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

final class GlorotUniformTest {

    @Test
    void entriesFillTheGlorotRange() {
        Matrix m = GlorotUniform.sample(100, 50, new SplittableRandom(1));
        double r = Math.sqrt(6.0 / 150);
        assertThat(m.rows()).isEqualTo(100);
        assertThat(m.cols()).isEqualTo(50);
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double v : m.data()) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        assertThat(max).isLessThanOrEqualTo(r).isGreaterThan(0.98 * r);
        assertThat(min).isGreaterThanOrEqualTo(-r).isLessThan(-0.98 * r);
        // Uniform on (−r, r): mean ≈ 0, variance r²/3.
        double mean = m.sum() / m.size();
        double var = m.hadamard(m).sum() / m.size() - mean * mean;
        assertThat(mean).isBetween(-0.02 * r, 0.02 * r);
        assertThat(var).isBetween(0.95 * r * r / 3, 1.05 * r * r / 3);
    }

    @Test
    void deterministicForASeed() {
        Matrix a = GlorotUniform.sample(7, 3, new SplittableRandom(42));
        Matrix b = GlorotUniform.sample(7, 3, new SplittableRandom(42));
        Matrix c = GlorotUniform.sample(7, 3, new SplittableRandom(43));
        assertThat(a).isEqualTo(b);
        assertThat(a).isNotEqualTo(c);
    }

    @Test
    void drawsInRowMajorOrder() {
        SplittableRandom rng = new SplittableRandom(5);
        Matrix m = GlorotUniform.sample(2, 3, new SplittableRandom(5));
        double r = Math.sqrt(6.0 / 5);
        double first = (2 * rng.nextDouble() - 1) * r;
        double second = (2 * rng.nextDouble() - 1) * r;
        assertThat(m.get(0, 0)).isEqualTo(first);
        assertThat(m.get(0, 1)).isEqualTo(second);
    }
}
