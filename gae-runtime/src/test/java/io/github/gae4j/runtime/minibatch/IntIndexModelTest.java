// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.runtime.minibatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The index numbers random keys by first appearance, and answers -1 for keys never added or out of range. */
final class IntIndexModelTest {

    @Test
    void numbersKeysByFirstAppearance() {
        IntIndex direct = new IntIndex(5000, 2);
        Map<Integer, Integer> model = new LinkedHashMap<>();
        SplittableRandom random = new SplittableRandom(3);
        for (int k = 0; k < 20_000; k++) {
            int key = random.nextInt(5000);
            Integer before = model.putIfAbsent(key, model.size());
            assertThat(direct.add(key)).isEqualTo(before == null ? model.size() - 1 : before);
        }
        assertThat(direct.size()).isEqualTo(model.size());
        assertThat(direct.keys())
                .containsExactly(
                        model.keySet().stream().mapToInt(Integer::intValue).toArray());
        for (int key = -1; key <= 5000; key++) {
            assertThat(direct.indexOf(key)).isEqualTo(model.getOrDefault(key, -1));
        }
    }
}
