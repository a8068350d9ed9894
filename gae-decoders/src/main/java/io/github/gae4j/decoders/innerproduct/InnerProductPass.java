// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.decoders.innerproduct;

import io.github.gae4j.core.parallel.Parallelism;
import io.github.gae4j.core.tensor.SparseMatrix;
import io.github.gae4j.decoders.fused.FullGraphSweep;
import io.github.gae4j.decoders.fused.KernelSupport;
import io.github.gae4j.decoders.fused.SweepChunk;

/**
 * One call of an {@link InnerProductBceKernel}, its arguments as the kernels' frames read them, and the positive
 * pass they share the shape of: in parallel row chunks into one correction buffer ({@link #positives}).
 */
abstract class InnerProductPass<C extends SweepChunk> extends FullGraphSweep<C> {

    final double[] z;
    final int n;
    final int f;
    final SparseMatrix target;
    final double posWeight;
    final double[] gradOut;
    final double[] correction;

    InnerProductPass(double[] z, int n, int f, SparseMatrix target, double posWeight, double[] gradOut) {
        this.z = z;
        this.n = n;
        this.f = f;
        this.target = target;
        this.posWeight = posWeight;
        this.gradOut = gradOut;
        this.correction = new double[n * f];
    }

    /** The positives of rows [from, to) into {@link #correction}; returns their loss change. */
    abstract double positives(int from, int to);

    @Override
    protected final double correct(double loss, C[] chunks, Parallelism parallelism) {
        return KernelSupport.correctInChunks(loss, n, parallelism, this::positives);
    }
}
