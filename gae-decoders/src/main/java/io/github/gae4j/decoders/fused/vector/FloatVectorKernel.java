// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.decoders.fused.vector;

import io.github.gae4j.decoders.fused.Precision;

/** The name of the float kernels (one base, so the logs and benchmark tables agree). */
public abstract class FloatVectorKernel {

    protected FloatVectorKernel() {}

    public final String name() {
        return "vector-float";
    }

    public final Precision precision() {
        return Precision.FLOAT;
    }

    @Override
    public final String toString() {
        return name() + "[" + FloatBlockSweep.L + " lanes]";
    }
}
