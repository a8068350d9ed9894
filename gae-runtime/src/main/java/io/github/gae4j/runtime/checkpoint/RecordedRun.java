// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.runtime.checkpoint;

import io.github.gae4j.core.error.ConfigException;
import io.github.gae4j.core.graph.Graph;
import io.github.gae4j.core.graph.LinkSplit;
import io.github.gae4j.runtime.model.GraphAutoencoder;
import io.github.gae4j.runtime.model.ModelAssembler;
import io.github.gae4j.runtime.plugin.ComponentKind;
import io.github.gae4j.runtime.provenance.Provenance;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A model file with what it was trained on, rebuilt from its provenance: the same graph (from the recorded dataset
 * loader, checked against the recorded size and fingerprint), the same split (recorded seed and fractions), and the
 * model assembled from its description with the saved parameters loaded. What {@code gae eval}, {@code gae embed},
 * {@code gae predict} and the {@code LinkPredictor} start from.
 */
public record RecordedRun(
        Path file, SavedModel saved, Provenance provenance, Graph graph, LinkSplit split, GraphAutoencoder model) {

    public RecordedRun {
        Objects.requireNonNull(file, "file is null");
        Objects.requireNonNull(saved, "saved is null");
        Objects.requireNonNull(provenance, "provenance is null");
        Objects.requireNonNull(graph, "graph is null");
        Objects.requireNonNull(split, "split is null");
        Objects.requireNonNull(model, "model is null");
    }

    /**
     * Reads {@code file} and rebuilds graph, split and model. {@code dataDirOverride} (may be null) replaces a
     * catalog dataset's root, for data that moved; with {@code resume} the optimiser the checkpoint names must be
     * installed too. Every plugin the model and its dataset need is checked before any data is loaded, so a missing
     * one is the first thing reported.
     */
    public static RecordedRun load(Path file, Path dataDirOverride, ModelAssembler assembler, boolean resume) {
        SavedModel saved = SavedModelFile.read(file);
        Provenance p = provenanceOf(saved, file);
        RequiredPlugins required = saved.requiredPlugins(assembler.lookup(), file.toString());
        required.check(saved.description().model());
        p.dataset().loader().ifPresent(loader -> required.check(ComponentKind.DATASET, loader));
        if (resume) {
            required.check(
                    ComponentKind.OPTIMIZER, saved.description().training().optimizer());
        }
        return of(file, saved, p, p.dataset().reload(assembler, dataDirOverride, file.toString()), assembler);
    }

    /**
     * Reads {@code file} for {@code graph}, the graph it was trained on, given in code (a model trained with
     * {@code Gae.train} on a graph built in code records no loader to load it again).
     *
     * @throws ConfigException when the graph is not the one the file records (size or content fingerprint)
     */
    public static RecordedRun load(Path file, Graph graph, ModelAssembler assembler) {
        SavedModel saved = SavedModelFile.read(file);
        Provenance p = provenanceOf(saved, file);
        p.dataset().requireSameGraph(graph, file.toString());
        return of(file, saved, p, graph, assembler);
    }

    private static Provenance provenanceOf(SavedModel saved, Path file) {
        return saved.provenance()
                .orElseThrow(() -> new ConfigException(file + ": the saved model does not"
                        + " record its provenance (dataset, seeds and split), so its split cannot be rebuilt"));
    }

    /** The model assembled on {@code graph} (already checked to be the recorded one) and the recorded split. */
    private static RecordedRun of(Path file, SavedModel saved, Provenance p, Graph graph, ModelAssembler assembler) {
        GraphAutoencoder model = saved.assemble(assembler, p.creationContext(graph), file.toString());
        return new RecordedRun(file, saved, p, graph, p.linkSplit(graph), model);
    }
}
