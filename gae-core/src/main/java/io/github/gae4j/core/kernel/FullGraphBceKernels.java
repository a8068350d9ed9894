package io.github.gae4j.core.kernel;

import io.github.gae4j.core.kernel.vector.VectorKernels;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Chooses a {@link FullGraphBceKernel} at run time.
 *
 * <p>The Vector API kernels are used when the {@code jdk.incubator.vector} module is in the boot
 * layer (run with {@code --add-modules jdk.incubator.vector}) and the system property
 * {@value #PROPERTY} is not {@code scalar}; otherwise the plain-Java scalar kernel, which works
 * under a plain {@code java -jar}. Graphs below {@value #SMALL_GRAPH_NODES} nodes always get the
 * scalar double kernel: it costs them a few milliseconds a call, while the Vector API kernels need
 * about a second of slow interpreted and C1-compiled calls before C2 compiles them, and it is exact.
 * The choice is logged once, at INFO.
 */
public final class FullGraphBceKernels {

    /** System property: {@code auto} (default) or {@code scalar} (never use the Vector API). */
    public static final String PROPERTY = "gae4j.kernel";
    public static final int SMALL_GRAPH_NODES = 512;
    static final String MODULE = "jdk.incubator.vector";

    private static final Logger LOG = LoggerFactory.getLogger(FullGraphBceKernels.class);

    private FullGraphBceKernels() {
    }

    /** The plain-Java double kernel; always available. */
    public static FullGraphBceKernel scalar() {
        return ScalarFullGraphBce.INSTANCE;
    }

    /** Whether {@code jdk.incubator.vector} is in the boot layer (whatever {@value #PROPERTY} says). */
    public static boolean vectorModulePresent() {
        return ModuleLayer.boot().findModule(MODULE).isPresent();
    }

    /**
     * The Vector API kernel of the given precision, if the module is present (ignores
     * {@value #PROPERTY}: for tests and benchmarks).
     */
    public static Optional<FullGraphBceKernel> vector(Precision precision) {
        return vectorModulePresent() ? Optional.of(VectorKernels.fullGraphBce(precision)) : Optional.empty();
    }

    /** The fastest available kernel of the given precision (the scalar kernel is double whatever is asked). */
    public static FullGraphBceKernel best(Precision precision) {
        return Choice.VECTOR ? VectorKernels.fullGraphBce(precision) : scalar();
    }

    /** {@link #best}, except the scalar kernel below {@value #SMALL_GRAPH_NODES} nodes. */
    public static FullGraphBceKernel forNodes(int n, Precision precision) {
        FullGraphBceKernel best = best(precision); // makes (and logs) the run-time decision either way
        return n < SMALL_GRAPH_NODES ? scalar() : best;
    }

    /** The run-time decision, made and logged once. */
    private static final class Choice {
        static final boolean VECTOR;

        static {
            String setting = System.getProperty(PROPERTY, "auto").trim().toLowerCase(Locale.ROOT);
            boolean present = vectorModulePresent();
            if (setting.equals("scalar")) {
                VECTOR = false;
                LOG.info("Full-graph BCE: plain-Java scalar kernel (disabled by -D{}=scalar)", PROPERTY);
            } else if (!present) {
                VECTOR = false;
                LOG.info("Full-graph BCE: plain-Java scalar kernel ({} is not in the boot layer; run java with "
                        + "--add-modules {} for a kernel 10-20x faster)", MODULE, MODULE);
            } else {
                VECTOR = true;
                if (!setting.equals("auto") && !setting.equals("vector")) {
                    LOG.warn("Ignoring -D{}={}: expected auto or scalar", PROPERTY, setting);
                }
                LOG.info("Full-graph BCE: Vector API kernels ({} present; {}); graphs below {} nodes use the "
                        + "scalar kernel", MODULE, VectorKernels.describe(), SMALL_GRAPH_NODES);
            }
        }

        private Choice() {
        }
    }
}
