// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.decoders.fused;

import io.github.gae4j.core.kernel.VectorSupport;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one rule by which every decoder's fused full-graph kernels are chosen at run time.
 *
 * <p>The Vector API kernels are used when {@code jdk.incubator.vector} is in the boot layer and
 * {@code -D}{@value VectorSupport#PROPERTY} is not {@code scalar} (see {@link VectorSupport}); otherwise the
 * plain-Java double kernels, which work under a plain {@code java -jar}. Graphs below {@value #SMALL_GRAPH_NODES}
 * nodes always get the plain-Java kernels: they cost them a few milliseconds a call, while the Vector API kernels
 * need about a second of slow interpreted and C1-compiled calls before C2 compiles them, and they are exact. The
 * decision is logged once, at INFO.
 *
 * <p>A decoder's kernel chooser touches its Vector API classes only after {@link #vectorModulePresent()} or
 * {@link #vectorChosen()} said yes: loading them without the module fails.
 */
public final class FusedKernels {

    public static final int SMALL_GRAPH_NODES = 512;

    private static final Logger LOG = LoggerFactory.getLogger(FusedKernels.class);

    private FusedKernels() {}

    /** Whether the Vector API kernels can be loaded at all, whatever the property says (for tests and benchmarks). */
    public static boolean vectorModulePresent() {
        return VectorSupport.modulePresent();
    }

    /** Whether the fastest kernels are the Vector API ones: made (and logged) once per JVM. */
    public static boolean vectorChosen() {
        return Choice.VECTOR;
    }

    /** Whether a graph of {@code n} nodes gets the Vector API kernel when it asks for the fastest one. */
    public static boolean vectorFor(int n) {
        return vectorChosen() && n >= SMALL_GRAPH_NODES;
    }

    /**
     * The kernel a graph of {@code n} nodes gets: {@code vector.get()} where {@link #vectorFor} and the Vector API
     * kernel exists for what is asked ({@code vectorFits}: e.g. its precision), else {@code scalar}. The supplier
     * is called only then, so it may touch the Vector API classes.
     */
    public static <K> K choose(int n, boolean vectorFits, Supplier<? extends K> vector, K scalar) {
        return vectorFor(n) && vectorFits ? vector.get() : scalar;
    }

    /** {@code vector.get()} if the Vector API classes can be loaded at all (for tests and benchmarks). */
    public static <K> Optional<K> ifPresent(Supplier<? extends K> vector) {
        return vectorModulePresent() ? Optional.of(vector.get()) : Optional.empty();
    }

    /** The run-time decision, made and logged once. */
    private static final class Choice {
        static final boolean VECTOR;

        static {
            String setting = VectorSupport.setting();
            VECTOR = VectorSupport.vectorEnabled();
            if (VectorSupport.scalarForced()) {
                LOG.info("Full-graph BCE: plain-Java scalar kernels (disabled by -D{}=scalar)", VectorSupport.PROPERTY);
            } else if (!VECTOR) {
                // VectorSupport has already said, once, that the module is missing and which flag adds it.
                LOG.info("Full-graph BCE: plain-Java scalar kernels ({} absent)", VectorSupport.MODULE);
            } else {
                if (!setting.equals("auto") && !setting.equals("vector")) {
                    LOG.warn("Ignoring -D{}={}: expected auto or scalar", VectorSupport.PROPERTY, setting);
                }
                LOG.info(
                        "Full-graph BCE: Vector API kernels ({} present); graphs below {} nodes use the scalar "
                                + "kernels",
                        VectorSupport.MODULE,
                        SMALL_GRAPH_NODES);
            }
        }

        private Choice() {}
    }
}
