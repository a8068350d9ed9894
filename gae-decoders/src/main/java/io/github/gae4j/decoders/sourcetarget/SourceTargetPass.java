// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.decoders.sourcetarget;

import io.github.gae4j.core.tensor.SparseMatrix;
import io.github.gae4j.decoders.fused.FullGraphSweep;
import io.github.gae4j.decoders.fused.SweepChunk;

/** One call of a {@link SourceTargetBceKernel}, its arguments as both kernels' frames read them. */
abstract class SourceTargetPass<C extends SweepChunk> extends FullGraphSweep<C> {

    final double[] s;
    final double[] t;
    final int n;
    final int f;
    final SparseMatrix target;
    final double posWeight;
    final double[] gradS;
    final double[] gradT;

    SourceTargetPass(
            double[] s,
            double[] t,
            int n,
            int f,
            SparseMatrix target,
            double posWeight,
            double[] gradS,
            double[] gradT) {
        this.s = s;
        this.t = t;
        this.n = n;
        this.f = f;
        this.target = target;
        this.posWeight = posWeight;
        this.gradS = gradS;
        this.gradT = gradT;
    }
}
