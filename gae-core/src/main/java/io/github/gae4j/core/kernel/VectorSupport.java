package io.github.gae4j.core.kernel;

import java.util.Locale;

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

    private VectorSupport() {
    }

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
}
