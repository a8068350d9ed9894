// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.core.autodiff.functions;

import io.github.gae4j.core.autodiff.Variable;
import java.util.Locale;

/** Shape checks shared by the operations; they throw at graph construction, never later. */
final class Shapes {

    private Shapes() {}

    static void requireSameShape(String op, Variable a, Variable b) {
        if (a.rows() != b.rows() || a.cols() != b.cols()) {
            throw new IllegalArgumentException(
                    String.format(Locale.ROOT, "%s needs equal shapes, got %s and %s", op, a.shape(), b.shape()));
        }
    }

    static void requireInner(int left, int right, String leftShape, String rightShape) {
        if (left != right) {
            throw new IllegalArgumentException(String.format(
                    Locale.ROOT,
                    "Cannot multiply %s by %s: inner dimensions %d and %d differ",
                    leftShape,
                    rightShape,
                    left,
                    right));
        }
    }

    static void requireIndices(String op, int[] idx, int bound) {
        for (int k = 0; k < idx.length; k++) {
            if (idx[k] < 0 || idx[k] >= bound) {
                throw new IllegalArgumentException(String.format(
                        Locale.ROOT, "%s: index %d at position %d out of range [0, %d)", op, idx[k], k, bound));
            }
        }
    }
}
