// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.core.graph;

import java.util.Arrays;
import java.util.Locale;

/** An immutable list of node pairs (src[k], dst[k]). */
public final class EdgeList {

    private final int[] src;
    private final int[] dst;

    public EdgeList(int[] src, int[] dst) {
        if (src.length != dst.length) {
            throw new IllegalArgumentException(
                    String.format(Locale.ROOT, "src and dst differ in length: %d and %d", src.length, dst.length));
        }
        this.src = src.clone();
        this.dst = dst.clone();
    }

    public static EdgeList empty() {
        return new EdgeList(new int[0], new int[0]);
    }

    public int size() {
        return src.length;
    }

    public int src(int k) {
        return src[k];
    }

    public int dst(int k) {
        return dst[k];
    }

    public int[] srcArray() {
        return src.clone();
    }

    public int[] dstArray() {
        return dst.clone();
    }

    /** This list followed by {@code other}. */
    public EdgeList concat(EdgeList other) {
        int[] s = Arrays.copyOf(src, src.length + other.src.length);
        int[] d = Arrays.copyOf(dst, dst.length + other.dst.length);
        System.arraycopy(other.src, 0, s, src.length, other.src.length);
        System.arraycopy(other.dst, 0, d, dst.length, other.dst.length);
        return new EdgeList(s, d);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EdgeList e && Arrays.equals(src, e.src) && Arrays.equals(dst, e.dst);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(src) + Arrays.hashCode(dst);
    }

    @Override
    public String toString() {
        return "EdgeList[" + size() + "]";
    }
}
