// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.spark.predict;

import io.github.gae4j.core.spi.InnerProductForm;
import io.github.gae4j.core.spi.PairScorer;
import io.github.gae4j.core.tensor.Matrix;
import java.util.Optional;

/**
 * A task's scores over the rows it holds (a block pair's nodes, or one node and its candidates): the decoder's
 * {@link PairScorer} over those rows. Inner-product decoders are scored as dense products over the asked target
 * range only, each logit summed over the dimensions in increasing order from 0 as {@link InnerProductForm#logit}
 * does, so the logits equal single-machine search's bit for bit; other decoders score whole rows through {@link
 * PairScorer#logitsFrom}.
 */
final class LocalScores {

    private final PairScorer scorer;
    private final double[] queries;
    private final double[] keys;
    private final int d;
    private final double[] row;

    LocalScores(DecoderCarrier decoder, Matrix z) {
        this.scorer = decoder.scorer(z);
        Optional<InnerProductForm> form = scorer.innerProduct();
        this.queries = form.map(f -> f.queries().data()).orElse(null);
        this.keys = form.map(f -> f.keys().data()).orElse(null);
        this.d = form.map(InnerProductForm::dimensions).orElse(0);
        this.row = form.isPresent() ? null : new double[scorer.nodes()];
    }

    /** Whether logit(u, v) may differ from logit(v, u). */
    boolean directed() {
        return scorer.directed();
    }

    /** The logits of local row {@code source} against local rows [from, to), into {@code out[from..to)}. */
    void from(int source, int from, int to, double[] out) {
        if (queries == null) {
            scorer.logitsFrom(source, row);
            System.arraycopy(row, from, out, from, to - from);
            return;
        }
        int qi = source * d;
        for (int v = from; v < to; v++) {
            double s = 0;
            for (int c = 0, ki = v * d; c < d; c++) {
                s += queries[qi + c] * keys[ki + c];
            }
            out[v] = s;
        }
    }
}
