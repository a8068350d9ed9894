// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.examples.newnodes;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.gae4j.core.graph.Graph;
import io.github.gae4j.core.spi.CreationContext;
import io.github.gae4j.datasets.DataDirectories;
import io.github.gae4j.runtime.model.ComponentSpec;
import io.github.gae4j.runtime.model.ModelAssembler;
import io.github.gae4j.runtime.model.ModelSpec;
import io.github.gae4j.runtime.plugin.ComponentKind;
import io.github.gae4j.runtime.plugin.PluginRegistry;
import io.github.gae4j.runtime.train.TrainerConfig;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The new-nodes measurement on Cora and CiteSeer (GAE, the paper's recipe): 10 % of the nodes removed, trained on the
 * rest, added back with half their edges; link AUC/AP on the other half beside a model trained with them. One seed by
 * default; {@code -Dgae4j.newnodes.seeds=N} for more, {@code -Dgae4j.newnodes.model=vgae} for VGAE. Prints a table;
 * skipped without the data.
 */
final class NewNodesRealDataTest {

    private static final PluginRegistry PLUGINS = PluginRegistry.discover(NewNodesRealDataTest.class.getClassLoader());

    @ParameterizedTest
    @ValueSource(strings = {"cora", "citeseer"})
    void newNodesOnRealData(String name) {
        Optional<Path> root = DataDirectories.find();
        Assumptions.assumeTrue(
                root.isPresent(), "No datasets: set GAE_DATA_DIR or put the shared datasets at ../shared/datasets");
        Path dir = root.get().resolve("linqs").resolve(name);
        Assumptions.assumeTrue(dir.toFile().isDirectory(), "No linqs/" + name + " under " + root.get());
        Graph graph = new ModelAssembler(PLUGINS)
                .create(ComponentKind.DATASET, ComponentSpec.of("linqs", "path", dir), new CreationContext(0, 0, 0))
                .load();
        int seeds = Integer.getInteger("gae4j.newnodes.seeds", 1);
        ModelSpec spec = "vgae".equals(System.getProperty("gae4j.newnodes.model")) ? ModelSpec.vgae() : ModelSpec.gae();
        TrainerConfig recipe =
                TrainerConfig.builder().epochs(200).learningRate(0.01).build();
        double[] sum = new double[4];
        System.out.printf(Locale.ROOT, "%n%s, %s: %s%n", name, spec.encoder().name(), graph);
        System.out.printf(
                Locale.ROOT,
                "%-5s %6s %9s %9s %9s %9s %9s%n",
                "seed",
                "new",
                "positives",
                "ind AUC",
                "ind AP",
                "full AUC",
                "full AP");
        for (long seed = 1; seed <= seeds; seed++) {
            NewNodesExperiment.Result r = NewNodesExperiment.run(graph, spec, recipe, 0.10, 0.5, seed, PLUGINS, 2);
            System.out.printf(
                    Locale.ROOT,
                    "%-5d %6d %9d %9.4f %9.4f %9.4f %9.4f%n",
                    seed,
                    r.newNodes(),
                    r.positives(),
                    r.inductive().auc(),
                    r.inductive().ap(),
                    r.full().auc(),
                    r.full().ap());
            sum[0] += r.inductive().auc();
            sum[1] += r.inductive().ap();
            sum[2] += r.full().auc();
            sum[3] += r.full().ap();
            assertThat(r.inductive().auc())
                    .as("%s inductive AUC, seed %d", name, seed)
                    .isGreaterThan(0.75);
            assertThat(r.inductive().auc())
                    .as("%s inductive vs full AUC, seed %d", name, seed)
                    .isGreaterThan(r.full().auc() - 0.1);
        }
        System.out.printf(
                Locale.ROOT,
                "%-5s %6s %9s %9.4f %9.4f %9.4f %9.4f%n",
                "mean",
                "",
                "",
                sum[0] / seeds,
                sum[1] / seeds,
                sum[2] / seeds,
                sum[3] / seeds);
    }
}
