package io.github.gae4j.cli.architecture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.Architectures;
import com.tngtech.archunit.library.dependencies.SlicesRuleDefinition;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
    record Layer(String name, String packages, List<String> uses) {
    }

    /** The allowed dependencies, bottom to top. */
    static final List<Layer> LAYERS = layers();

    private static List<Layer> layers() {
        List<Layer> out = new ArrayList<>();
        // gae-core, the plugin API: each package may use those below it.
        List<String> core = List.of(
                "core.error",               // exceptions every layer may throw
                "core.parallel",            // the thread budget, deterministic chunking
                "core.kernel",              // array kernels, plain Java and Vector API (core.kernel..)
                "core.tensor",              // Matrix, SparseMatrix, dense products
                "core.autodiff",            // Variable, ComputationContext, Weights
                "core.graph",               // graphs, features, edge lists, splits
                "core.autodiff.functions",  // the differentiable ops
                "core.optim",               // optimisers and initialisers
                "core.spi");                // Encoder, Decoder, Loss, ... and GaePlugin
        chain(out, core, List.of());
        // Plugin modules: the API only, never each other, never the runtime.
        for (String plugin : List.of("encoders", "decoders", "losses", "datasets")) {
            out.add(new Layer(plugin, "io.github.gae4j." + plugin + "..", core));
        }
        // gae-runtime: on the API, below the CLI; each package may use those below it.
        List<String> runtime = List.of(
                "runtime.plugin",           // the plugin registry
                "runtime.model",            // specs, assembly, GraphAutoencoder
                "runtime.metrics",          // AUC/AP, clustering, probe
                "runtime.train",            // the training loop
                "runtime.checkpoint",       // model files, checkpoints
                "runtime.json",
                "runtime.inject");          // Guice wiring, the edge
        chain(out, runtime, core);
        List<String> all = out.stream().map(Layer::name).toList();
        out.add(new Layer("examples", "io.github.gae4j.examples..", all));
        out.add(new Layer("cli", "io.github.gae4j.cli..", all));
        return List.copyOf(out);
    }

    /** Adds {@code names} as a chain: each may use those before it, and {@code below}. */
    private static void chain(List<Layer> out, List<String> names, List<String> below) {
        List<String> uses = new ArrayList<>(below);
        for (String name : names) {
            String pkg = "io.github.gae4j." + name + (name.equals("core.kernel") || name.startsWith("runtime.")
                    ? ".." : "");
            out.add(new Layer(name, pkg, List.copyOf(uses)));
            uses.add(name);
        }
    }

    private static final JavaClasses MAIN_CODE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.github.gae4j");

    static ArchRule layering() {
        Architectures.LayeredArchitecture rule = Architectures.layeredArchitecture()
                .consideringOnlyDependenciesInLayers();
        for (Layer layer : LAYERS) {
            rule = rule.layer(layer.name()).definedBy(layer.packages());
        }
        for (Layer layer : LAYERS) {
            rule = layer.uses().isEmpty()
                    ? rule.whereLayer(layer.name()).mayNotAccessAnyLayer()
                    : rule.whereLayer(layer.name()).mayOnlyAccessLayers(layer.uses().toArray(String[]::new));
        }
        return rule.ensureAllClassesAreContainedInArchitecture();
    }

    static ArchRule noCycles() {
        return SlicesRuleDefinition.slices().matching("io.github.gae4j.(**)").should().beFreeOfCycles();
    }

    @Test
    void theMainCodeOfEveryModuleIsImported() {
        Map<String, Integer> perRoot = new LinkedHashMap<>();
        for (String root : List.of("core", "runtime", "encoders", "decoders", "losses", "datasets", "cli")) {
            perRoot.put(root, MAIN_CODE.that(com.tngtech.archunit.core.domain.JavaClass.Predicates
                    .resideInAPackage("io.github.gae4j." + root + "..")).size());
        }
        assertThat(perRoot).allSatisfy((root, count) -> assertThat(count).as(root).isPositive());
    }

    @Test
    void everyPackageKeepsToItsLayer() {
        layering().check(MAIN_CODE);
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
                .matching("io.github.gae4j.cli.architecture.fixture.(*)..").should().beFreeOfCycles().check(fixtures))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Cycle detected");
    }
}
