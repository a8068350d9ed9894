// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.decoders.gravity;

import io.github.gae4j.core.spi.PairScorer;

/** Gravity logits m̃_v − λ log(‖p_u − p_v‖² + ε) over fixed positions (row-major, d wide) and masses. */
final class GravityScorer implements PairScorer {

    private final double[] positions;
    private final double[] masses;
    private final int d;
    private final double lambda;
    private final double epsilon;

    GravityScorer(double[] positions, double[] masses, int d, double lambda, double epsilon) {
        this.positions = positions;
        this.masses = masses;
        this.d = d;
        this.lambda = lambda;
        this.epsilon = epsilon;
    }

    @Override
    public int nodes() {
        return masses.length;
    }

    @Override
    public boolean directed() {
        return true;
    }

    @Override
    public double logit(int source, int target) {
        double sq = 0;
        for (int c = 0, a = source * d, b = target * d; c < d; c++) {
            double diff = positions[a + c] - positions[b + c];
            sq += diff * diff;
        }
        return masses[target] - lambda * Math.log(sq + epsilon);
    }

    @Override
    public void logitsFrom(int source, double[] out) {
        for (int v = 0; v < masses.length; v++) {
            out[v] = logit(source, v);
        }
    }
}
