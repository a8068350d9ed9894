// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.spark.infer;

import java.util.Locale;

/**
 * The shuffle key of a piece of partial sums, one long: (target block, source block, piece number) in 20, 21 and
 * 22 bits, so that sorting the keys orders a block's received pieces by source block, as the sums are added in
 * the same order whatever the order in which they arrive (results are reproducible to the last bit).
 */
final class PartialKeys {

    static final int MAX_BLOCKS = 1 << 20;
    static final int MAX_PIECES = 1 << 22;

    private PartialKeys() {}

    static long of(int targetBlock, int sourceBlock, int piece) {
        if (targetBlock >= MAX_BLOCKS || sourceBlock >= MAX_BLOCKS) {
            throw new IllegalArgumentException(String.format(
                    Locale.ROOT, "At most %d blocks, got block %d", MAX_BLOCKS, Math.max(targetBlock, sourceBlock)));
        }
        if (piece >= MAX_PIECES) {
            throw new IllegalStateException(String.format(
                    Locale.ROOT,
                    "Block %d has more than %d pieces of partial sums: raise the record budget or the blocks",
                    sourceBlock,
                    MAX_PIECES));
        }
        return ((long) targetBlock << 43) | ((long) sourceBlock << 22) | piece;
    }

    static int targetBlock(long key) {
        return (int) (key >>> 43);
    }
}
