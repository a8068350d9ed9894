// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.core.autodiff.functions;

import io.github.gae4j.core.autodiff.Constant;
import io.github.gae4j.core.autodiff.Variable;
import io.github.gae4j.core.graph.Features;
import java.util.Locale;

/**
 * X · w for node features X of any kind, as the cheapest product: a CSR kernel ({@link SparseMatMul}) for sparse
 * X, the dense kernel ({@link MatMul}) for dense X, and no product at all for X = I. Encoders take it through
 * {@code GraphInput.featuresTimes}, which adds a mask token's rows.
 */
public final class FeaturesTimes {

    private FeaturesTimes() {}

    /** X · w as an autodiff variable. */
    public static Variable of(Features x, Variable w) {
        if (x instanceof Features.Sparse s) {
            return SparseMatMul.of(s.matrix(), w);
        }
        if (x instanceof Features.Dense d) {
            return MatMul.of(Constant.of(d.matrix()), w);
        }
        if (x instanceof Features.DenseFloat f) {
            return DenseFloatMatMul.of(f, w);
        }
        if (w.rows() != x.rows()) {
            throw new IllegalArgumentException(String.format(
                    Locale.ROOT, "Cannot multiply identity features (%d, %d) by %s", x.rows(), x.rows(), w.shape()));
        }
        return w;
    }
}
