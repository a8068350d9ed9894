// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.decoders.innerproduct;

import static io.github.gae4j.decoders.fused.vector.FloatBlockSweep.L;

import io.github.gae4j.decoders.fused.Precision;
import io.github.gae4j.decoders.fused.vector.BlockSweep;
import io.github.gae4j.decoders.fused.vector.FloatBlockSweep;
import java.util.function.Supplier;

/**
 * The fast inner-product kernel: float z, logits and gradients in vector registers, double accumulation of the
 * loss ({@link VectorInnerProductBce} on a {@link FloatBlockSweep}).
 */
final class FloatVectorInnerProductBce extends VectorInnerProductBce {

    static final FloatVectorInnerProductBce INSTANCE = new FloatVectorInnerProductBce();

    private FloatVectorInnerProductBce() {
        super(Precision.FLOAT, L);
    }

    @Override
    void checkNodes(int n) {
        FloatBlockSweep.checkNodes(n);
    }

    @Override
    Supplier<BlockSweep> chunks(double[] z, int n, int f, int np, int fp) {
        float[] zr = FloatBlockSweep.paddedRows(z, n, f, np, fp);
        float[] zt = FloatBlockSweep.transposed(z, n, f, np);
        return () -> {
            float[] dz = new float[np * fp];
            return new FloatBlockSweep(true, n, np, f, fp, zr, zt, zr, dz, dz);
        };
    }
}
