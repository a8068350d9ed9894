// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.cli.run;

import io.github.gae4j.core.error.ConfigException;
import io.github.gae4j.core.error.GaeException;
import io.github.gae4j.core.error.Suggestions;
import io.github.gae4j.core.graph.Graph;
import io.github.gae4j.core.graph.LinkSplit;
import io.github.gae4j.core.spi.ComponentConfig;
import io.github.gae4j.core.spi.CreationContext;
import io.github.gae4j.datasets.DatasetFiles;
import io.github.gae4j.datasets.catalog.DatasetCatalog;
import io.github.gae4j.runtime.model.ComponentSpec;
import io.github.gae4j.runtime.model.ModelAssembler;
import io.github.gae4j.runtime.plugin.ComponentKind;
import io.github.gae4j.runtime.provenance.Provenance;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import picocli.CommandLine.Option;

/** Which graph to train on: the built-in synthetic one, a file or folder, or a catalog name. */
public final class DatasetOptions {

    /** The built-in stochastic block model: no download, the default. */
    public static final String SYNTHETIC = "synthetic";

    @Option(
            names = {"-d", "--dataset"},
            paramLabel = "NAME|PATH",
            defaultValue = SYNTHETIC,
            description = "'synthetic' (default: a 1000-node stochastic block model, no download), a catalog name"
                    + " (cora, citeseer, pubmed, ...; see --data-dir), or a file/folder (*.npz, LINQS *.content,"
                    + " SNAP edge list).")
    String dataset = SYNTHETIC;

    @Option(
            names = "--data-dir",
            paramLabel = "DIR",
            description = "Datasets root for catalog names, tried before $GAE_DATA_DIR and ~/.gae4j/datasets.")
    Path dataDir;

    @Option(
            names = "--dataset-option",
            paramLabel = "KEY=VALUE",
            description = "An option of the dataset loader, e.g. nodes=5000 for the synthetic graph; repeatable.")
    Map<String, String> loaderOptions = new LinkedHashMap<>();

    @Option(
            names = "--features",
            paramLabel = "MODE",
            description = "How node features are used: auto (default: as loaded when their scale is safe, else"
                    + " row-normalised or none, whichever validates better; the choice is printed and recorded),"
                    + " as-loaded, row-normalized or none (X = I).")
    String features;

    @Option(
            names = "--no-features",
            description = "Ignore node features (X = I), as the paper's featureless rows:" + " --features none.")
    boolean noFeatures;

    @Option(
            names = "--normalize-features",
            description = "Divide each node's features by their sum (PyG's NormalizeFeatures; GraphMAE's inputs):"
                    + " --features row-normalized.")
    boolean normalizeFeatures;

    public DatasetOptions() {}

    /** A name with a folder or a file type in it is a path, never a catalog name. */
    static boolean looksLikePath(String name) {
        if (name.contains("/") || name.contains(java.io.File.separator) || name.startsWith("~")) {
            return true;
        }
        try {
            DatasetFiles.loaderFor(Path.of(name));
            return true;
        } catch (RuntimeException e) {
            return false; // no known file type: a catalog name
        }
    }

    /** "; did you mean the catalog dataset 'cora' (-d cora)?" for a missing cora.npz, or nothing. */
    private static String catalogSuggestion(String missing) {
        Path fileName = Path.of(missing).getFileName();
        if (fileName == null) {
            return "";
        }
        String stem = fileName.toString().replaceFirst("(?i)(\\.[a-z]+)?(\\.gz)?$", "");
        return Suggestions.closest(stem, DatasetCatalog.builtIn().names())
                .map(name -> String.format(Locale.ROOT, "; did you mean the catalog dataset '%s' (-d %s)?", name, name))
                .orElse("");
    }

    /** The --data-dir given, or null. */
    public Path dataDir() {
        return dataDir;
    }

    /** The feature mode asked for: --features, or its aliases --no-features and --normalize-features. */
    public FeatureMode featureMode() {
        if (noFeatures && normalizeFeatures) {
            throw new ConfigException(
                    "--no-features and --normalize-features contradict each other: without features there is"
                            + " nothing to normalise");
        }
        FeatureMode alias = noFeatures ? FeatureMode.NONE : normalizeFeatures ? FeatureMode.ROW_NORMALIZED : null;
        if (features == null) {
            return alias == null ? FeatureMode.AUTO : alias;
        }
        FeatureMode mode = FeatureMode.fromKey(features)
                .orElseThrow(() -> new ConfigException(
                        "--features must be one of " + FeatureMode.keys() + ", got '" + features + "'"));
        if (alias != null && alias != mode) {
            throw new ConfigException("--features " + mode.key() + " contradicts "
                    + (noFeatures ? "--no-features" : "--normalize-features"));
        }
        return mode;
    }

