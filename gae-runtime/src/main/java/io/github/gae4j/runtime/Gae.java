// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.runtime;

import io.github.gae4j.core.graph.Graph;
import io.github.gae4j.core.graph.LinkSplit;
import io.github.gae4j.core.parallel.Parallelism;
import io.github.gae4j.runtime.diagnostics.DiagnosticThresholds;
import io.github.gae4j.runtime.diagnostics.TrainingDiagnostics;
import io.github.gae4j.runtime.files.ModelDescription;
import io.github.gae4j.runtime.model.GraphAutoencoder;
import io.github.gae4j.runtime.model.ModelAssembler;
import io.github.gae4j.runtime.model.ModelSpec;
import io.github.gae4j.runtime.plugin.PluginRegistry;
import io.github.gae4j.runtime.provenance.Provenance;
import io.github.gae4j.runtime.train.Trainer;
import io.github.gae4j.runtime.train.TrainerConfig;
import io.github.gae4j.runtime.train.TrainingResult;
import java.util.Objects;
import java.util.Optional;

/**
 * The short path for the common case in code: train a model described by name on a graph, and get a
 * {@link TrainedModel} to save, load and read embeddings from. It takes the steps {@code gae train} takes: the
 * reference 85/5/10 link split and the model's initial weights from the config's seed, the plugins found on the
 * class path, the run's provenance recorded with the result, and {@link TrainingDiagnostics} logging a WARN line
 * with advice when training goes wrong (a loss spike, validation AUC stuck at 0.5, dead units...).
 *
 * <pre>{@code
 * TrainedModel m = Gae.train(graph, ModelSpec.vgae(), TrainerConfig.builder().seed(42).build());
 * m.save(Path.of("cora-vgae.gae4j"));
 * Map<String, double[]> z = m.embeddings();
 * }</pre>
 */
public final class Gae {

    /** The reference split: 5 % of the edges for validation, 10 % for test. */
    public static final Provenance.Split REFERENCE_SPLIT = new Provenance.Split(0.05, 0.10);

    private Gae() {}

    /** Trains on all cores with the plugins on the class path; the graph's name names the dataset. */
    public static TrainedModel train(Graph graph, ModelSpec spec, TrainerConfig config) {
        try (Parallelism threads = Parallelism.allCores()) {
            return train(graph, spec, config, PluginRegistry.discover(), threads);
        }
    }

    /**
     * Trains {@code spec} on {@code graph}: split with {@link #REFERENCE_SPLIT} and the config's seed, the model
     * assembled from {@code plugins} with the same seed, trained with {@code config} on {@code threads} (whose
     * count never changes the numbers).
     */
    public static TrainedModel train(
            Graph graph, ModelSpec spec, TrainerConfig config, PluginRegistry plugins, Parallelism threads) {
        Objects.requireNonNull(graph, "graph is null");
        Objects.requireNonNull(spec, "spec is null");
        Objects.requireNonNull(config, "config is null");
        Objects.requireNonNull(plugins, "plugins is null");
        // The provenance is the recipe: the split and the initial weights are drawn from what it records.
        Provenance provenance = Provenance.record(
                spec,
                plugins::pluginOf,
                Provenance.Seeds.all(config.seed()),
                Provenance.Dataset.of(graph.name(), Optional.empty(), Provenance.Features.AS_LOADED, graph),
                REFERENCE_SPLIT);
        LinkSplit split = provenance.linkSplit(graph);
        GraphAutoencoder model = new ModelAssembler(plugins).assemble(spec, provenance.creationContext(graph));
        // Collapse and trouble (loss spikes, a flat AUC, dead units...) go to the log as WARN lines with advice.
        TrainingDiagnostics diagnostics =
                TrainingDiagnostics.of(DiagnosticThresholds.defaults(), config, model, split, threads, null);
        TrainingResult result = new Trainer(config, threads, diagnostics).fit(model, split, null, provenance);
        diagnostics.finish(result);
        return new TrainedModel(
                new ModelDescription(spec, config),
                provenance,
                graph,
                split.trainGraph(),
                model,
                Optional.of(result),
                threads.threads());
    }
}
