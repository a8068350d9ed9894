// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.core.graph;

/**
 * XXH64 (Yann Collet's xxHash, 64-bit) of 8-byte values, and Spark SQL's {@code xxhash64(c1, c2, ...)} over long
 * columns: the hash starts at Spark's seed 42 and each column is hashed with the previous hash as its seed. gae-spark
 * orders edges and draws negatives with that function, so single-machine code that must reproduce its split
 * ({@link HashedLinkSplit}) needs the same bits.
 */
public final class XxHash64 {

    /** The seed of Spark SQL's {@code xxhash64}. */
    public static final long SPARK_SEED = 42L;

    private static final long PRIME64_1 = 0x9E3779B185EBCA87L;
    private static final long PRIME64_2 = 0xC2B2AE3D27D4EB4FL;
    private static final long PRIME64_3 = 0x165667B19E3779F9L;
    private static final long PRIME64_4 = 0x85EBCA77C2B2AE63L;
    private static final long PRIME64_5 = 0x27D4EB2F165667C5L;

    private XxHash64() {}

    /** XXH64 of the 8 little-endian bytes of {@code value} with {@code seed}. */
    public static long hashLong(long value, long seed) {
        long hash = seed + PRIME64_5 + 8L;
        hash ^= Long.rotateLeft(value * PRIME64_2, 31) * PRIME64_1;
        hash = Long.rotateLeft(hash, 27) * PRIME64_1 + PRIME64_4;
        // The final avalanche.
        hash ^= hash >>> 33;
        hash *= PRIME64_2;
        hash ^= hash >>> 29;
        hash *= PRIME64_3;
        hash ^= hash >>> 32;
        return hash;
    }

    /** Spark SQL's {@code xxhash64} of these long (non-null) columns, in order. */
    public static long sparkXxhash64(long... columns) {
        long hash = SPARK_SEED;
        for (long c : columns) {
            hash = hashLong(c, hash);
        }
        return hash;
    }
}
