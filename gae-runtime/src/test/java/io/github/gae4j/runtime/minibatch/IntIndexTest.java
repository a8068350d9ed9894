// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.runtime.minibatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

final class IntIndexTest {

    @Test
    void numbersKeysInOrderOfFirstAdd() {
        IntIndex index = new IntIndex(8, 4);
        assertThat(index.add(7)).isZero();
        assertThat(index.add(3)).isEqualTo(1);
        assertThat(index.add(7)).isZero();
        assertThat(index.add(0)).isEqualTo(2);
        assertThat(index.size()).isEqualTo(3);
        assertThat(index.keys()).containsExactly(7, 3, 0);
        assertThat(index.key(1)).isEqualTo(3);
        assertThat(index.indexOf(0)).isEqualTo(2);
        assertThat(index.indexOf(5)).isEqualTo(-1);
    }

    @Test
    void growsPastItsExpectedSizeKeepingEveryNumber() {
        IntIndex index = new IntIndex(1 << 20, 1);
        Map<Integer, Integer> expected = new HashMap<>();
        SplittableRandom random = new SplittableRandom(5);
        for (int k = 0; k < 20_000; k++) {
            int key = random.nextInt(1 << 20);
            int got = index.add(key);
            Integer before = expected.putIfAbsent(key, expected.size());
            assertThat(got).as("index of key %d", key).isEqualTo(before == null ? expected.size() - 1 : before);
        }
        assertThat(index.size()).isEqualTo(expected.size());
        expected.forEach((key, number) -> {
            assertThat(index.indexOf(key)).isEqualTo(number);
            assertThat(index.key(number)).isEqualTo(key);
        });
        assertThat(index.indexOf(1 << 21)).isEqualTo(-1);
    }

    @Test
    void keysIsACopy() {
        IntIndex index = new IntIndex(2, 2);
        index.add(1);
        index.keys()[0] = 42;
        assertThat(index.key(0)).isEqualTo(1);
    }

    @Test
    void keysFarApartAreKeptApart() {
        // Multiples of a power of two, far apart in the range, each keep their own number.
        IntIndex index = new IntIndex(1000 << 12, 16);
        for (int k = 0; k < 1000; k++) {
            assertThat(index.add(k << 12)).isEqualTo(k);
        }
        for (int k = 0; k < 1000; k++) {
            assertThat(index.indexOf(k << 12)).isEqualTo(k);
        }
    }
}
