// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.runtime.minibatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.gae4j.core.error.ConfigException;
import org.junit.jupiter.api.Test;

final class MiniBatchSettingsTest {

    private static final FanOut FAN_OUT = FanOut.of(25, 10);

    @Test
    void defaultsAreUniformNegativesAtRatioOneAndEveryBatch() {
        MiniBatchSettings s = MiniBatchSettings.of(512, FAN_OUT);
        assertThat(s.negativeRatio()).isEqualTo(1.0);
        assertThat(s.negatives()).isEqualTo(NegativeSampling.UNIFORM);
        assertThat(s.batchesPerEpoch()).isZero();
        assertThat(s.withNegativeRatio(3).withNegatives(NegativeSampling.DEGREE).withBatchesPerEpoch(4))
                .isEqualTo(new MiniBatchSettings(512, FAN_OUT, 3, NegativeSampling.DEGREE, 4));
    }

    @Test
    void batchesPerEpochRoundsUpAndIsCapped() {
        assertThat(MiniBatchSettings.of(100, FAN_OUT).batchesPerEpoch(1000)).isEqualTo(10);
        assertThat(MiniBatchSettings.of(100, FAN_OUT).batchesPerEpoch(1001)).isEqualTo(11);
        assertThat(MiniBatchSettings.of(5000, FAN_OUT).batchesPerEpoch(1001)).isEqualTo(1);
        assertThat(MiniBatchSettings.of(100, FAN_OUT).withBatchesPerEpoch(3).batchesPerEpoch(1001))
                .isEqualTo(3);
        assertThat(MiniBatchSettings.of(Integer.MAX_VALUE, FAN_OUT).batchesPerEpoch(Integer.MAX_VALUE))
                .isEqualTo(1);
    }

    @Test
    void aBatchSizeBelowOneIsRefused() {
        for (int size : new int[] {0, -3}) {
            assertThatThrownBy(() -> MiniBatchSettings.of(size, FAN_OUT))
                    .isInstanceOf(ConfigException.class)
                    .hasMessageContaining("batch size must be at least 1")
                    .hasMessageContaining("got " + size);
        }
    }

    @Test
    void aNegativeRatioThatIsNotPositiveAndFiniteIsRefused() {
        MiniBatchSettings s = MiniBatchSettings.of(8, FAN_OUT);
        for (double ratio : new double[] {0, -1, Double.NaN, Double.POSITIVE_INFINITY}) {
            assertThatThrownBy(() -> s.withNegativeRatio(ratio))
                    .isInstanceOf(ConfigException.class)
                    .hasMessageContaining("negative ratio must be positive and finite");
        }
    }

    @Test
    void negativeBatchesPerEpochAreRefused() {
        assertThatThrownBy(() -> MiniBatchSettings.of(8, FAN_OUT).withBatchesPerEpoch(-1))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("0 = all");
    }

    @Test
    void negativeSamplingParsesItsLabels() {
        assertThat(NegativeSampling.parse(" Degree ")).isEqualTo(NegativeSampling.DEGREE);
        assertThat(NegativeSampling.parse("uniform")).isEqualTo(NegativeSampling.UNIFORM);
        assertThatThrownBy(() -> NegativeSampling.parse("hard"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("'hard'")
                .hasMessageContaining("uniform, degree");
    }
}
