// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.decoders.innerproduct;

import static io.github.gae4j.decoders.fused.vector.DoubleVectorMath.ONE;
import static io.github.gae4j.decoders.fused.vector.DoubleVectorMath.S;
import static io.github.gae4j.decoders.fused.vector.DoubleVectorMath.TWO;

import io.github.gae4j.core.tensor.SparseMatrix;
import io.github.gae4j.decoders.fused.KernelSupport;
import io.github.gae4j.decoders.fused.vector.DoubleVectorMath;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorOperators;

/**
 * The sparse positive pass of both Vector API inner-product kernels, in double: for the stored pairs (i, j) of
 * rows [from, to), swaps the negative term softplus(x) for pw·softplus(−x) and adds the matching
 * gradient change to dZ_i. Logits and the scatter are scalar; the transcendental part runs on
 * vectors over the chunk's logits.
 */
final class PositiveCorrection {

    private static final int L = S.length();
    private static final DoubleVector IOTA = DoubleVector.zero(S).addIndex(1);

    private PositiveCorrection() {}

    static double apply(double[] z, int f, SparseMatrix target, double posWeight, int from, int to, double[] out) {
        int m = KernelSupport.entriesIn(target, from, to);
        double[] g = new double[KernelSupport.roundUp(m, L)];
        InnerProductPairs.positiveLogits(z, f, target, from, to, g);
        double loss = transform(g, m, posWeight);
        InnerProductPairs.scatterPositiveGradient(z, f, target, from, to, g, out);
        return loss;
    }

    /** Replaces each logit x by its gradient change and returns Σ pw·softplus(−x) − softplus(x) over the first m. */
    private static double transform(double[] g, int m, double posWeight) {
        DoubleVector pw = DoubleVector.broadcast(S, posWeight);
        DoubleVector pwMinusOne = DoubleVector.broadcast(S, posWeight - 1.0);
        DoubleVector acc = DoubleVector.zero(S);
        for (int p = 0; p < m; p += L) {
            DoubleVector x = DoubleVector.fromArray(S, g, p);
            DoubleVector ax = x.abs();
            DoubleVector e = DoubleVectorMath.expNeg(ax);
            DoubleVector onePlus = e.add(ONE);
            DoubleVector twoPlus = e.add(TWO);
            DoubleVector q = ONE.div(onePlus.mul(twoPlus));
            DoubleVector sPos = twoPlus.mul(q);
            DoubleVector s = sPos.blend(e.mul(sPos), x.compare(VectorOperators.LT, 0.0));
            DoubleVector log1p = DoubleVectorMath.log1pFromU(e.mul(onePlus).mul(q));
            // pw·max(−x, 0) − max(x, 0) + (pw − 1)·log(1 + e^−|x|): both softplus terms share the log.
            DoubleVector term =
                    pw.mul(ax.sub(x)).sub(x.add(ax)).mul(DoubleVectorMath.HALF).add(pwMinusOne.mul(log1p));
            // Lanes past m hold padding: masked with an iota compare (indexInRange is not intrinsic on JDK 17).
            acc = acc.add(term.blend(DoubleVector.zero(S), IOTA.compare(VectorOperators.GE, (double) (m - p))));
            s.mul(pwMinusOne).sub(pw).intoArray(g, p); // pw·(s − 1) − s
        }
        double[] lanes = new double[L];
        acc.intoArray(lanes, 0);
        double sum = 0;
        for (double v : lanes) {
            sum += v;
        }
        return sum;
    }
}
