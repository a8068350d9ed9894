// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.core.kernel.dispatch;

import io.github.gae4j.core.kernel.RowKernels;
import io.github.gae4j.core.kernel.VectorSupport;
import io.github.gae4j.core.kernel.vector.VectorRowKernels;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Chooses the {@link RowKernels}: the Vector API implementation when {@code jdk.incubator.vector} is in the boot
 * layer and the system property {@value VectorSupport#PROPERTY} is not {@code scalar} (see {@link VectorSupport});
 * otherwise the plain-Java one. Its own package, above {@code core.kernel} (the contract and the scalar kernels)
 * and {@code core.kernel.vector} (the Vector API kernels), so that neither of those points back at the other.
 */
public final class RowKernelDispatch {

    private RowKernelDispatch() {}

    /**
     * The Vector API kernels if {@code jdk.incubator.vector} is in the boot layer, whatever
     * {@value VectorSupport#PROPERTY} says (for tests and benchmarks).
     */
    public static Optional<RowKernels> vector() {
        return VectorSupport.modulePresent() ? Optional.of(Choice.vectorKernels()) : Optional.empty();
    }

    /** The fastest available kernels, chosen and logged (INFO) once per JVM. */
    public static RowKernels best() {
        return Choice.BEST;
    }

    /** The run-time decision, made once. */
    private static final class Choice {
        static final RowKernels BEST = choose();

        private Choice() {}

        private static RowKernels choose() {
            Logger log = LoggerFactory.getLogger(RowKernels.class);
            if (!VectorSupport.vectorEnabled()) {
                // Why (the flag, or the missing module) is VectorSupport's one line, not repeated here.
                log.info(
                        "Row kernels (sparse and dense products): plain Java ({})",
                        VectorSupport.scalarForced()
                                ? "-D" + VectorSupport.PROPERTY + "=scalar"
                                : VectorSupport.MODULE + " absent");
                return RowKernels.scalar();
            }
            RowKernels chosen = vectorKernels();
            log.info("Row kernels (sparse and dense products): {}", chosen.describe());
            return chosen;
        }

        /** Touches the vector package only here, after the module check. */
        static RowKernels vectorKernels() {
            return VectorRowKernels.INSTANCE;
        }
    }
}