    /**
     * The dataset loaded with its features as {@link #featureMode()} says; {@code auto} asks {@link FeatureChoice},
     * with {@code probe} (given the graph as loaded) for the validation AUC of a candidate.
     */
    public Loaded load(
            ModelAssembler assembler,
            double learningRate,
            Function<Graph, ToDoubleFunction<Provenance.Features>> probe) {
        FeatureMode mode = featureMode();
        DatasetRef asLoaded = ref().withUse(Provenance.Features.AS_LOADED);
        Graph loaded = asLoaded.load(assembler);
        FeatureChoice choice = FeatureChoice.resolve(
                mode, FeatureStatistics.of(loaded.featuresOrIdentity()), learningRate, probe.apply(loaded));
        return new Loaded(
                asLoaded.withUse(choice.use()), DatasetRef.withFeatureUse(loaded, choice.use()), mode, choice);
    }

    /** A dataset as trained on: how to load it again, the graph, the mode asked for and what it chose. */
    public record Loaded(DatasetRef ref, Graph graph, FeatureMode mode, FeatureChoice choice) {}

    /** The dataset as recorded in a saved model, to load the same graph again. */
    public DatasetRef ref() {
        String loader;
        Map<String, String> options = new LinkedHashMap<>();
        if (dataset.equals(SYNTHETIC)) {
            loader = "sbm";
        } else if (Files.exists(Path.of(dataset))) {
            Path path = Path.of(dataset).toAbsolutePath().normalize();
            loader = DatasetFiles.loaderFor(path);
            options.put("path", path.toString());
        } else if (looksLikePath(dataset)) {
            throw new ConfigException(dataset + ": file not found (--dataset)" + catalogSuggestion(dataset));
        } else {
            loader = "dataset";
            options.put("name", dataset);
            if (dataDir != null) {
                options.put("data-dir", dataDir.toAbsolutePath().normalize().toString());
            }
        }
        options.putAll(loaderOptions);
        // auto loads the features as they are; load() then applies the use FeatureChoice picks.
        Provenance.Features use = featureMode().fixed().orElse(Provenance.Features.AS_LOADED);
        return new DatasetRef(dataset, loader, options, false, false).withUse(use);
    }

    /**
     * A dataset by loader name and options, whether features are used, and whether they are row-normalised
     * (each row divided by its sum, as PyG's {@code NormalizeFeatures}).
     */
    public record DatasetRef(
            String label, String loader, Map<String, String> options, boolean features, boolean normalizeFeatures) {

        public DatasetRef {
            options = Map.copyOf(options);
        }

        /** With the features as the loader gives them. */
        public DatasetRef(String label, String loader, Map<String, String> options, boolean features) {
            this(label, loader, options, features, false);
        }

        public Graph load(ModelAssembler assembler) {
            ComponentSpec spec = new ComponentSpec(loader, ComponentConfig.of(options));
            Graph g = assembler
                    .create(ComponentKind.DATASET, spec, new CreationContext(0, 0, 0))
                    .load();
            return withFeatureUse(g, use());
        }

        /** How the features are used, as provenance records it. */
        public Provenance.Features use() {
            return !features
                    ? Provenance.Features.NONE
                    : normalizeFeatures ? Provenance.Features.ROW_NORMALIZED : Provenance.Features.AS_LOADED;
        }

        /** This dataset with its features used as {@code use} says. */
        public DatasetRef withUse(Provenance.Features use) {
            return new DatasetRef(
                    label, loader, options, use != Provenance.Features.NONE, use == Provenance.Features.ROW_NORMALIZED);
        }

        /** {@code loaded} (features as the loader gave them) with its features used as {@code use} says. */
        public static Graph withFeatureUse(Graph loaded, Provenance.Features use) {
            return use.applyTo(loaded);
        }

        /**
         * The default link split of {@code graph}; a graph too small or too dense to split is a data error naming
         * this dataset (the file as given), not an internal one.
         */
        public LinkSplit split(Graph graph, long seed) {
            try {
                return LinkSplit.of(graph, LoadedRun.DEFAULT_VAL, LoadedRun.DEFAULT_TEST, seed);
            } catch (IllegalArgumentException e) {
                throw new GaeException(label + ": " + e.getMessage());
            }
        }

        /** The dataset as provenance records it: this reference and the graph as trained on, fingerprinted. */
        public Provenance.Dataset toProvenance(Graph trained) {
            return Provenance.Dataset.of(
                    label,
                    Optional.of(new ComponentSpec(loader, ComponentConfig.of(new TreeMap<>(options)))),
                    use(),
                    trained);
        }

        /** The reference a provenance records, to load the same graph again; {@code source} names the file. */
        public static DatasetRef fromProvenance(Provenance.Dataset d, Path dataDirOverride, String source) {
            ComponentSpec loader = d.loaderWithDataDir(dataDirOverride, source);
            Map<String, String> options = new LinkedHashMap<>(loader.config().asMap());
            return new DatasetRef(
                    d.name(),
                    loader.name(),
                    options,
                    d.features() != Provenance.Features.NONE,
                    d.features() == Provenance.Features.ROW_NORMALIZED);
        }
    }
}
