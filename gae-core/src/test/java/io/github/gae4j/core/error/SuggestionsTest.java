// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.core.error;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SuggestionsTest {

    private static final List<String> NAMES = List.of("cora", "citeseer", "pubmed", "cora-ml", "amazon-computers");

    @Test
    void suggestsTheClosestNameWithinAFewEdits() {
        assertThat(Suggestions.closest("cra", NAMES)).contains("cora");
        assertThat(Suggestions.closest("Citesser", NAMES)).contains("citeseer");
        assertThat(Suggestions.closest("amazon-computer", NAMES)).contains("amazon-computers");
        assertThat(Suggestions.closest("pubmd", NAMES)).contains("pubmed");
    }

    @Test
    void suggestsNothingForAFarName() {
        assertThat(Suggestions.closest("facebook", NAMES)).isEmpty();
        assertThat(Suggestions.closest("x", List.of())).isEmpty();
    }

    @Test
    void distanceCountsEdits() {
        assertThat(Suggestions.distance("kitten", "sitting")).isEqualTo(3);
        assertThat(Suggestions.distance("", "abc")).isEqualTo(3);
        assertThat(Suggestions.distance("same", "same")).isZero();
    }
}
