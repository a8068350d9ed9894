// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.decoders.innerproduct;

import io.github.gae4j.decoders.fused.FusedKernels;
import io.github.gae4j.decoders.fused.Precision;
import java.util.Optional;

/**
 * Chooses an {@link InnerProductBceKernel} by the rule of {@link FusedKernels}: the Vector API kernel of the asked
 * precision (float or double) when it is chosen, for graphs of at least {@value FusedKernels#SMALL_GRAPH_NODES}
 * nodes; the plain-Java double kernel otherwise.
 */
public final class InnerProductBceKernels {

    private InnerProductBceKernels() {}

    /** The plain-Java double kernel; always available. */
    public static InnerProductBceKernel scalar() {
        return ScalarInnerProductBce.INSTANCE;
    }

    /** The Vector API kernel of the given precision, if the module is present (ignores the system property). */
    public static Optional<InnerProductBceKernel> vector(Precision precision) {
        return FusedKernels.ifPresent(() -> Vector.kernel(precision));
    }

    /** The fastest available kernel of the given precision (the scalar kernel is double whatever is asked). */
    public static InnerProductBceKernel best(Precision precision) {
        return FusedKernels.vectorChosen() ? Vector.kernel(precision) : scalar();
    }

    /** {@link #best}, except the scalar kernel below {@value FusedKernels#SMALL_GRAPH_NODES} nodes. */
    public static InnerProductBceKernel forNodes(int n, Precision precision) {
        return FusedKernels.choose(n, true, () -> Vector.kernel(precision), scalar());
    }

    /** The only place that touches the Vector API classes, after the module check. */
    private static final class Vector {
        static InnerProductBceKernel kernel(Precision precision) {
            return precision == Precision.FLOAT
                    ? FloatVectorInnerProductBce.INSTANCE
                    : DoubleVectorInnerProductBce.INSTANCE;
        }
    }
}
