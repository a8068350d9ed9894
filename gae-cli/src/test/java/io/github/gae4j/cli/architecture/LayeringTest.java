// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.cli.architecture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.Architectures;
import com.tngtech.archunit.library.dependencies.SlicesRuleDefinition;
import java.io.File;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.spi.ToolProvider;
import org.junit.jupiter.api.Test;

/**
 * The allowed dependencies between gae4j's packages, written down once ({@link #LAYERS}) and checked
 * over the main code of every module on this (the top) module's class path, with ArchUnit.
 *
 * <p>Read {@link #LAYERS} bottom to top: a layer may use every layer listed in its {@code uses}
 * (and itself), nothing else of gae4j. The API that plugins compile against (gae-core) is a chain;
 * plugin modules use the API only; the runtime sits on the API and never sees a plugin; the CLI is
 * the top. On top of the layers, no two packages may depend on each other in a cycle.
 */
class LayeringTest {

    /** One layer: a name, the packages it covers (ArchUnit syntax) and the layers it may use. */
    record Layer(String name, String packages, List<String> uses) {}

    /** The allowed dependencies, bottom to top. */
    static final List<Layer> LAYERS = layers();

    private static List<Layer> layers() {
        List<Layer> out = new ArrayList<>();
        // gae-core, the plugin API: each package may use those below it.
        List<String> core = List.of(
                "core.error", // exceptions every layer may throw
                "core.io", // atomic file writes, their stale temporary files
                "core.parallel", // the thread budget, deterministic chunking
                "core.kernel", // array kernels in plain Java
                "core.kernel.vector", // the same kernels on the Vector API
                "core.kernel.dispatch", // which of the two runs (the Vector API when its module is there)
                "core.tensor", // Matrix, SparseMatrix, dense products
                "core.autodiff", // Variable, ComputationContext, Weights
                "core.graph", // graphs, features, edge lists, splits
                "core.autodiff.functions", // the differentiable ops
                "core.optim", // optimisers and initialisers
                "core.nn", // Linear, Mlp, AffineNorm: layers that register their weights
                "core.spi"); // Encoder, Decoder, Loss, ... and GaePlugin
        chain(out, core, List.of());
        // Plugin modules: the API only, never each other, never the runtime.
        for (String plugin : List.of("encoders", "decoders", "losses", "datasets")) {
            out.add(new Layer(plugin, "io.github.gae4j." + plugin + "..", core));
        }
        // gae-runtime: on the API, below the CLI; each package may use those below it.
        List<String> runtime = List.of(
                "runtime.plugin", // the plugin registry
                "runtime.optim", // the built-in optimisers' plugin (adam, adamw, sgd), their lookup
                "runtime.model", // specs, assembly, GraphAutoencoder
                "runtime.provenance", // what a run was made of: versions, plugins, seeds, data
                "runtime.metrics", // AUC/AP, clustering, probe
                "runtime.baselines", // link heuristics (CN, AA, RA, PA, Katz) beside a model's score
                "runtime.backend", // the execution seam: loss and gradients of a batch, anywhere
                "runtime.minibatch", // edge-seeded batches, neighbour sampling, the mini-batch objective
                "runtime.train", // the training loop
                "runtime.diagnostics", // collapse and trouble detection during training, with advice
                "runtime.files", // model description files (JSON, YAML), one Jackson setup
                "runtime.checkpoint", // model files and checkpoints
                "runtime.predict", // link predictions from a model file: scorers, top-k search, LinkPredictor
                "runtime", // Gae and TrainedModel: the short path for code
                "runtime.tune", // gae tune's search over recipes, by validation AUC, in a budget
                "runtime.inject"); // Guice wiring, the edge
        chain(out, runtime, core);
        List<String> all = out.stream().map(Layer::name).toList();
        out.add(new Layer("cli", "io.github.gae4j.cli..", all));
        return List.copyOf(out);
    }

    /** Adds {@code names} as a chain: each may use those before it, and {@code below}. */
    private static void chain(List<Layer> out, List<String> names, List<String> below) {
        List<String> uses = new ArrayList<>(below);
        for (String name : names) {
            String pkg = "io.github.gae4j." + name + (name.startsWith("runtime.") ? ".." : "");
            out.add(new Layer(name, pkg, List.copyOf(uses)));
            uses.add(name);
        }
    }

    private static final JavaClasses MAIN_CODE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.github.gae4j");

    static ArchRule layering() {
        Architectures.LayeredArchitecture rule =
                Architectures.layeredArchitecture().consideringOnlyDependenciesInLayers();
        for (Layer layer : LAYERS) {
            rule = rule.layer(layer.name()).definedBy(layer.packages());
        }
        for (Layer layer : LAYERS) {
            rule = layer.uses().isEmpty()
                    ? rule.whereLayer(layer.name()).mayNotAccessAnyLayer()
                    : rule.whereLayer(layer.name())
                            .mayOnlyAccessLayers(layer.uses().toArray(String[]::new));
        }
        return rule.ensureAllClassesAreContainedInArchitecture();
    }

    static ArchRule noCycles() {
        return SlicesRuleDefinition.slices()
                .matching("io.github.gae4j.(**)")
                .should()
                .beFreeOfCycles();
    }

    @Test
    void theMainCodeOfEveryModuleIsImported() {
        Map<String, Integer> perRoot = new LinkedHashMap<>();
        for (String root : List.of("core", "runtime", "encoders", "decoders", "losses", "datasets", "cli")) {
            perRoot.put(
                    root,
                    MAIN_CODE
                            .that(com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage(
                                    "io.github.gae4j." + root + ".."))
                            .size());
        }
        assertThat(perRoot)
                .allSatisfy((root, count) -> assertThat(count).as(root).isPositive());
    }

