// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.decoders.gravity;

import io.github.gae4j.decoders.fused.FusedKernels;
import io.github.gae4j.decoders.fused.Precision;
import java.util.Optional;

/**
 * Chooses a {@link GravityBceKernel} by the rule of {@link FusedKernels}: the Vector API float kernel for graphs of
 * at least {@value FusedKernels#SMALL_GRAPH_NODES} nodes in {@link Precision#FLOAT}; the plain-Java double kernel
 * otherwise (there is no Vector API double variant: {@link Precision#DOUBLE} always gets the scalar kernel).
 */
public final class GravityBceKernels {

    private GravityBceKernels() {}

    /** The plain-Java double kernel; always available. */
    public static GravityBceKernel scalar() {
        return ScalarGravityBce.INSTANCE;
    }

    /** The Vector API float kernel, if the module is present (ignores the system property). */
    public static Optional<GravityBceKernel> vector() {
        return FusedKernels.ifPresent(() -> FloatVectorGravityBce.INSTANCE);
    }

    /** The fastest available kernel for a graph of {@code n} nodes in {@code precision}. */
    public static GravityBceKernel forNodes(int n, Precision precision) {
        // The lambdas here are the only places that touch the Vector API class, called after the module check.
        return FusedKernels.choose(n, precision == Precision.FLOAT, () -> FloatVectorGravityBce.INSTANCE, scalar());
    }
}
