// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.cli.run;

import io.github.gae4j.core.graph.Graph;
import io.github.gae4j.core.graph.LinkSplit;
import io.github.gae4j.core.parallel.Parallelism;
import io.github.gae4j.core.spi.CreationContext;
import io.github.gae4j.runtime.files.ModelDescription;
import io.github.gae4j.runtime.model.GraphAutoencoder;
import io.github.gae4j.runtime.model.ModelAssembler;
import io.github.gae4j.runtime.plugin.PluginRegistry;
import io.github.gae4j.runtime.provenance.Provenance;
import io.github.gae4j.runtime.train.EpochStats;
import io.github.gae4j.runtime.train.Trainer;
import io.github.gae4j.runtime.train.TrainerConfig;
import io.github.gae4j.runtime.train.TrainingListener;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * The validation half of {@link FeatureChoice}: trains the run's model with a candidate use of the features for
 * a share of the run's epochs, on the run's split and seed, and returns the best validation AUC. The test edges
 * play no part in the choice.
 */
public final class FeatureProbe implements ToDoubleFunction<Provenance.Features> {

    /** The probe's length: this share of the run's epochs (at least {@link #MIN_EPOCHS}). */
    public static final double SHARE = 0.5;

    public static final int MIN_EPOCHS = 20;

    private final Graph loaded;
    private final DatasetOptions.DatasetRef dataset;
    private final ModelDescription description;
    private final PluginRegistry plugins;
    private final ModelAssembler assembler;
    private final int threads;
    private final PrintWriter out;

    /**
     * {@code out} (the progress stream) gets a line as each candidate starts and at each quarter of its epochs:
     * a probe takes a while on a large graph.
     */
    public FeatureProbe(
            Graph loaded,
            DatasetOptions.DatasetRef dataset,
            ModelDescription description,
            PluginRegistry plugins,
            ModelAssembler assembler,
            int threads,
            PrintWriter out) {
        this.loaded = loaded;
        this.dataset = dataset;
        this.description = description;
        this.plugins = plugins;
        this.assembler = assembler;
        this.threads = threads;
        this.out = out;
    }

    /** The probe's epochs for a run of {@code epochs}. */
    public static int epochs(int epochs) {
        return Math.min(epochs, Math.max(MIN_EPOCHS, (int) Math.ceil(epochs * SHARE)));
    }

    @Override
    public double applyAsDouble(Provenance.Features use) {
        Graph graph = DatasetOptions.DatasetRef.withFeatureUse(loaded, use);
        long seed = description.training().seed();
        LinkSplit split = dataset.split(graph, seed); // the run's split: features play no part in it
        GraphAutoencoder model = assembler.assemble(
                description.model(),
                new CreationContext(graph.featuresOrIdentity().dim(), graph.nodeCount(), seed));
        TrainerConfig config = description.training().toBuilder()
                .epochs(epochs(description.training().epochs()))
                .evalEvery(1)
                .patience(0)
                .build();
        out.printf(
                Locale.ROOT,
                "features: trying %s for %d epochs (--features MODE skips this)%n",
                use.key(),
                config.epochs());
        out.flush();
        int every = Math.max(1, config.epochs() / 4);
        TrainingListener progress = stats -> {
            if (stats.epoch() % every == 0) {
                out.printf(
                        Locale.ROOT,
                        "features: %s epoch %d/%d  loss %.4f  val AUC %.4f%n",
                        use.key(),
                        stats.epoch(),
                        config.epochs(),
                        stats.loss(),
                        stats.valAuc());
                out.flush();
            }
        };
        try (Parallelism parallelism = Parallelism.of(threads)) {
            return new Trainer(config, parallelism, plugins, progress)
                    .fit(model, split).history().stream()
                            .mapToDouble(EpochStats::valAuc)
                            .filter(Double::isFinite)
                            .max()
                            .orElse(Double.NaN);
        }
    }
}
