// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.runtime.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

final class AveragePrecisionTest {

    private static boolean[] labels(int... y) {
        boolean[] out = new boolean[y.length];
        for (int k = 0; k < y.length; k++) {
            out[k] = y[k] == 1;
        }
        return out;
    }

    /** scikit-learn's definition, directly: Σ over distinct thresholds t (descending) of ΔR(t) · P(t). */
    private static double byThresholds(double[] s, boolean[] y) {
        double[] thresholds = Arrays.stream(s).distinct().sorted().toArray();
        long pos = 0;
        for (boolean b : y) {
            pos += b ? 1 : 0;
        }
        double ap = 0;
        double prevRecall = 0;
        for (int t = thresholds.length - 1; t >= 0; t--) {
            int tp = 0;
            int predicted = 0;
            for (int k = 0; k < s.length; k++) {
                if (s[k] >= thresholds[t]) {
                    predicted++;
                    tp += y[k] ? 1 : 0;
                }
            }
            double recall = (double) tp / pos;
            ap += (recall - prevRecall) * tp / predicted;
            prevRecall = recall;
        }
        return ap;
    }

    @Test
    void scikitLearnExample() {
        // sklearn.metrics.average_precision_score([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8]) == 0.8333333333
        assertThat(AveragePrecision.of(new double[] {0.1, 0.4, 0.35, 0.8}, labels(0, 0, 1, 1)))
                .isCloseTo(0.8333333333333333, within(1e-12));
    }

    @Test
    void allTiedIsThePositiveRate() {
        assertThat(AveragePrecision.of(new double[] {0.5, 0.5, 0.5, 0.5}, labels(1, 0, 1, 0)))
                .isCloseTo(0.5, within(1e-15));
    }

    @Test
    void tiedScoresEnterTogether() {
        // Thresholds 0.9: R 1/3, P 1; 0.6: R 1, P 3/4; 0.2: no recall gained. AP = 1/3 + 2/3 · 3/4.
        assertThat(AveragePrecision.of(new double[] {0.2, 0.6, 0.6, 0.6, 0.9}, labels(0, 1, 1, 0, 1)))
                .isCloseTo(5.0 / 6, within(1e-15));
        // Thresholds 0.9: R 2/3, P 2/3; 0.5: R 1, P 3/5. AP = 4/9 + 1/5.
        assertThat(AveragePrecision.of(new double[] {0.9, 0.9, 0.9, 0.1, 0.5, 0.5}, labels(1, 1, 0, 0, 1, 0)))
                .isCloseTo(4.0 / 9 + 1.0 / 5, within(1e-15));
    }

    @Test
    void perfectRankingIsOne() {
        assertThat(AveragePrecision.of(new double[] {0.1, 0.2, 0.8, 0.9}, labels(0, 0, 1, 1)))
                .isEqualTo(1.0);
        // Worst ranking: positives last. R 1/2 at P 1/3, R 1 at P 2/4.
        assertThat(AveragePrecision.of(new double[] {0.9, 0.8, 0.2, 0.1}, labels(0, 0, 1, 1)))
                .isCloseTo(0.5 / 3 + 0.5 * 0.5, within(1e-15));
    }

    @Test
    void matchesThresholdDefinitionOnRandomTiedScores() {
        SplittableRandom rng = new SplittableRandom(2);
        int n = 300;
        double[] s = new double[n];
        boolean[] y = new boolean[n];
        for (int k = 0; k < n; k++) {
            y[k] = rng.nextDouble() < 0.4;
            s[k] = Math.round((rng.nextDouble() + (y[k] ? 0.25 : 0)) * 20) / 20.0;
        }
        assertThat(AveragePrecision.of(s, y)).isCloseTo(byThresholds(s, y), within(1e-12));
    }

    @Test
    void noPositivesThrows() {
        assertThatThrownBy(() -> AveragePrecision.of(new double[] {0.1, 0.2}, labels(0, 0)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("without positives");
    }

    @Test
    void nanScoreThrows() {
        assertThatThrownBy(() -> AveragePrecision.of(new double[] {Double.NaN, 0.2}, labels(0, 1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Score 0 is NaN");
    }
}
