// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.cli.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

final class TsneTest {

    private static final int PER_BLOB = 60;
    private static final int BLOBS = 3;
    private static final int DIM = 10;

    @Test
    void keepsWellSeparatedBlobsApart() {
        int n = PER_BLOB * BLOBS;
        int[] labels = new int[n];
        double[] x = blobs(labels);

        double[] y = new Tsne(30, 750, 42).embed(x, n, DIM);

        assertThat(y).hasSize(2 * n);
        assertThat(Arrays.stream(y).allMatch(Double::isFinite)).isTrue();
        assertThat(knnPurity(y, labels, 10)).isGreaterThan(0.95);
    }

    @Test
    void sameSeedGivesIdenticalOutputAndAnotherSeedDoesNot() {
        int n = PER_BLOB * BLOBS;
        double[] x = blobs(new int[n]);

        double[] a = new Tsne(20, 300, 7).embed(x, n, DIM);
        double[] b = new Tsne(20, 300, 7).embed(x, n, DIM);
        double[] c = new Tsne(20, 300, 8).embed(x, n, DIM);

        assertThat(b).isEqualTo(a);
        assertThat(c).isNotEqualTo(a);
    }

    @Test
    void affinitiesAreSymmetricJointProbabilitiesWithTheRequestedPerplexity() {
        int n = PER_BLOB * BLOBS;
        double[] x = blobs(new int[n]);

        double[] p = Tsne.affinities(x, n, DIM, 15);

        double sum = 0;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                assertThat(p[i * n + j]).isGreaterThanOrEqualTo(0);
                sum += 2 * p[i * n + j];
            }
        }
        assertThat(sum).isCloseTo(1, within(1e-9));
    }

    @Test
    void tinyAndDegenerateInputsStayFinite() {
        double[] three = {0, 0, 1, 1, 2, 0};
        double[] identical = new double[5 * 2];

        assertThat(Arrays.stream(new Tsne(30, 300, 1).embed(three, 3, 2)).allMatch(Double::isFinite))
                .isTrue();
        assertThat(Arrays.stream(new Tsne(30, 300, 1).embed(identical, 5, 2)).allMatch(Double::isFinite))
                .isTrue();
        assertThat(Tsne.effectivePerplexity(30, 3)).isEqualTo(1);
        assertThat(Tsne.effectivePerplexity(30, 2000)).isEqualTo(30);
    }

    /** Three blobs with unit spread whose centres are about 28 apart. */
    private static double[] blobs(int[] labels) {
        SplittableRandom random = new SplittableRandom(2024);
        double[] x = new double[labels.length * DIM];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = i / PER_BLOB;
            for (int c = 0; c < DIM; c++) {
                double centre = c == labels[i] ? 20 : 0;
                x[i * DIM + c] = centre + random.nextGaussian();
            }
        }
        return x;
    }

    /** Share of each point's k nearest neighbours (in 2-D) that carry its label. */
    private static double knnPurity(double[] y, int[] labels, int k) {
        int n = labels.length;
        int same = 0;
        for (int i = 0; i < n; i++) {
            double[] distance = new double[n];
            Integer[] order = new Integer[n];
            for (int j = 0; j < n; j++) {
                double dx = y[2 * i] - y[2 * j];
                double dy = y[2 * i + 1] - y[2 * j + 1];
                distance[j] = j == i ? Double.POSITIVE_INFINITY : dx * dx + dy * dy;
                order[j] = j;
            }
            Arrays.sort(order, (a, b) -> Double.compare(distance[a], distance[b]));
            for (int m = 0; m < k; m++) {
                if (labels[order[m]] == labels[i]) {
                    same++;
                }
            }
        }
        return (double) same / (n * k);
    }
}
