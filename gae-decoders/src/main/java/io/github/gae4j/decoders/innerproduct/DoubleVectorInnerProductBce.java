// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.decoders.innerproduct;

import static io.github.gae4j.decoders.fused.vector.DoubleBlockSweep.L;

import io.github.gae4j.decoders.fused.Precision;
import io.github.gae4j.decoders.fused.vector.BlockSweep;
import io.github.gae4j.decoders.fused.vector.DoubleBlockSweep;
import java.util.function.Supplier;

/**
 * The double twin of {@link FloatVectorInnerProductBce} ({@link VectorInnerProductBce} on a {@link DoubleBlockSweep}:
 * double z, logits and gradients; half the lanes): the precision mode, and the reference the float kernel is
 * tested against.
 */
final class DoubleVectorInnerProductBce extends VectorInnerProductBce {

    static final DoubleVectorInnerProductBce INSTANCE = new DoubleVectorInnerProductBce();

    private DoubleVectorInnerProductBce() {
        super(Precision.DOUBLE, L);
    }

    @Override
    Supplier<BlockSweep> chunks(double[] z, int n, int f, int np, int fp) {
        double[] zr = DoubleBlockSweep.paddedRows(z, n, f, np, fp);
        double[] zt = DoubleBlockSweep.transposed(z, n, f, np);
        return () -> {
            double[] dz = new double[np * fp];
            return new DoubleBlockSweep(true, n, np, f, fp, zr, zt, zr, dz, dz);
        };
    }
}
