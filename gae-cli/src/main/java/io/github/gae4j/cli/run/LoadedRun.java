package io.github.gae4j.cli.run;

import io.github.gae4j.runtime.checkpoint.SavedModel;
import io.github.gae4j.runtime.checkpoint.SavedModelFile;
import io.github.gae4j.core.graph.Graph;
import io.github.gae4j.core.graph.LinkSplit;
import io.github.gae4j.runtime.model.GraphAutoencoder;
import io.github.gae4j.runtime.model.ModelAssembler;
import io.github.gae4j.core.error.ConfigException;
import io.github.gae4j.core.spi.CreationContext;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A saved model with what it was trained on, rebuilt: the same graph (from the recorded dataset
 * reference) and the same split (from the recorded seed and fractions), and the model assembled
 * from its description with the saved parameters loaded.
 */
public record LoadedRun(Path file, SavedModel saved, DatasetOptions.DatasetRef dataset, Graph graph, LinkSplit split,
                        GraphAutoencoder model) {

    public static final String SPLIT_SEED = "split.seed";
    public static final String VAL_FRACTION = "split.val-fraction";
    public static final String TEST_FRACTION = "split.test-fraction";
    public static final String INIT_SEED = "model.seed";

    /** Validation and test shares of the edges: the reference split. */
    public static final double DEFAULT_VAL = 0.05;
    public static final double DEFAULT_TEST = 0.10;

    /** Metadata describing the dataset and split, for {@link #load} to rebuild them. */
    public static Map<String, String> metadata(DatasetOptions.DatasetRef dataset, long seed, Graph graph) {
        Map<String, String> m = new LinkedHashMap<>(dataset.toMetadata());
        m.put("dataset.nodes", Integer.toString(graph.nodeCount()));
        m.put("dataset.edges", Integer.toString(graph.edgeCount()));
        m.put(SPLIT_SEED, Long.toString(seed));
        m.put(VAL_FRACTION, Double.toString(DEFAULT_VAL));
        m.put(TEST_FRACTION, Double.toString(DEFAULT_TEST));
        m.put(INIT_SEED, Long.toString(seed));
        m.put("gae4j.version", version());
        return m;
    }

    public static String version() {
        String v = LoadedRun.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    /** Reads {@code file} and rebuilds graph, split and model; {@code dataDir} overrides a catalog dataset's root. */
    public static LoadedRun load(Path file, Path dataDir, ModelAssembler assembler) {
        SavedModel saved = SavedModelFile.read(file);
        Map<String, String> m = saved.metadata();
        DatasetOptions.DatasetRef ref = DatasetOptions.DatasetRef.fromMetadata(m, dataDir, file.toString());
        Graph graph = ref.load(assembler);
        checkSize(file, m, "dataset.nodes", graph.nodeCount());
        checkSize(file, m, "dataset.edges", graph.edgeCount());
        LinkSplit split = LinkSplit.of(graph, number(m, VAL_FRACTION, file), number(m, TEST_FRACTION, file),
                seed(m, SPLIT_SEED, file));
        GraphAutoencoder model = assembler.assemble(saved.description().model(),
                new CreationContext(graph.featuresOrIdentity().dim(), graph.nodeCount(),
                        seed(m, INIT_SEED, file)));
        saved.loadInto(model, file.toString());
        return new LoadedRun(file, saved, ref, graph, split, model);
    }

    /** The data behind a catalog name may change; a saved model only fits the graph it was trained on. */
    private static void checkSize(Path file, Map<String, String> m, String key, int actual) {
        String recorded = m.get(key);
        if (recorded != null && Integer.parseInt(recorded) != actual) {
            throw new ConfigException(String.format(Locale.ROOT,
                    "%s: the model was trained on a graph with %s %s, but the dataset now has %d", file, recorded,
                    key.substring(key.indexOf('.') + 1), actual));
        }
    }

    private static long seed(Map<String, String> m, String key, Path file) {
        String v = required(m, key, file);
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw new ConfigException(file + ": entry '" + key + "' = '" + v + "' is not an integer seed");
        }
    }

    private static String required(Map<String, String> m, String key, Path file) {
        String v = m.get(key);
        if (v == null) {
            throw new ConfigException(file + ": the saved model has no '" + key + "' entry, so its split cannot"
                    + " be rebuilt");
        }
        return v;
    }

    private static double number(Map<String, String> m, String key, Path file) {
        String v = required(m, key, file);
        try {
            return Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw new ConfigException(file + ": entry '" + key + "' = '" + v + "' is not a number");
        }
    }
}
