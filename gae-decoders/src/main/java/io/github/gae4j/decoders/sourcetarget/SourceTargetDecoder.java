// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.decoders.sourcetarget;

import io.github.gae4j.core.autodiff.Constant;
import io.github.gae4j.core.autodiff.Variable;
import io.github.gae4j.core.autodiff.functions.ColumnSlice;
import io.github.gae4j.core.autodiff.functions.RowDot;
import io.github.gae4j.core.error.GaeException;
import io.github.gae4j.core.graph.EdgeList;
import io.github.gae4j.core.spi.Decoder;
import io.github.gae4j.core.spi.DecoderScorers;
import io.github.gae4j.core.spi.FusedFullGraphLoss;
import io.github.gae4j.core.spi.InnerProductForm;
import io.github.gae4j.core.spi.PairScorer;
import io.github.gae4j.core.tensor.Matrix;
import io.github.gae4j.core.tensor.SparseMatrix;
import java.util.Locale;

/**
 * The source-target decoder for directed graphs (Salha et al. 2019, section 2.6, after
 * Ou et al.'s HOPE): Z = [S | T] split in halves, a node's source and target vectors, and
 * p(i → j) = σ(s_i · t_j). Asymmetric. Pairs are scored by a row-wise dot product; the full graph by
 * a fused kernel over all N² ordered pairs ({@link SourceTargetFullGraphBce}).
 */
public final class SourceTargetDecoder implements Decoder, FusedFullGraphLoss {

    /** The source halves s_i: the first half of z's columns. */
    public Variable sources(Variable z) {
        requireEven(z);
        return ColumnSlice.of(z, 0, z.cols() / 2);
    }

    /** The target halves t_j: the second half of z's columns. */
    public Variable targets(Variable z) {
        requireEven(z);
        return ColumnSlice.of(z, z.cols() / 2, z.cols());
    }

    @Override
    public Variable logits(Variable z, EdgeList pairs) {
        return RowDot.of(sources(z), pairs.srcArray(), targets(z), pairs.dstArray());
    }

    /** Directed inner products s_u · t_v: queries are the source halves, keys the target halves. */
    @Override
    public PairScorer scorer(Matrix z) {
        if (z.cols() < 2 || z.cols() % 2 != 0) {
            requireEven(Constant.of(z));
        }
        int half = z.cols() / 2;
        Matrix sources = Matrix.zeros(z.rows(), half);
        Matrix targets = Matrix.zeros(z.rows(), half);
        for (int i = 0; i < z.rows(); i++) {
            System.arraycopy(z.data(), i * z.cols(), sources.data(), i * half, half);
            System.arraycopy(z.data(), i * z.cols() + half, targets.data(), i * half, half);
        }
        return DecoderScorers.innerProduct(new InnerProductForm(sources, targets));
    }

    @Override
    public Variable fullGraphBce(Variable z, SparseMatrix target, double posWeight, double norm) {
        return SourceTargetFullGraphBce.of(sources(z), targets(z), target, posWeight, norm);
    }

    private static void requireEven(Variable z) {
        if (z.cols() < 2 || z.cols() % 2 != 0) {
            throw new GaeException(String.format(
                    Locale.ROOT,
                    "Decoder 'source-target' splits the embeddings in a source and a target half and needs an even"
                            + " number of columns, got %s; set the encoder's latent size to an even number",
                    z.shape()));
        }
    }

    @Override
    public String toString() {
        return "SourceTargetDecoder";
    }
}
