// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.decoders.innerproduct;

import io.github.gae4j.core.autodiff.Variable;
import io.github.gae4j.core.autodiff.functions.RowDot;
import io.github.gae4j.core.graph.EdgeList;
import io.github.gae4j.core.spi.Decoder;
import io.github.gae4j.core.spi.DecoderScorers;
import io.github.gae4j.core.spi.FusedFullGraphLoss;
import io.github.gae4j.core.spi.InnerProductForm;
import io.github.gae4j.core.spi.PairScorer;
import io.github.gae4j.core.tensor.Matrix;
import io.github.gae4j.core.tensor.SparseMatrix;
import io.github.gae4j.decoders.sourcetarget.SourceTargetFullGraphBce;

/**
 * p(A_ij = 1 | z_i, z_j) = sigmoid(z_i · z_j). Pairs are scored by a row-wise dot product; the full
 * graph by the fused blocked kernel, which never materialises Z Zᵀ: the symmetric one (upper
 * triangle) for a symmetric target, the one over all ordered pairs ({@link SourceTargetFullGraphBce}
 * with S = T = Z) for a directed target, which the symmetric decoder cannot fit exactly (the
 * undirected baseline of the directed link-prediction tasks).
 */
public final class InnerProductDecoder implements Decoder, FusedFullGraphLoss {

    @Override
    public Variable logits(Variable z, EdgeList pairs) {
        return RowDot.of(z, pairs);
    }

    /** Symmetric inner products: exact search blocks over them, a maximum-inner-product index serves them. */
    @Override
    public PairScorer scorer(Matrix z) {
        return DecoderScorers.innerProduct(InnerProductForm.symmetric(z));
    }

    @Override
    public Variable fullGraphBce(Variable z, SparseMatrix target, double posWeight, double norm) {
        if (!target.isSymmetric()) {
            return SourceTargetFullGraphBce.of(z, z, target, posWeight, norm);
        }
        return InnerProductFullGraphBce.of(z, target, posWeight, norm);
    }
}
