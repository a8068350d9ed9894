// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.cli.run;

import io.github.gae4j.core.error.GaeException;
import io.github.gae4j.core.graph.Graph;
import io.github.gae4j.core.graph.LinkSplit;
import io.github.gae4j.datasets.catalog.DatasetNotFoundException;
import io.github.gae4j.runtime.checkpoint.RecordedRun;
import io.github.gae4j.runtime.checkpoint.SavedModel;
import io.github.gae4j.runtime.model.GraphAutoencoder;
import io.github.gae4j.runtime.model.ModelAssembler;
import io.github.gae4j.runtime.model.ModelSpec;
import io.github.gae4j.runtime.plugin.PluginRegistry;
import io.github.gae4j.runtime.provenance.Provenance;
import java.nio.file.Path;

/**
 * A saved model with what it was trained on, rebuilt from its provenance: the same graph (from the
 * recorded dataset loader, checked against the recorded size and fingerprint) and the same split
 * (from the recorded seed and fractions), and the model assembled from its description with the
 * saved parameters loaded. Files written before provenance was typed work too: their flat metadata
 * reads as a provenance without a fingerprint.
 */
public record LoadedRun(
        Path file,
        SavedModel saved,
        Provenance provenance,
        DatasetOptions.DatasetRef dataset,
        Graph graph,
        LinkSplit split,
        GraphAutoencoder model) {

    /** Validation and test shares of the edges: the reference split. */
    public static final double DEFAULT_VAL = 0.05;

    public static final double DEFAULT_TEST = 0.10;

    /** The provenance of a {@code gae train} run: one seed for split, initial weights and training. */
    public static Provenance provenance(
            ModelSpec model, PluginRegistry plugins, DatasetOptions.DatasetRef dataset, Graph trained, long seed) {
        return Provenance.record(
                model,
                plugins::pluginOf,
                Provenance.Seeds.all(seed),
                dataset.toProvenance(trained),
                new Provenance.Split(DEFAULT_VAL, DEFAULT_TEST));
    }

    /** Reads {@code file} and rebuilds graph, split and model; {@code dataDir} overrides a catalog dataset's root. */
    public static LoadedRun load(Path file, Path dataDir, ModelAssembler assembler) {
        return load(file, dataDir, assembler, false);
    }

    /** {@link #load(Path, Path, ModelAssembler)} of a checkpoint to train further: its optimiser is needed too. */
    public static LoadedRun loadToResume(Path file, Path dataDir, ModelAssembler assembler) {
        return load(file, dataDir, assembler, true);
    }

    private static LoadedRun load(Path file, Path dataDir, ModelAssembler assembler, boolean resume) {
        RecordedRun run = recorded(file, dataDir, assembler, resume);
        DatasetOptions.DatasetRef ref =
                DatasetOptions.DatasetRef.fromProvenance(run.provenance().dataset(), dataDir, file.toString());
        return new LoadedRun(file, run.saved(), run.provenance(), ref, run.graph(), run.split(), run.model());
    }

    /**
     * {@link RecordedRun#load}, where a catalog dataset that is no longer where training found it fails with a
     * message that names the model file and says what to pass: {@code --data-dir}, the datasets root holding it now.
     */
    public static RecordedRun recorded(Path file, Path dataDir, ModelAssembler assembler, boolean resume) {
        try {
            return RecordedRun.load(file, dataDir, assembler, resume);
        } catch (DatasetNotFoundException e) {
            String advice = dataDir == null
                    ? "the model's training data is not where training found it; if it moved, pass --data-dir DIR,"
                            + " the datasets root that holds it now"
                    : "--data-dir " + dataDir + " does not hold the model's training data; pass the datasets root"
                            + " that does";
            throw new GaeException(file + ": " + advice + ". " + e.getMessage(), e);
        }
    }
}
