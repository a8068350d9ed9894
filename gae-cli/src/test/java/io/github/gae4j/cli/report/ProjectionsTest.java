// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.cli.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.gae4j.core.tensor.Matrix;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

final class ProjectionsTest {

    @Test
    void firstComponentFollowsTheDominantDirection() {
        int n = 400;
        int d = 6;
        // Unit direction whose largest loading (−0.8) is negative: the sign rule must flip it.
        double[] u = {0.2, 0.4, 0, -0.8, 0.2, 0.2 * Math.sqrt(3) - 0.2};
        normalise(u);
        SplittableRandom random = new SplittableRandom(3);
        double[] t = new double[n];
        double[] x = new double[n * d];
        for (int r = 0; r < n; r++) {
            t[r] = 5 * random.nextGaussian();
            for (int c = 0; c < d; c++) {
                x[r * d + c] = 3 + t[r] * u[c] + 0.1 * random.nextGaussian();
            }
        }

        Projections.Pca pca = Projections.pca(Matrix.wrapRowMajor(n, d, x));

        double[] pc1 = new double[n];
        for (int r = 0; r < n; r++) {
            pc1[r] = pca.coordinates()[2 * r];
        }
        // Largest loading made positive: PC1 ≈ −t, since u's largest loading is negative.
        assertThat(correlation(pc1, t)).isLessThan(-0.999);
        assertThat(pca.varianceShare()[0]).isGreaterThan(0.99);
        assertThat(pca.varianceShare()[1]).isLessThan(0.01);
    }

    @Test
    void componentsOfTwoIndependentAxesAreTheAxesThemselves() {
        // Column 1 varies 3× as much as column 0; column 2 is constant.
        double[][] rows = {{1, 3, 7}, {-1, -3, 7}, {1, -3, 7}, {-1, 3, 7}};

        Projections.Pca pca = Projections.pca(Matrix.of(rows));

        assertThat(pca.coordinates()).containsExactly(new double[] {3, 1, -3, -1, -3, 1, 3, -1}, within(1e-12));
        assertThat(pca.varianceShare()).containsExactly(new double[] {0.9, 0.1}, within(1e-12));
    }

    @Test
    void signsDoNotDependOnTheInputsSign() {
        SplittableRandom random = new SplittableRandom(11);
        double[] x = new double[50 * 4];
        for (int i = 0; i < x.length; i++) {
            x[i] = random.nextGaussian() * (1 + i % 4);
        }
        double[] negated = Arrays.stream(x).map(v -> -v).toArray();

        double[] a = Projections.pca(Matrix.wrapRowMajor(50, 4, x)).coordinates();
        double[] b = Projections.pca(Matrix.wrapRowMajor(50, 4, negated)).coordinates();

        for (int i = 0; i < a.length; i++) {
            assertThat(b[i]).isCloseTo(-a[i], within(1e-9));
        }
    }

    @Test
    void constantEmbeddingsProjectToTheOrigin() {
        Projections.Pca pca = Projections.pca(Matrix.of(new double[][] {{2, 2}, {2, 2}, {2, 2}}));

        assertThat(pca.coordinates()).containsOnly(0.0);
        assertThat(pca.varianceShare()).containsExactly(0, 0);
    }

    @Test
    void jacobiDiagonalisesASymmetricMatrix() {
        int d = 7;
        SplittableRandom random = new SplittableRandom(5);
        double[] a = new double[d * d];
        for (int i = 0; i < d; i++) {
            for (int j = i; j < d; j++) {
                a[i * d + j] = random.nextGaussian();
                a[j * d + i] = a[i * d + j];
            }
        }

        SymmetricEigen eigen = SymmetricEigen.of(a, d);

        double[] v = eigen.vectors();
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                double reconstructed = 0;
                double gram = 0;
                for (int k = 0; k < d; k++) {
                    reconstructed += v[i * d + k] * eigen.values()[k] * v[j * d + k];
                    gram += v[k * d + i] * v[k * d + j];
                }
                assertThat(reconstructed).isCloseTo(a[i * d + j], within(1e-12));
                assertThat(gram).isCloseTo(i == j ? 1 : 0, within(1e-12));
            }
        }
        for (int k = 1; k < d; k++) {
            assertThat(eigen.values()[k]).isLessThanOrEqualTo(eigen.values()[k - 1]);
        }
        assertThat(SymmetricEigen.of(new double[] {2, 1, 1, 2}, 2).values())
                .containsExactly(new double[] {3, 1}, within(1e-15));
    }

    @Test
    void sampleIsUniformWithoutReplacementSortedAndSeeded() {
        int[] sample = Projections.sample(1000, 100, 42);

        assertThat(sample).hasSize(100).isSorted().doesNotHaveDuplicates();
        assertThat(sample[0]).isGreaterThanOrEqualTo(0);
        assertThat(sample[99]).isLessThan(1000);
        assertThat(Projections.sample(1000, 100, 42)).isEqualTo(sample);
        assertThat(Projections.sample(1000, 100, 43)).isNotEqualTo(sample);
        assertThat(Projections.sample(50, 100, 42))
                .hasSize(50)
                .containsExactly(java.util.stream.IntStream.range(0, 50).toArray());
    }

    @Test
    void rejectsNonFiniteEmbeddingsNamingTheRow() {
        double[] x = new double[10 * 3];
        x[7 * 3 + 2] = Double.POSITIVE_INFINITY;

        assertThatThrownBy(() -> Projections.requireFinite(Matrix.wrapRowMajor(10, 3, x)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("row 7")
                .hasMessageContaining("column 2");
    }

    private static void normalise(double[] u) {
        double norm = Math.sqrt(Arrays.stream(u).map(v -> v * v).sum());
        for (int i = 0; i < u.length; i++) {
            u[i] /= norm;
        }
    }

    private static double correlation(double[] a, double[] b) {
        double ma = Arrays.stream(a).average().orElseThrow();
        double mb = Arrays.stream(b).average().orElseThrow();
        double ab = 0;
        double aa = 0;
        double bb = 0;
        for (int i = 0; i < a.length; i++) {
            ab += (a[i] - ma) * (b[i] - mb);
            aa += (a[i] - ma) * (a[i] - ma);
            bb += (b[i] - mb) * (b[i] - mb);
        }
        return ab / Math.sqrt(aa * bb);
    }
}
