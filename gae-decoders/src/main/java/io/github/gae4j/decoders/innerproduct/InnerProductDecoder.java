package io.github.gae4j.decoders.innerproduct;

import io.github.gae4j.core.autodiff.Variable;
import io.github.gae4j.core.autodiff.functions.InnerProductFullGraphBce;
import io.github.gae4j.core.autodiff.functions.RowDot;
import io.github.gae4j.core.autodiff.functions.SourceTargetFullGraphBce;
import io.github.gae4j.core.graph.EdgeList;
import io.github.gae4j.core.spi.Decoder;
import io.github.gae4j.core.tensor.SparseMatrix;
import java.util.Optional;

/**
 * p(A_ij = 1 | z_i, z_j) = sigmoid(z_i · z_j). Pairs are scored by a row-wise dot product; the full
 * graph by the fused blocked kernel, which never materialises Z Zᵀ: the symmetric one (upper
 * triangle) for a symmetric target, the one over all ordered pairs ({@link SourceTargetFullGraphBce}
 * with S = T = Z) for a directed target, which the symmetric decoder cannot fit exactly (the
 * undirected baseline of the directed link-prediction tasks).
 */
public final class InnerProductDecoder implements Decoder {

    @Override
    public Variable logits(Variable z, EdgeList pairs) {
        return RowDot.of(z, pairs);
    }

    @Override
    public Optional<Variable> fusedFullGraphBce(Variable z, SparseMatrix target, double posWeight, double norm) {
        if (!target.isSymmetric()) {
            return Optional.of(SourceTargetFullGraphBce.of(z, z, target, posWeight, norm));
        }
        return Optional.of(InnerProductFullGraphBce.of(z, target, posWeight, norm));
    }
}
