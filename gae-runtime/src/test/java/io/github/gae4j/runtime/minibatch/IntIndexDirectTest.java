// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.runtime.minibatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The direct-addressing index the sampler uses numbers keys exactly as the hashed one. */
final class IntIndexDirectTest {

    @Test
    void numbersKeysAsTheHashedIndexDoes() {
        IntIndex direct = IntIndex.direct(5000, 2);
        IntIndex hashed = new IntIndex(2);
        SplittableRandom random = new SplittableRandom(3);
        for (int k = 0; k < 20_000; k++) {
            int key = random.nextInt(5000);
            assertThat(direct.add(key)).isEqualTo(hashed.add(key));
        }
        assertThat(direct.size()).isEqualTo(hashed.size());
        assertThat(direct.keys()).containsExactly(hashed.keys());
        for (int key = -1; key <= 5000; key++) {
            assertThat(direct.indexOf(key)).isEqualTo(hashed.indexOf(key));
        }
    }
}