    @Test
    void everyPackageKeepsToItsLayer() {
        layering().check(MAIN_CODE);
    }

    /** An application that only predicts never touches the training machinery. */
    @Test
    void predictionNeedsNoTrainingClasses() {
        com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses()
                .that()
                .resideInAPackage("io.github.gae4j.runtime.predict..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "io.github.gae4j.runtime.train..",
                        "io.github.gae4j.runtime.backend..",
                        "io.github.gae4j.runtime.diagnostics..",
                        "io.github.gae4j.runtime.tune..",
                        "io.github.gae4j.core.optim..")
                .check(MAIN_CODE);
    }

    @Test
    void noPackagesDependOnEachOtherInACycle() {
        noCycles().check(MAIN_CODE);
    }

    @Test
    void theRulesCatchADeliberateCycleAndAnUpwardImport() {
        // Two fixture packages that use each other: the cycle rule must fail on them.
        JavaClasses fixtures = new ClassFileImporter().importPackages("io.github.gae4j.cli.architecture.fixture");
        assertThatThrownBy(() -> SlicesRuleDefinition.slices()
                        .matching("io.github.gae4j.cli.architecture.fixture.(*)..")
                        .should()
                        .beFreeOfCycles()
                        .check(fixtures))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Cycle detected");
    }

    /**
     * A second opinion from the JDK's own tool: {@code jdeps -verbose:package} over the main classes
     * (or jars) of every gae4j module on the class path, and no strongly connected set of packages.
     */
    @Test
    void jdepsFindsNoPackageCycle() {
        ToolProvider jdeps = ToolProvider.findFirst("jdeps").orElse(null);
        assumeTrue(jdeps != null, "this JDK has no jdeps tool");
        List<String> roots = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator, -1)) {
            String name = new File(entry).getName();
            String parent = new File(entry).getParentFile() == null
                    ? ""
                    : new File(entry).getParentFile().getName();
            boolean moduleClasses = name.equals("classes") && parent.equals("target");
            boolean moduleJar = name.startsWith("gae-") && name.endsWith(".jar");
            if ((moduleClasses || moduleJar) && new File(entry).exists()) {
                roots.add(entry);
            }
        }
        assertThat(roots).as("gae4j module classes on the class path").hasSizeGreaterThanOrEqualTo(7);
        List<String> args = new ArrayList<>(List.of("-verbose:package", "-e", "io\\.github\\.gae4j\\..*"));
        args.addAll(roots);
        StringWriter out = new StringWriter();
        int status = jdeps.run(new PrintWriter(out), new PrintWriter(out), args.toArray(String[]::new));
        assertThat(status).as("jdeps exit status; output:%n%s", out).isZero();
        Map<String, Set<String>> edges = new TreeMap<>();
        Matcher m = Pattern.compile("(?m)^\\s+(io\\.github\\.gae4j\\.\\S+)\\s+->\\s+(io\\.github\\.gae4j\\.\\S+)\\s")
                .matcher(out.toString());
        while (m.find()) {
            if (!m.group(1).equals(m.group(2))) {
                edges.computeIfAbsent(m.group(1), k -> new TreeSet<>()).add(m.group(2));
            }
        }
        assertThat(edges).as("package dependencies jdeps reported").isNotEmpty();
        assertThat(cycles(edges))
                .as("packages that depend on each other in a cycle (jdeps)")
                .isEmpty();
    }

    /** Strongly connected sets of more than one package (Tarjan's algorithm). */
    static List<Set<String>> cycles(Map<String, Set<String>> edges) {
        Map<String, Integer> index = new HashMap<>();
        Map<String, Integer> low = new HashMap<>();
        Deque<String> stack = new ArrayDeque<>();
        Set<String> onStack = new java.util.HashSet<>();
        List<Set<String>> out = new ArrayList<>();
        int[] counter = {0};
        for (String v : edges.keySet()) {
            if (!index.containsKey(v)) {
                connect(v, edges, index, low, stack, onStack, out, counter);
            }
        }
        return out;
    }

    private static void connect(
            String v,
            Map<String, Set<String>> edges,
            Map<String, Integer> index,
            Map<String, Integer> low,
            Deque<String> stack,
            Set<String> onStack,
            List<Set<String>> out,
            int[] counter) {
        index.put(v, counter[0]);
        low.put(v, counter[0]++);
        stack.push(v);
        onStack.add(v);
        for (String w : edges.getOrDefault(v, Set.of())) {
            if (!index.containsKey(w)) {
                connect(w, edges, index, low, stack, onStack, out, counter);
                low.put(v, Math.min(low.get(v), low.get(w)));
            } else if (onStack.contains(w)) {
                low.put(v, Math.min(low.get(v), index.get(w)));
            }
        }
        if (low.get(v).equals(index.get(v))) {
            Set<String> component = new TreeSet<>();
            String w;
            do {
                w = stack.pop();
                onStack.remove(w);
                component.add(w);
            } while (!w.equals(v));
            if (component.size() > 1) {
                out.add(component);
            }
        }
    }

    @Test
    void theCycleFinderFindsACycle() {
        assertThat(cycles(Map.of("a", Set.of("b"), "b", Set.of("c"), "c", Set.of("a"), "d", Set.of("a"))))
                .containsExactly(new TreeSet<>(Set.of("a", "b", "c")));
    }
}
