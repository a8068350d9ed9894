// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.cli.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.gae4j.runtime.metrics.LinkScores;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

final class CurvesTest {

    // Thresholds 0.9, 0.8, 0.7 (two edges and one non-edge tied), 0.3, 0.2:
    // cumulative tp = 1, 1, 3, 4, 4 and fp = 0, 1, 2, 2, 3 with 4 positives and 3 negatives.
    private static final double[] POS = {0.9, 0.7, 0.7, 0.3};
    private static final double[] NEG = {0.8, 0.7, 0.2};

    @Test
    void rocGroupsTiedScoresIntoOneDiagonalStep() {
        Curves.Roc roc = Curves.roc(POS, NEG);

        assertThat(roc.fpr()).containsExactly(new double[] {0, 0, 1 / 3.0, 2 / 3.0, 2 / 3.0, 1}, within(1e-15));
        assertThat(roc.tpr()).containsExactly(new double[] {0, 0.25, 0.25, 0.75, 1, 1}, within(1e-15));
        // By hand: 0.9 beats all three non-edges, each 0.7 beats 0.2 and half-ties 0.7, 0.3 beats 0.2.
        assertThat(Curves.area(roc)).isCloseTo(7 / 12.0, within(1e-15));
        assertThat(Curves.area(roc)).isCloseTo(LinkScores.of(POS, NEG).auc(), within(1e-15));
    }

    @Test
    void rocDropsCollinearPointsLikeScikitLearn() {
        // sklearn.metrics.roc_curve([1, 1, 1, 0], [.9, .8, .7, .1]) gives fpr [0, 0, 0, 1], tpr [0, 1/3, 1, 1].
        Curves.Roc roc = Curves.roc(new double[] {0.9, 0.8, 0.7}, new double[] {0.1});

        assertThat(roc.fpr()).containsExactly(0, 0, 0, 1);
        assertThat(roc.tpr()).containsExactly(new double[] {0, 1 / 3.0, 1, 1}, within(1e-15));
    }

    @Test
    void precisionRecallHasOnePointPerDistinctThreshold() {
        Curves.PrecisionRecall pr = Curves.precisionRecall(POS, NEG);

        assertThat(pr.recall()).containsExactly(0.25, 0.25, 0.75, 1, 1);
        assertThat(pr.precision()).containsExactly(new double[] {1, 0.5, 0.6, 2 / 3.0, 4 / 7.0}, within(1e-15));
        // 0.25 · 1 + 0.5 · 0.6 + 0.25 · 2/3
        assertThat(Curves.area(pr)).isCloseTo(0.25 + 0.3 + 1 / 6.0, within(1e-15));
        assertThat(Curves.area(pr)).isCloseTo(LinkScores.of(POS, NEG).ap(), within(1e-15));
    }

    @Test
    void allScoresTiedGiveOneStep() {
        double[] pos = {0.5, 0.5};
        double[] neg = {0.5};

        Curves.Roc roc = Curves.roc(pos, neg);
        Curves.PrecisionRecall pr = Curves.precisionRecall(pos, neg);

        assertThat(roc.fpr()).containsExactly(0, 1);
        assertThat(roc.tpr()).containsExactly(0, 1);
        assertThat(pr.recall()).containsExactly(1);
        assertThat(pr.precision()).containsExactly(new double[] {2 / 3.0}, within(1e-15));
    }

    @Test
    void signedZerosAreOneThreshold() {
        Curves.Roc roc = Curves.roc(new double[] {0.0, 1.0}, new double[] {-0.0});

        assertThat(Curves.area(roc))
                .isCloseTo(
                        LinkScores.of(new double[] {0.0, 1.0}, new double[] {-0.0})
                                .auc(),
                        within(1e-15));
    }

    @Test
    void areasAgreeWithLinkScoresOnScoresWithManyTies() {
        SplittableRandom random = new SplittableRandom(7);
        double[] pos = new double[500];
        double[] neg = new double[700];
        for (int i = 0; i < pos.length; i++) {
            pos[i] = Math.round((0.6 + 0.2 * random.nextGaussian()) * 50) / 50.0;
        }
        for (int i = 0; i < neg.length; i++) {
            neg[i] = Math.round((0.4 + 0.2 * random.nextGaussian()) * 50) / 50.0;
        }
        LinkScores expected = LinkScores.of(pos, neg);

        assertThat(Curves.area(Curves.roc(pos, neg))).isCloseTo(expected.auc(), within(1e-12));
        assertThat(Curves.area(Curves.precisionRecall(pos, neg))).isCloseTo(expected.ap(), within(1e-12));
    }

    @Test
    void rejectsMissingClassesAndNaN() {
        assertThatThrownBy(() -> Curves.roc(new double[] {0.5}, new double[0]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1 positives and 0 negatives");
        assertThatThrownBy(() -> Curves.precisionRecall(new double[] {0.5}, new double[] {Double.NaN}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("NaN");
    }
}
