package io.github.gae4j.core.kernel;

import io.github.gae4j.core.kernel.vector.VectorKernels;
import java.util.Optional;

/**
 * Chooses the {@link SourceTargetBceKernel} and {@link GravityBceKernel} at run time, by the rules
 * of {@link FullGraphBceKernels} (and its one logged decision): the Vector API float kernels when
 * {@code jdk.incubator.vector} is in the boot layer and {@code -D}{@value FullGraphBceKernels#PROPERTY}
 * is not {@code scalar}, for graphs of at least {@value FullGraphBceKernels#SMALL_GRAPH_NODES} nodes
 * and {@link Precision#FLOAT}; the plain-Java double kernels otherwise (there is no Vector API double
 * variant of these two: {@link Precision#DOUBLE} always gets the scalar kernel).
 */
public final class DirectedFullGraphBceKernels {

    private DirectedFullGraphBceKernels() {
    }

    /** The plain-Java double source-target kernel; always available. */
    public static SourceTargetBceKernel sourceTargetScalar() {
        return ScalarSourceTargetBce.INSTANCE;
    }

    /** The plain-Java double gravity kernel; always available. */
    public static GravityBceKernel gravityScalar() {
        return ScalarGravityBce.INSTANCE;
    }

    /** The Vector API float source-target kernel, if the module is present (ignores the system property). */
    public static Optional<SourceTargetBceKernel> sourceTargetVector() {
        return FullGraphBceKernels.vectorModulePresent() ? Optional.of(VectorKernels.sourceTargetBce())
                : Optional.empty();
    }

    /** The Vector API float gravity kernel, if the module is present (ignores the system property). */
    public static Optional<GravityBceKernel> gravityVector() {
        return FullGraphBceKernels.vectorModulePresent() ? Optional.of(VectorKernels.gravityBce()) : Optional.empty();
    }

    /** The fastest available source-target kernel for a graph of {@code n} nodes in {@code precision}. */
    public static SourceTargetBceKernel sourceTarget(int n, Precision precision) {
        return useVector(n, precision) ? VectorKernels.sourceTargetBce() : sourceTargetScalar();
    }

    /** The fastest available gravity kernel for a graph of {@code n} nodes in {@code precision}. */
    public static GravityBceKernel gravity(int n, Precision precision) {
        return useVector(n, precision) ? VectorKernels.gravityBce() : gravityScalar();
    }

    private static boolean useVector(int n, Precision precision) {
        // FullGraphBceKernels makes (and logs) the run-time decision once.
        boolean vector = FullGraphBceKernels.best(Precision.FLOAT) != FullGraphBceKernels.scalar();
        return vector && precision == Precision.FLOAT && n >= FullGraphBceKernels.SMALL_GRAPH_NODES;
    }
}
