package io.github.gae4j.core.kernel.vector;

import io.github.gae4j.core.kernel.Precision;

/** The name of the three float kernels (one base, so the logs and benchmark tables agree). */
abstract class FloatVectorKernel {

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
