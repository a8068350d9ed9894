// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.core.graph;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

final class XxHash64Test {

    /** The 8-byte vectors of the reference xxHash (as Spark's XXH64Suite and airlift's slice test them). */
    @Test
    void matchesTheReferenceVectors() {
        long input = 0xDD2F535E4B1FFF9EL;
        assertThat(XxHash64.hashLong(input, 0)).isEqualTo(0xF74CB1451B32B8CFL);
        assertThat(XxHash64.hashLong(input, 2654435761L)).isEqualTo(0x9C44B77FBCC302C5L);
    }

    /** Values from Python's xxhash 3 (xxh64 of the little-endian bytes), signed as Spark returns them. */
    @Test
    void matchesAnIndependentImplementationOnEdgeValues() {
        assertThat(XxHash64.hashLong(0, 42)).isEqualTo(-5252525462095825812L);
        assertThat(XxHash64.hashLong(1, 42)).isEqualTo(-7001672635703045582L);
        assertThat(XxHash64.hashLong(-1, 42)).isEqualTo(3858142552250413010L);
        assertThat(XxHash64.hashLong(123456789, 0)).isEqualTo(-3784104224768917427L);
        assertThat(XxHash64.hashLong(Long.MIN_VALUE, 42)).isEqualTo(-8619748838626508300L);
        assertThat(XxHash64.hashLong(Long.MAX_VALUE, -7)).isEqualTo(-7105942750635486132L);
    }

    /** Spark's xxhash64(c1, c2, c3): seed 42, each column hashed with the previous hash as seed. */
    @Test
    void chainsColumnsFromSeed42AsSparkDoes() {
        assertThat(XxHash64.sparkXxhash64(7, 3, 5)).isEqualTo(4004688004242474824L);
        assertThat(XxHash64.sparkXxhash64(7, 3, 5))
                .isEqualTo(XxHash64.hashLong(5, XxHash64.hashLong(3, XxHash64.hashLong(7, 42))));
        assertThat(XxHash64.sparkXxhash64(0)).isEqualTo(-5252525462095825812L);
    }
}
