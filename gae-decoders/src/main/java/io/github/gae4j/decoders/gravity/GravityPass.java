// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.decoders.gravity;

import io.github.gae4j.core.tensor.SparseMatrix;
import io.github.gae4j.decoders.fused.FullGraphSweep;
import io.github.gae4j.decoders.fused.SweepChunk;

/** One call of a {@link GravityBceKernel}, its arguments as both kernels' frames read them. */
abstract class GravityPass<C extends SweepChunk> extends FullGraphSweep<C> {

    final double[] p;
    final double[] mass;
    final int n;
    final int d;
    final double lambda;
    final double epsilon;
    final SparseMatrix target;
    final double posWeight;
    final double[] gradP;
    final double[] gradMass;

    GravityPass(
            double[] p,
            double[] mass,
            int n,
            int d,
            double lambda,
            double epsilon,
            SparseMatrix target,
            double posWeight,
            double[] gradP,
            double[] gradMass) {
        this.p = p;
        this.mass = mass;
        this.n = n;
        this.d = d;
        this.lambda = lambda;
        this.epsilon = epsilon;
        this.target = target;
        this.posWeight = posWeight;
        this.gradP = gradP;
        this.gradMass = gradMass;
    }
}
