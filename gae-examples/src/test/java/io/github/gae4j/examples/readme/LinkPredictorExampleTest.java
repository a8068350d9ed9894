// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.examples.readme;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.gae4j.core.graph.Graph;
import io.github.gae4j.core.parallel.Parallelism;
import io.github.gae4j.core.spi.CreationContext;
import io.github.gae4j.runtime.Gae;
import io.github.gae4j.runtime.checkpoint.SavedModel;
import io.github.gae4j.runtime.checkpoint.SavedModelFile;
import io.github.gae4j.runtime.files.ModelDescription;
import io.github.gae4j.runtime.model.ComponentSpec;
import io.github.gae4j.runtime.model.GraphAutoencoder;
import io.github.gae4j.runtime.model.ModelAssembler;
import io.github.gae4j.runtime.model.ModelSpec;
import io.github.gae4j.runtime.plugin.ComponentKind;
import io.github.gae4j.runtime.plugin.PluginRegistry;
import io.github.gae4j.runtime.predict.Link;
import io.github.gae4j.runtime.provenance.Provenance;
import io.github.gae4j.runtime.train.Trainer;
import io.github.gae4j.runtime.train.TrainerConfig;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the README's LinkPredictor snippet on a model file as {@code gae train} writes one: trained on a graph its
 * provenance can load again (the synthetic {@code sbm} loader), so {@code LinkPredictor.open} needs nothing else.
 */
final class LinkPredictorExampleTest {

    @TempDir
    Path dir;

    @Test
    void theSnippetScoresAPairAndListsTheBestLinksOfANodeAndOfTheGraph() {
        Path file = trainAndSave(dir.resolve("model.gae4j"));
        LinkPredictorExample.Found found = LinkPredictorExample.predict(file, "0", "1");
        assertThat(found.score()).isBetween(0.0, 1.0);
        assertThat(found.forNode())
                .hasSize(10)
                .allSatisfy(l -> assertThat(l.source()).isEqualTo("0"));
        assertThat(found.forNode()).extracting(Link::score).isSortedAccordingTo((a, b) -> Double.compare(b, a));
        assertThat(found.overall()).hasSize(100);
        assertThat(found.overall().get(0).score())
                .isGreaterThanOrEqualTo(found.forNode().get(0).score());
    }

    /** A GAE on a 200-node synthetic graph, saved with a provenance that names the graph's loader. */
    static Path trainAndSave(Path file) {
        PluginRegistry plugins = PluginRegistry.discover();
        ModelAssembler assembler = new ModelAssembler(plugins);
        ComponentSpec loader = ComponentSpec.of("sbm", "nodes", 200, "communities", 4);
        Graph graph = assembler
                .create(ComponentKind.DATASET, loader, new CreationContext(0, 0, 0))
                .load();
        ModelSpec spec = ModelSpec.gae();
        TrainerConfig config = TrainerConfig.builder().epochs(30).seed(42).build();
        Provenance provenance = Provenance.record(
                spec,
                plugins::pluginOf,
                Provenance.Seeds.all(42),
                Provenance.Dataset.of("sbm", Optional.of(loader), Provenance.Features.AS_LOADED, graph),
                Gae.REFERENCE_SPLIT);
        GraphAutoencoder model = assembler.assemble(spec, provenance.creationContext(graph));
        try (Parallelism threads = Parallelism.of(2)) {
            new Trainer(config, threads).fit(model, provenance.linkSplit(graph), null, provenance);
        }
        SavedModelFile.write(SavedModel.of(new ModelDescription(spec, config), Optional.of(provenance), model), file);
        return file;
    }
}
