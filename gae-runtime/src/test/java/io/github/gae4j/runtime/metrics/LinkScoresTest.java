// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.runtime.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

final class LinkScoresTest {

    @Test
    void positivesAgainstNegatives() {
        LinkScores s = LinkScores.of(new double[] {0.35, 0.8}, new double[] {0.1, 0.4});
        assertThat(s.auc()).isCloseTo(0.75, within(1e-15));
        assertThat(s.ap()).isCloseTo(0.8333333333333333, within(1e-12));
    }

    @Test
    void needsBothSides() {
        assertThatThrownBy(() -> LinkScores.of(new double[] {0.3}, new double[0]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("one class");
    }
}
