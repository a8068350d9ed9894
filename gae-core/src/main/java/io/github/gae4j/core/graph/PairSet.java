// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.core.graph;

/**
 * An open-addressing hash set of node pairs, unordered ({i, j} = {j, i}; the default) or
 * {@linkplain #ordered(int) ordered} ((i, j) ≠ (j, i), for directed graphs), for membership tests
 * that scale to millions of edges without an N² structure. Not thread-safe for writes.
 */
public final class PairSet {

    private static final long EMPTY = -1L;

    private final boolean ordered;
    private long[] table;
    private int size;

    /** A set of unordered pairs. */
    public PairSet(int expected) {
        this(expected, false);
    }

    private PairSet(int expected, boolean ordered) {
        this.ordered = ordered;
        int cap = Integer.highestOneBit(Math.max(4, expected * 2 - 1)) << 1;
        table = new long[cap];
        java.util.Arrays.fill(table, EMPTY);
    }

    /** A set of ordered pairs: (i, j) and (j, i) are different elements. */
    public static PairSet ordered(int expected) {
        return new PairSet(expected, true);
    }

    /** Whether (i, j) and (j, i) are different elements. */
    public boolean isOrdered() {
        return ordered;
    }

    /** Adds the pair {i, j} (the pair (i, j) if {@linkplain #isOrdered() ordered}); returns false if present. */
    public boolean add(int i, int j) {
        if ((size + 1) * 2 > table.length) {
            grow();
        }
        return insert(key(i, j));
    }

    public boolean contains(int i, int j) {
        long k = key(i, j);
        int mask = table.length - 1;
        int slot = mix(k) & mask;
        while (true) {
            long t = table[slot];
            if (t == EMPTY) {
                return false;
            }
            if (t == k) {
                return true;
            }
            slot = (slot + 1) & mask;
        }
    }

    public int size() {
        return size;
    }

    private boolean insert(long k) {
        int mask = table.length - 1;
        int slot = mix(k) & mask;
        while (true) {
            long t = table[slot];
            if (t == EMPTY) {
                table[slot] = k;
                size++;
                return true;
            }
            if (t == k) {
                return false;
            }
            slot = (slot + 1) & mask;
        }
    }

    private void grow() {
        long[] old = table;
        table = new long[old.length * 2];
        java.util.Arrays.fill(table, EMPTY);
        size = 0;
        for (long k : old) {
            if (k != EMPTY) {
                insert(k);
            }
        }
    }

    private long key(int i, int j) {
        if (ordered) {
            return ((long) i << 32) | (j & 0xffffffffL);
        }
        int a = Math.min(i, j);
        int b = Math.max(i, j);
        return ((long) a << 32) | (b & 0xffffffffL);
    }

    private static int mix(long k) {
        long h = k * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 29));
    }
}
