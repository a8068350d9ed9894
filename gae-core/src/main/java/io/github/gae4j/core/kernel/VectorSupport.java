// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.core.kernel;

import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether the Vector API may be used: {@code jdk.incubator.vector} is in the boot layer (run java with
 * {@code --add-modules jdk.incubator.vector}) and the system property {@value #PROPERTY} is not {@code scalar}.
 * The one rule every kernel family follows (the row kernels here, the decoders' fused kernels), so that one flag
 * switches them all.
 */
public final class VectorSupport {

    /** System property: {@code auto} (default) or {@code scalar} (never use the Vector API). */
    public static final String PROPERTY = "gae4j.kernel";
    /** The incubator module of the Vector API. */
    public static final String MODULE = "jdk.incubator.vector";

    private VectorSupport() {}

    /** Whether {@value #MODULE} is in the boot layer (whatever {@value #PROPERTY} says). */
    public static boolean modulePresent() {
        return ModuleLayer.boot().findModule(MODULE).isPresent();
    }

    /** {@value #PROPERTY} as set, trimmed and in lower case; {@code auto} when unset. */
    public static String setting() {
        return System.getProperty(PROPERTY, "auto").trim().toLowerCase(Locale.ROOT);
    }

    /** Whether {@value #PROPERTY} asks for the plain-Java kernels. */
    public static boolean scalarForced() {
        return setting().equals("scalar");
    }

    /**
     * Whether the Vector API kernels are to be used: {@link #modulePresent()} and not {@link #scalarForced()}. Decided
     * once per JVM; when the module is absent (and the plain-Java kernels were not asked for), that decision logs one
     * WARN line naming the flag, so that a slow run is never silent. Every kernel family asks here.
     */
    public static boolean vectorEnabled() {
        return Decision.ENABLED;
    }

    /** The decision and its one log line, made when a kernel is first chosen (a lazily initialised holder). */
    private static final class Decision {
        static final boolean ENABLED = decide();

        private Decision() {}

        private static boolean decide() {
            if (scalarForced()) {
                return false;
            }
            if (!modulePresent()) {
                Logger log = LoggerFactory.getLogger(VectorSupport.class);
                log.warn(
                        "The Vector API module {} is not in the boot layer: gae4j uses its plain-Java kernels, "
                                + "about 10x slower on the full-graph loss. Run java with --add-modules {} (Maven: the same "
                                + "in surefire's argLine and exec's java arguments); -D{}=scalar chooses the plain-Java "
                                + "kernels without this warning",
                        MODULE,
                        MODULE,
                        PROPERTY);
                return false;
            }
            return true;
        }
    }
}
