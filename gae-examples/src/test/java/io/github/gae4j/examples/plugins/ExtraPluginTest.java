// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.examples.plugins;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.gae4j.core.graph.Graph;
import io.github.gae4j.core.graph.LinkSplit;
import io.github.gae4j.core.parallel.Parallelism;
import io.github.gae4j.core.spi.ComponentConfig;
import io.github.gae4j.core.spi.CreationContext;
import io.github.gae4j.core.spi.GaePlugin;
import io.github.gae4j.core.spi.LossFactory;
import io.github.gae4j.core.spi.OptimizerFactory;
import io.github.gae4j.runtime.checkpoint.SavedModel;
import io.github.gae4j.runtime.checkpoint.SavedModelFile;
import io.github.gae4j.runtime.files.ModelDescription;
import io.github.gae4j.runtime.files.ModelDescriptionFile;
import io.github.gae4j.runtime.model.ComponentSpec;
import io.github.gae4j.runtime.model.GraphAutoencoder;
import io.github.gae4j.runtime.model.ModelAssembler;
import io.github.gae4j.runtime.plugin.ComponentKind;
import io.github.gae4j.runtime.plugin.PluginRegistry;
import io.github.gae4j.runtime.train.EpochStats;
import io.github.gae4j.runtime.train.Trainer;
import io.github.gae4j.runtime.train.TrainingResult;
import io.github.gae4j.testkit.LossContract;
import io.github.gae4j.testkit.OptimizerContract;
import io.github.gae4j.testkit.PluginContract;
import io.github.gae4j.testkit.StopAfter;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A new loss and a new optimiser need nothing outside their plugin: {@link ExtraPlugin} (a test source set, its own
 * service file) passes the contracts, and a model description naming {@code bpr} and {@code rmsprop} is validated,
 * assembled, trained and resumed bit for bit with the stock registry, trainer and checkpoint files.
 */
final class ExtraPluginTest {

    private static final long SEED = 3;

    /** The model as a user writes it: stock encoder, sampler and decoder, the plugin's loss and optimiser. */
    private static final String MODEL = """
            {
              "encoder": {"name": "gcn", "options": {"hidden": 32, "latent": 16}},
              "sampler": {"name": "identity"},
              "decoder": {"name": "inner-product"},
              "losses": [{"name": "bpr", "options": {"margin": 0.5}}],
              "training": {"epochs": 60, "learning-rate": 0.005, "seed": 3, "restore-best": true,
                "optimizer": {"name": "rmsprop", "options": {"alpha": 0.9}}}
            }""";

    @TempDir
    Path dir;

    private final PluginRegistry registry = PluginRegistry.discover(getClass().getClassLoader());

    @Nested
    final class Plugin implements PluginContract {
        @Override
        public GaePlugin plugin() {
            return new ExtraPlugin();
        }
    }

    @Nested
    final class Bpr implements LossContract {
        @Override
        public LossFactory factory() {
            return new ExtraPlugin().losses().get(0);
        }

        @Override
        public ComponentConfig config() {
            return ComponentConfig.of("margin", 0.5);
        }
    }

    @Nested
    final class RmsPropOptimizer implements OptimizerContract {
        @Override
        public OptimizerFactory factory() {
            return new ExtraPlugin().optimizers().get(0);
        }
    }

    private Graph graph() {
        return new ModelAssembler(registry)
                .create(
                        ComponentKind.DATASET,
                        ComponentSpec.of("sbm", "nodes", 300, "communities", 6),
                        new CreationContext(0, 0, SEED))
                .load();
    }

    private GraphAutoencoder model(ModelDescription d, Graph graph, long seed) {
        return new ModelAssembler(registry)
                .assemble(
                        d.model(),
                        new CreationContext(graph.featuresOrIdentity().dim(), graph.nodeCount(), seed));
    }

    private static List<List<Double>> numbers(TrainingResult r) {
        List<List<Double>> out = new java.util.ArrayList<>();
        for (EpochStats s : r.history()) {
            out.add(List.of(s.loss(), s.valAuc(), s.valAp()));
        }
        out.add(List.of(r.test().auc(), r.test().ap(), (double) r.bestEpoch()));
        return out;
    }

    @Test
    void aDescriptionNamingThePluginsLossAndOptimizerTrainsEndToEnd() {
        ModelDescription d = ModelDescriptionFile.parse(MODEL, "extras.json");
        ModelDescriptionFile.validate(d, registry);
        assertThat(registry.pluginOf(ComponentKind.LOSS, "bpr").name()).isEqualTo("example-extras");
        assertThat(registry.pluginOf(ComponentKind.OPTIMIZER, "rmsprop").name()).isEqualTo("example-extras");
        Graph graph = graph();
        LinkSplit split = LinkSplit.of(graph, SEED);
        TrainingResult viaRegistry;
        TrainingResult viaDefaults;
        try (Parallelism p = Parallelism.of(2)) {
            viaRegistry = new Trainer(d.training(), p, registry).fit(model(d, graph, SEED), split);
            // Without a registry the trainer finds the optimiser on the class path by itself.
            viaDefaults = new Trainer(d.training(), p).fit(model(d, graph, SEED), split);
        }
        assertThat(viaRegistry.last().loss())
                .isLessThan(0.7 * viaRegistry.history().get(0).loss());
        assertThat(viaRegistry.test().auc()).isGreaterThan(0.85);
        assertThat(viaRegistry.finalState().optimizer().name()).isEqualTo("rmsprop");
        assertThat(viaRegistry.finalState().optimizer().tensors())
                .isNotEmpty()
                .allSatisfy((name, value) -> assertThat(name).endsWith(".square-avg"));
        assertThat(numbers(viaDefaults)).isEqualTo(numbers(viaRegistry));
    }

    @Test
    void theOptimizersStateGoesThroughACheckpointFileAndTheRunResumesBitForBit() {
        ModelDescription d = ModelDescriptionFile.parse(MODEL, "extras.json");
        Graph graph = graph();
        LinkSplit split = LinkSplit.of(graph, SEED);
        try (Parallelism p = Parallelism.singleThreaded()) {
            GraphAutoencoder whole = model(d, graph, SEED);
            TrainingResult uninterrupted = new Trainer(d.training(), p, registry).fit(whole, split);

            TrainingResult stopped =
                    new Trainer(d.training(), p, registry, new StopAfter(25)).fit(model(d, graph, SEED), split);
            Path file = dir.resolve("checkpoint.gae4j");
            GraphAutoencoder second = model(d, graph, SEED + 1);
            SavedModelFile.write(
                    SavedModel.checkpoint(d, java.util.Optional.empty(), second, stopped.finalState()), file);
            SavedModel saved = SavedModelFile.read(file);
            assertThat(saved.description()).isEqualTo(d);

            TrainingResult resumed = new Trainer(saved.description().training(), p, registry)
                    .fit(second, split, saved.training().orElseThrow());
            assertThat(numbers(resumed)).isEqualTo(numbers(uninterrupted));
            for (int k = 0; k < whole.weights().size(); k++) {
                assertThat(second.weights().get(k).data().data())
                        .isEqualTo(whole.weights().get(k).data().data());
            }
        }
    }
}
