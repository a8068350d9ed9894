// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.runtime.provenance;

import io.github.gae4j.core.error.ConfigException;
import io.github.gae4j.core.graph.Graph;
import io.github.gae4j.core.graph.HashedLinkSplit;
import io.github.gae4j.core.graph.LinkSplit;
import io.github.gae4j.core.spi.ComponentConfig;
import io.github.gae4j.core.spi.CreationContext;
import io.github.gae4j.core.spi.GaePlugin;
import io.github.gae4j.runtime.model.ComponentSpec;
import io.github.gae4j.runtime.model.ModelAssembler;
import io.github.gae4j.runtime.model.ModelSpec;
import io.github.gae4j.runtime.plugin.ComponentKind;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Where a trained model came from: the gae4j version and the JDK that trained it, each plugin
 * component the run used (with the plugin that provided it, its version and its jar), the model,
 * the seeds, the dataset (what it is called, how to load it again, its size and a content
 * fingerprint) and the split. Training returns it; saved models and {@code run.json} keep it.
 *
 * @param gae4jVersion the gae4j release (a Maven-filtered resource: {@link #currentVersion()})
 * @param jdk          the Java runtime
 * @param plugins      the components used, in model order (encoder, sampler, decoder, losses,
 *                     corruptions), then the dataset loader; empty in provenance read from a file
 *                     written before gae4j recorded it
 * @param model        the model's components and options
 * @param seeds        the seeds of the split, the initial weights and the training noise
 * @param dataset      the dataset
 * @param split        the held-out shares of the edges and the rule that drew them
 */
public record Provenance(
        String gae4jVersion,
        Jdk jdk,
        List<PluginUse> plugins,
        ModelSpec model,
        Seeds seeds,
        Dataset dataset,
        Split split) {

    public Provenance {
        Objects.requireNonNull(gae4jVersion, "gae4jVersion is null");
        Objects.requireNonNull(jdk, "jdk is null");
        plugins = List.copyOf(plugins);
        Objects.requireNonNull(model, "model is null");
        Objects.requireNonNull(seeds, "seeds is null");
        Objects.requireNonNull(dataset, "dataset is null");
        Objects.requireNonNull(split, "split is null");
    }

    /** The Java runtime: {@code java.vendor} and {@link Runtime#version()}. */
    public record Jdk(String vendor, String version) {
        public Jdk {
            Objects.requireNonNull(vendor, "vendor is null");
            Objects.requireNonNull(version, "version is null");
        }

        public static Jdk current() {
            return new Jdk(
                    System.getProperty("java.vendor", "unknown"),
                    Runtime.version().toString());
        }
    }

    /**
     * One component the run used.
     *
     * @param kind    the component kind ({@code encoder}, {@code loss}, {@code dataset loader}, ...)
     * @param name    the component's name
     * @param plugin  the name of the {@link GaePlugin} that provided it
     * @param version the plugin jar's {@code Implementation-Version}, or {@code unknown} (classes not
     *                from a jar, or a jar without one)
     * @param jar     where the plugin's classes came from: the jar (or class folder) path, or
     *                {@code classpath} when the JVM does not say
     */
    public record PluginUse(String kind, String name, String plugin, String version, String jar) {
        public PluginUse {
            Objects.requireNonNull(kind, "kind is null");
            Objects.requireNonNull(name, "name is null");
            Objects.requireNonNull(plugin, "plugin is null");
            Objects.requireNonNull(version, "version is null");
            Objects.requireNonNull(jar, "jar is null");
        }
    }

    /** The seeds of the edge split, the model's initial weights, and training (noise, negatives). */
    public record Seeds(long split, long init, long training) {

        /** One seed for all three, as the command line uses. */
        public static Seeds all(long seed) {
            return new Seeds(seed, seed, seed);
        }
    }

    /**
     * The shares of the edges held out for validation and test, and the rule that drew them.
     *
     * @param valFraction  the validation share
     * @param testFraction the test share
     * @param method       how the edges were ordered and the negatives drawn
     */
    public record Split(double valFraction, double testFraction, SplitMethod method) {
        public Split {
            if (!(valFraction >= 0 && testFraction >= 0 && valFraction + testFraction < 1)) {
                throw new IllegalArgumentException(String.format(
                        Locale.ROOT,
                        "Split fractions must be >= 0 and sum to less than 1, got %s and %s",
                        valFraction,
                        testFraction));
            }
            Objects.requireNonNull(method, "method is null");
        }

        /** A split by {@link LinkSplit} ({@link SplitMethod#SHUFFLED}), as {@code gae train} makes. */
        public Split(double valFraction, double testFraction) {
            this(valFraction, testFraction, SplitMethod.SHUFFLED);
        }
    }

    /** The rule a split was drawn with: both have the same counts and rules, not the same edges for a seed. */
    public enum SplitMethod {
        /** {@link LinkSplit}: the edges shuffled with the seed ({@code gae train}). */
        SHUFFLED("shuffled"),
        /** {@link HashedLinkSplit}: the edges ordered by a seeded hash of their node ids ({@code gae-spark train}). */
        HASHED("hashed");

        private final String key;

        SplitMethod(String key) {
            this.key = key;
        }

        public String key() {
            return key;
        }

        public static Optional<SplitMethod> fromKey(String key) {
            for (SplitMethod m : values()) {
                if (m.key.equals(key)) {
                    return Optional.of(m);
                }
            }
            return Optional.empty();
        }
    }

    /** How the loaded features were used. */
    public enum Features {
        /** As the loader gave them. */
        AS_LOADED("as-loaded"),
        /** Ignored (X = I). */
        NONE("none"),
        /** Each row divided by its sum (PyG's {@code NormalizeFeatures}). */
        ROW_NORMALIZED("row-normalized");

        private final String key;

        Features(String key) {
            this.key = key;
        }

        /** {@code loaded} (features as the loader gave them) with its features used as this says. */
        public Graph applyTo(Graph loaded) {
            return switch (this) {
                case AS_LOADED -> loaded;
                case NONE -> loaded.withoutFeatures();
                case ROW_NORMALIZED ->
                    loaded.withFeatures(loaded.featuresOrIdentity().rowNormalized());
            };
        }

        public String key() {
            return key;
        }

        public static Optional<Features> fromKey(String key) {
            for (Features f : values()) {
                if (f.key.equals(key)) {
                    return Optional.of(f);
                }
            }
            return Optional.empty();
        }
    }

    /**
     * The dataset.
     *
     * @param name        what the user called it (a catalog name, a path, {@code synthetic})
     * @param loader      the dataset loader component and its options, to load it again; empty for a
     *                    graph built in code
     * @param features    how the loaded features were used
     * @param nodes       node count
     * @param edges       edge count
     * @param fingerprint {@link GraphFingerprint#of} the graph trained on; empty in provenance read
     *                    from a file written before gae4j recorded it
     */
    public record Dataset(
            String name,
            Optional<ComponentSpec> loader,
            Features features,
            int nodes,
            int edges,
            Optional<String> fingerprint) {
        public Dataset {
            Objects.requireNonNull(name, "name is null");
            Objects.requireNonNull(loader, "loader is null");
            Objects.requireNonNull(features, "features is null");
            Objects.requireNonNull(fingerprint, "fingerprint is null");
        }

        /** {@code graph} as trained on (features already dropped or normalised), with its fingerprint. */
        public static Dataset of(String name, Optional<ComponentSpec> loader, Features features, Graph graph) {
            return new Dataset(
                    name,
                    loader,
                    features,
                    graph.nodeCount(),
                    graph.edgeCount(),
                    Optional.of(GraphFingerprint.of(graph)));
        }

        /**
         * Fails, naming {@code source}, unless {@code graph} is the graph recorded here: the same node and edge
         * counts and, where recorded, the same content fingerprint. A saved model fits only the graph it was
         * trained on, and the data behind a name may change.
         */
        /**
         * The graph trained on, loaded again with the recorded loader and options (a {@code dataset} loader's
         * {@code data-dir} replaced by {@code dataDirOverride} when given: the data moved), its features used as
         * recorded, and checked to be the recorded graph ({@link #requireSameGraph}). {@code source} names the model
         * file in messages.
         *
         * @throws ConfigException for a graph built in code (no loader recorded) or a different graph
         */
        public Graph reload(ModelAssembler assembler, Path dataDirOverride, String source) {
            ComponentSpec spec = loaderWithDataDir(dataDirOverride, source);
            Graph loaded = assembler
                    .create(ComponentKind.DATASET, spec, new CreationContext(0, 0, 0))
                    .load();
            Graph graph = features.applyTo(loaded);
            requireSameGraph(graph, source);
            return graph;
        }

        /**
         * The recorded loader, its {@code data-dir} replaced by {@code dataDirOverride} where given and the loader is
         * the file-based {@code dataset} one.
         */
        public ComponentSpec loaderWithDataDir(Path dataDirOverride, String source) {
            ComponentSpec recorded = loader.orElseThrow(() -> new ConfigException(source
                    + ": the model was trained on a graph built in code (no dataset loader is recorded), so it"
                    + " cannot be loaded again here"));
            if (dataDirOverride == null || !recorded.name().equals("dataset")) {
                return recorded;
            }
            Map<String, String> options = new TreeMap<>(recorded.config().asMap());
            options.put("data-dir", dataDirOverride.toAbsolutePath().normalize().toString());
            return new ComponentSpec(recorded.name(), ComponentConfig.of(options));
        }

        public void requireSameGraph(Graph graph, String source) {
            requireSize(source, "nodes", nodes, graph.nodeCount());
            requireSize(source, "edges", edges, graph.edgeCount());
            fingerprint.ifPresent(expected -> {
                String actual = GraphFingerprint.of(graph);
                if (!actual.equals(expected)) {
                    throw new ConfigException(String.format(
                            Locale.ROOT,
                            "%s: the model was trained on a graph with"
                                    + " fingerprint %s, but the dataset now has %s (same size, other edges or features)",
                            source,
                            expected,
                            actual));
                }
            });
        }

        private static void requireSize(String source, String what, int recorded, int actual) {
            if (recorded != actual) {
                throw new ConfigException(String.format(
                        Locale.ROOT,
                        "%s: the model was trained on a graph with %d %s, but the dataset now has %d",
                        source,
                        recorded,
                        what,
                        actual));
            }
        }
    }

    /** Which plugin provides a component: {@code PluginRegistry::pluginOf}. */
    @FunctionalInterface
    public interface PluginSource {
        GaePlugin pluginOf(ComponentKind<?> kind, String name);
    }

    /**
     * The provenance of a run on this JVM with this gae4j: the plugins behind every component of
     * {@code model} (and the dataset's loader) are looked up in {@code plugins}.
     */
    public static Provenance record(ModelSpec model, PluginSource plugins, Seeds seeds, Dataset dataset, Split split) {
        List<PluginUse> uses = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (ModelSpec.Part part : model.parts()) {
            use(uses, seen, plugins, part.kind(), part.component());
        }
        dataset.loader().ifPresent(l -> use(uses, seen, plugins, ComponentKind.DATASET, l));
        return new Provenance(currentVersion(), Jdk.current(), uses, model, seeds, dataset, split);
    }

    private static void use(
            List<PluginUse> uses,
            Set<String> seen,
            PluginSource plugins,
            ComponentKind<?> kind,
            ComponentSpec component) {
        if (!seen.add(kind.label() + "\n" + component.name())) {
            return; // a second loss term of the same name comes from the same plugin
        }
        GaePlugin plugin = plugins.pluginOf(kind, component.name());
        Package pkg = plugin.getClass().getPackage();
        String version =
                pkg == null || pkg.getImplementationVersion() == null ? "unknown" : pkg.getImplementationVersion();
        uses.add(new PluginUse(kind.label(), component.name(), plugin.name(), version, origin(plugin)));
    }

    /** The jar or class folder {@code plugin}'s class was loaded from. */
    static String origin(Object plugin) {
        CodeSource source = plugin.getClass().getProtectionDomain().getCodeSource();
        URL location = source == null ? null : source.getLocation();
        if (location == null) {
            return "classpath";
        }
        try {
            return "file".equals(location.getProtocol())
                    ? Path.of(location.toURI()).toString()
                    : location.toString();
        } catch (URISyntaxException | IllegalArgumentException e) {
            return location.toString();
        }
    }

    /**
     * The split the run trained on: {@code graph}'s edges drawn with the recorded fractions, split seed and method.
     *
     * @throws ConfigException for a {@code hashed} split of a graph whose node ids are not integers (the rule orders
     *                         nodes by id)
     */
    public LinkSplit linkSplit(Graph graph) {
        return switch (split.method()) {
            case SHUFFLED -> LinkSplit.of(graph, split.valFraction(), split.testFraction(), seeds.split());
            case HASHED -> hashedSplit(graph);
        };
    }

    private LinkSplit hashedSplit(Graph graph) {
        try {
            return HashedLinkSplit.of(graph, split.valFraction(), split.testFraction(), seeds.split());
        } catch (IllegalArgumentException e) {
            throw new ConfigException(
                    "The model's split was made by gae-spark (split method 'hashed') and cannot be rebuilt: "
                            + e.getMessage(),
                    e);
        }
    }

    /** What the model's components are created with on {@code graph}: its sizes and the recorded init seed. */
    public CreationContext creationContext(Graph graph) {
        return new CreationContext(graph.featuresOrIdentity().dim(), graph.nodeCount(), seeds.init());
    }

    /** This gae4j's version, as Maven wrote it into the gae-runtime jar. */
    public static String currentVersion() {
        return BuildInfo.VERSION;
    }
}
