package io.github.gae4j.core.kernel.vector;

import io.github.gae4j.core.kernel.FullGraphBceKernel;
import io.github.gae4j.core.kernel.GravityBceKernel;
import io.github.gae4j.core.kernel.Precision;
import io.github.gae4j.core.kernel.SourceTargetBceKernel;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;

/**
 * The only entry into this package, which alone uses {@code jdk.incubator.vector}. Call it only when
 * that module is in the boot layer ({@link io.github.gae4j.core.kernel.FullGraphBceKernels} checks);
 * otherwise loading these classes fails.
 */
public final class VectorKernels {

    private VectorKernels() {
    }

    public static FullGraphBceKernel fullGraphBce(Precision precision) {
        return precision == Precision.FLOAT ? FloatVectorFullGraphBce.INSTANCE : DoubleVectorFullGraphBce.INSTANCE;
    }

    /** The float source-target (asymmetric bilinear) full-graph kernel. */
    public static SourceTargetBceKernel sourceTargetBce() {
        return FloatVectorSourceTargetBce.INSTANCE;
    }

    /** The float gravity-decoder full-graph kernel. */
    public static GravityBceKernel gravityBce() {
        return FloatVectorGravityBce.INSTANCE;
    }

    /** Lanes per vector, for the log line: e.g. "float × 16, double × 8". */
    public static String describe() {
        return "float × " + FloatVector.SPECIES_PREFERRED.length() + ", double × " + DoubleVector.SPECIES_PREFERRED.length();
    }
}
