// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.runtime.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

final class RocAucTest {

    private static boolean[] labels(int... y) {
        boolean[] out = new boolean[y.length];
        for (int k = 0; k < y.length; k++) {
            out[k] = y[k] == 1;
        }
        return out;
    }

    @Test
    void scikitLearnExample() {
        // sklearn.metrics.roc_auc_score([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8]) == 0.75
        assertThat(RocAuc.of(new double[] {0.1, 0.4, 0.35, 0.8}, labels(0, 0, 1, 1)))
                .isCloseTo(0.75, within(1e-15));
    }

    @Test
    void allTiedIsOneHalf() {
        assertThat(RocAuc.of(new double[] {0.5, 0.5, 0.5, 0.5}, labels(1, 0, 1, 0)))
                .isCloseTo(0.5, within(1e-15));
    }

    @Test
    void tiesCountOneHalf() {
        // Positives 0.6, 0.6, 0.9 against negatives 0.2, 0.6: 2 + 1.5 + 1.5 of 6 pairs.
        assertThat(RocAuc.of(new double[] {0.2, 0.6, 0.6, 0.6, 0.9}, labels(0, 1, 1, 0, 1)))
                .isCloseTo(5.0 / 6, within(1e-15));
        // Positives 0.9, 0.9, 0.5 against negatives 0.9, 0.1, 0.5: 2.5 + 2.5 + 1.5 of 9 pairs.
        assertThat(RocAuc.of(new double[] {0.9, 0.9, 0.9, 0.1, 0.5, 0.5}, labels(1, 1, 0, 0, 1, 0)))
                .isCloseTo(6.5 / 9, within(1e-15));
    }

    @Test
    void perfectAndReversedRankings() {
        assertThat(RocAuc.of(new double[] {0.1, 0.2, 0.8, 0.9}, labels(0, 0, 1, 1)))
                .isEqualTo(1.0);
        assertThat(RocAuc.of(new double[] {0.9, 0.8, 0.2, 0.1}, labels(0, 0, 1, 1)))
                .isEqualTo(0.0);
    }

    @Test
    void matchesPairwiseCountingOnRandomTiedScores() {
        SplittableRandom rng = new SplittableRandom(1);
        int n = 300;
        double[] s = new double[n];
        boolean[] y = new boolean[n];
        for (int k = 0; k < n; k++) {
            y[k] = rng.nextDouble() < 0.3;
            // Coarse scores, so many ties; positives score higher on average.
            s[k] = Math.round((rng.nextDouble() + (y[k] ? 0.3 : 0)) * 10) / 10.0;
        }
        double wins = 0;
        long pairs = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (y[i] && !y[j]) {
                    pairs++;
                    wins += s[i] > s[j] ? 1 : s[i] == s[j] ? 0.5 : 0;
                }
            }
        }
        assertThat(RocAuc.of(s, y)).isCloseTo(wins / pairs, within(1e-12));
    }

    @Test
    void singleClassThrows() {
        assertThatThrownBy(() -> RocAuc.of(new double[] {0.1, 0.2}, labels(1, 1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("only one class")
                .hasMessageContaining("2 positives, 0 negatives");
        assertThatThrownBy(() -> RocAuc.of(new double[] {0.1, 0.2}, labels(0, 0)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("0 positives, 2 negatives");
    }

    @Test
    void nanScoreAndLengthMismatchThrow() {
        assertThatThrownBy(() -> RocAuc.of(new double[] {0.1, Double.NaN}, labels(0, 1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Score 1 is NaN");
        assertThatThrownBy(() -> RocAuc.of(new double[] {0.1, 0.2, 0.3}, labels(0, 1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("3 scores but 2 labels");
    }
}
