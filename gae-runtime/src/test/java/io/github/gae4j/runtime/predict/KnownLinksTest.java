// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.runtime.predict;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.gae4j.core.graph.EdgeList;
import java.util.List;
import org.junit.jupiter.api.Test;

final class KnownLinksTest {

    private static EdgeList edges(int... pairs) {
        int[] src = new int[pairs.length / 2];
        int[] dst = new int[pairs.length / 2];
        for (int i = 0; i < src.length; i++) {
            src[i] = pairs[2 * i];
            dst[i] = pairs[2 * i + 1];
        }
        return new EdgeList(src, dst);
    }

    @Test
    void undirectedExcludesBothDirectionsAndCountsEachLinkOnce() {
        // (0,1) three times across two lists and both directions, a self loop, and (2,3).
        KnownLinks known = KnownLinks.of(5, false, List.of(edges(0, 1, 1, 0, 2, 2), edges(0, 1, 3, 2)));
        assertThat(known.excludes(0, 1)).isTrue();
        assertThat(known.excludes(1, 0)).isTrue();
        assertThat(known.excludes(2, 3)).isTrue();
        assertThat(known.excludes(3, 2)).isTrue();
        assertThat(known.excludes(0, 2)).isFalse();
        assertThat(known.linkCount()).isEqualTo(2);
        assertThat(known.knownCount(0)).isEqualTo(1);
        assertThat(known.knownCount(2)).isEqualTo(1);
        assertThat(known.knownCount(4)).isZero();
        assertThat(known.candidatesFrom(0)).isEqualTo(3);
        assertThat(known.candidatesFrom(4)).isEqualTo(4);
        assertThat(known.candidatePairs()).isEqualTo(10 - 2);
    }

    @Test
    void directedExcludesOneDirection() {
        KnownLinks known = KnownLinks.of(4, true, List.of(edges(0, 1, 0, 1, 1, 0, 2, 3)));
        assertThat(known.excludes(0, 1)).isTrue();
        assertThat(known.excludes(1, 0)).isTrue();
        assertThat(known.excludes(2, 3)).isTrue();
        assertThat(known.excludes(3, 2)).isFalse();
        assertThat(known.linkCount()).isEqualTo(3);
        assertThat(known.candidatesFrom(0)).isEqualTo(2);
        assertThat(known.candidatePairs()).isEqualTo(12 - 3);
    }

    @Test
    void selfPairsAreAlwaysExcluded() {
        KnownLinks none = KnownLinks.none(3, false);
        for (int u = 0; u < 3; u++) {
            assertThat(none.excludes(u, u)).isTrue();
        }
        assertThat(none.excludes(0, 2)).isFalse();
        assertThat(none.linkCount()).isZero();
        assertThat(none.candidatePairs()).isEqualTo(3);
        assertThat(KnownLinks.none(3, true).candidatePairs()).isEqualTo(6);
    }

    @Test
    void rejectsNodesOutOfRange() {
        assertThatThrownBy(() -> KnownLinks.of(3, false, List.of(edges(0, 3))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("node index 3 outside [0, 3)");
    }
}
