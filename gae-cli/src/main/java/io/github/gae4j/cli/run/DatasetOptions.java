package io.github.gae4j.cli.run;

import io.github.gae4j.core.graph.Graph;
import io.github.gae4j.runtime.model.ComponentSpec;
import io.github.gae4j.runtime.model.ModelAssembler;
import io.github.gae4j.runtime.plugin.ComponentKind;
import io.github.gae4j.core.spi.CreationContext;
import io.github.gae4j.datasets.DatasetFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/** Which graph to train on: the built-in synthetic one, a file or folder, or a catalog name. */
public final class DatasetOptions {

    /** The built-in stochastic block model: no download, the default. */
    public static final String SYNTHETIC = "synthetic";

    @Option(names = {"-d", "--dataset"}, paramLabel = "NAME|PATH", defaultValue = SYNTHETIC,
            description = "'synthetic' (default: a 1000-node stochastic block model, no download), a catalog name"
                    + " (cora, citeseer, pubmed, ...; see --data-dir), or a file/folder (*.npz, LINQS *.content,"
                    + " SNAP edge list).")
    String dataset = SYNTHETIC;

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Datasets root for catalog names, tried before $GAE_DATA_DIR and ~/.gae4j/datasets.")
    Path dataDir;

    @Option(names = "--dataset-option", paramLabel = "KEY=VALUE",
            description = "An option of the dataset loader, e.g. nodes=5000 for the synthetic graph; repeatable.")
    Map<String, String> loaderOptions = new LinkedHashMap<>();

    @Option(names = "--no-features", description = "Ignore node features (X = I), as the paper's featureless rows.")
    boolean noFeatures;

    @Option(names = "--normalize-features",
            description = "Divide each node's features by their sum (PyG's NormalizeFeatures; GraphMAE's inputs).")
    boolean normalizeFeatures;

    public DatasetOptions() {
    }

    /** The --data-dir given, or null. */
    public Path dataDir() {
        return dataDir;
    }

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
        } else {
            loader = "dataset";
            options.put("name", dataset);
            if (dataDir != null) {
                options.put("data-dir", dataDir.toAbsolutePath().normalize().toString());
            }
        }
        options.putAll(loaderOptions);
        if (noFeatures && normalizeFeatures) {
            throw new io.github.gae4j.core.error.ConfigException(
                    "--no-features and --normalize-features contradict each other: without features there is"
                            + " nothing to normalise");
        }
        return new DatasetRef(dataset, loader, options, !noFeatures, normalizeFeatures);
    }

    /**
     * A dataset by loader name and options, whether features are used, and whether they are row-normalised
     * (each row divided by its sum, as PyG's {@code NormalizeFeatures}).
     */
    public record DatasetRef(String label, String loader, Map<String, String> options, boolean features,
                             boolean normalizeFeatures) {

        public DatasetRef {
            options = Map.copyOf(options);
        }

        /** With the features as the loader gives them. */
        public DatasetRef(String label, String loader, Map<String, String> options, boolean features) {
            this(label, loader, options, features, false);
        }

        public Graph load(ModelAssembler assembler) {
            ComponentSpec spec = new ComponentSpec(loader, io.github.gae4j.core.spi.ComponentConfig.of(options));
            Graph g = assembler.create(ComponentKind.DATASET, spec, new CreationContext(0, 0, 0)).load();
            if (!features) {
                return g.withoutFeatures();
            }
            return normalizeFeatures ? g.withFeatures(g.featuresOrIdentity().rowNormalized()) : g;
        }

        /** Flat metadata entries (saved models keep string maps). */
        public Map<String, String> toMetadata() {
            Map<String, String> m = new LinkedHashMap<>();
            m.put("dataset", label);
            m.put("dataset.loader", loader);
            options.entrySet().stream().sorted(Map.Entry.comparingByKey())
                    .forEach(e -> m.put("dataset.option." + e.getKey(), e.getValue()));
            m.put("dataset.features", Boolean.toString(features));
            if (normalizeFeatures) {
                m.put("dataset.normalize-features", "true");
            }
            return m;
        }

        public static DatasetRef fromMetadata(Map<String, String> m, Path dataDirOverride, String source) {
            String loader = m.get("dataset.loader");
            if (loader == null) {
                throw new io.github.gae4j.core.error.ConfigException(source
                        + ": the saved model does not say which dataset it was trained on (no 'dataset.loader')");
            }
            Map<String, String> options = new LinkedHashMap<>();
            m.forEach((k, v) -> {
                if (k.startsWith("dataset.option.")) {
                    options.put(k.substring("dataset.option.".length()), v);
                }
            });
            if (dataDirOverride != null && loader.equals("dataset")) {
                options.put("data-dir", dataDirOverride.toAbsolutePath().normalize().toString());
            }
            return new DatasetRef(m.getOrDefault("dataset", loader), loader, options,
                    !"false".equals(m.get("dataset.features")), "true".equals(m.get("dataset.normalize-features")));
        }
    }
}
