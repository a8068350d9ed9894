// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.runtime.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Optional;
import org.junit.jupiter.api.Test;

final class LearningRateScheduleTest {

    @Test
    void constantIsOneEveryEpoch() {
        for (int e = 1; e <= 7; e++) {
            assertThat(LearningRateSchedule.CONSTANT.factor(e, 7)).isEqualTo(1.0);
        }
    }

    @Test
    void cosineStartsAtTheFullRateHalvesMidwayAndEndsJustAboveZero() {
        LearningRateSchedule cosine = LearningRateSchedule.COSINE;
        assertThat(cosine.factor(1, 200)).isEqualTo(1.0);
        assertThat(cosine.factor(101, 200)).isEqualTo(0.5);
        assertThat(cosine.factor(6, 10)).isEqualTo(0.5);
        // sin²(π / 2T): the last epoch is PyTorch's epoch T − 1, one step short of zero.
        assertThat(cosine.factor(200, 200)).isPositive().isCloseTo(Math.pow(Math.sin(Math.PI / 400), 2), within(1e-15));
        assertThat(cosine.factor(1, 1)).as("a one-epoch run").isEqualTo(1.0);
    }

    @Test
    void cosineIsGraphMaesLambdaOfTheEpochBeforeAndDecreases() {
        int total = 37;
        double previous = Double.POSITIVE_INFINITY;
        for (int e = 1; e <= total; e++) {
            int t = e - 1; // LambdaLR's epoch counter, stepped after each epoch
            double graphMae = (1 + Math.cos(t * Math.PI / total)) * 0.5;
            double f = LearningRateSchedule.COSINE.factor(e, total);
            assertThat(f)
                    .as("epoch %d", e)
                    .isEqualTo(graphMae)
                    .isLessThan(previous)
                    .isPositive();
            previous = f;
        }
    }

    @Test
    void rejectsAnEpochOutsideTheRun() {
        for (int[] bad : new int[][] {{0, 5}, {6, 5}, {1, 0}}) {
            assertThatThrownBy(() -> LearningRateSchedule.COSINE.factor(bad[0], bad[1]))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("got " + bad[0] + " of " + bad[1]);
        }
    }

    @Test
    void keysNameTheSchedulesInFilesAndOnTheCommandLine() {
        assertThat(LearningRateSchedule.fromKey("constant")).contains(LearningRateSchedule.CONSTANT);
        assertThat(LearningRateSchedule.fromKey("cosine")).contains(LearningRateSchedule.COSINE);
        assertThat(LearningRateSchedule.fromKey("COSINE")).isEqualTo(Optional.empty());
        assertThat(LearningRateSchedule.keys()).isEqualTo("constant, cosine");
    }
}
