// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.core.spi;

import io.github.gae4j.core.autodiff.ComputationContext;
import io.github.gae4j.core.autodiff.Constant;
import io.github.gae4j.core.graph.EdgeList;
import io.github.gae4j.core.tensor.Matrix;
import java.util.Arrays;
import java.util.Optional;

/** Scorers for decoders: the generic one through {@link Decoder#logits}, and the inner-product one. */
public final class DecoderScorers {

    private DecoderScorers() {}

    /**
     * Scores through the decoder's own {@link Decoder#logits(io.github.gae4j.core.autodiff.Variable, EdgeList)}
     * on a constant Z: works for any decoder; {@code directed} says whether its scores may be asymmetric.
     */
    public static PairScorer generic(Decoder decoder, Matrix z, boolean directed) {
        return new Generic(decoder, z, directed);
    }

    /** Scores as inner products q_u · k_v. */
    public static PairScorer innerProduct(InnerProductForm form) {
        return new InnerProduct(form);
    }

    private record Generic(Decoder decoder, Matrix z, boolean directed) implements PairScorer {

        @Override
        public int nodes() {
            return z.rows();
        }

        @Override
        public double logit(int source, int target) {
            return logits(new int[] {source}, new int[] {target})[0];
        }

        @Override
        public void logitsFrom(int source, double[] out) {
            int n = z.rows();
            int[] src = new int[n];
            Arrays.fill(src, source);
            int[] dst = new int[n];
            Arrays.setAll(dst, v -> v);
            System.arraycopy(logits(src, dst), 0, out, 0, n);
        }

        private double[] logits(int[] src, int[] dst) {
            // A fresh context per call: the scorer is shared between threads.
            Matrix m = new ComputationContext().forward(decoder.logits(Constant.of(z), new EdgeList(src, dst)));
            return m.data();
        }
    }

    private record InnerProduct(InnerProductForm form) implements PairScorer {

        @Override
        public int nodes() {
            return form.queries().rows();
        }

        @Override
        public boolean directed() {
            return !form.symmetric();
        }

        @Override
        public double logit(int source, int target) {
            return form.logit(source, target);
        }

        @Override
        public void logitsFrom(int source, double[] out) {
            Matrix q = form.queries();
            Matrix k = form.keys();
            int d = q.cols();
            double[] qd = q.data();
            double[] kd = k.data();
            int qi = source * d;
            for (int v = 0, n = k.rows(); v < n; v++) {
                double s = 0;
                for (int c = 0, ki = v * d; c < d; c++) {
                    s += qd[qi + c] * kd[ki + c];
                }
                out[v] = s;
            }
        }

        @Override
        public Optional<InnerProductForm> innerProduct() {
            return Optional.of(form);
        }
    }
}
