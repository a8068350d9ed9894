// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.core.graph;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

final class PairSetTest {

    @Test
    void pairsAreUnordered() {
        PairSet set = new PairSet(4);
        assertThat(set.add(3, 7)).isTrue();
        assertThat(set.contains(3, 7)).isTrue();
        assertThat(set.contains(7, 3)).isTrue();
        assertThat(set.add(7, 3)).isFalse();
        assertThat(set.size()).isEqualTo(1);
        assertThat(set.contains(3, 6)).isFalse();
        assertThat(set.contains(7, 7)).isFalse();
    }

    @Test
    void emptySetContainsNothing() {
        PairSet set = new PairSet(0);
        assertThat(set.size()).isZero();
        assertThat(set.contains(0, 0)).isFalse();
        assertThat(set.contains(0, 1)).isFalse();
    }

    @Test
    void growsBeyondInitialCapacity() {
        PairSet set = new PairSet(1);
        int n = 300;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j += 7) {
                assertThat(set.add(j, i)).isTrue();
            }
        }
        int expected = 0;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                boolean in = (j - i - 1) % 7 == 0;
                if (in) {
                    expected++;
                }
                assertThat(set.contains(i, j)).as("{%d, %d}", i, j).isEqualTo(in);
            }
        }
        assertThat(set.size()).isEqualTo(expected);
    }

    @Test
    void distinguishesLargeNodeIds() {
        PairSet set = new PairSet(2);
        set.add(Integer.MAX_VALUE - 1, Integer.MAX_VALUE);
        set.add(0, Integer.MAX_VALUE);
        assertThat(set.contains(Integer.MAX_VALUE, Integer.MAX_VALUE - 1)).isTrue();
        assertThat(set.contains(Integer.MAX_VALUE, 0)).isTrue();
        assertThat(set.contains(1, Integer.MAX_VALUE)).isFalse();
        assertThat(set.size()).isEqualTo(2);
    }
}
