// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.cli.reproduce;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.gae4j.core.graph.Graph;
import io.github.gae4j.core.graph.LinkSplit;
import io.github.gae4j.core.parallel.Parallelism;
import io.github.gae4j.datasets.DataDirectories;
import io.github.gae4j.runtime.baselines.BaselineReport;
import io.github.gae4j.runtime.baselines.LinkHeuristic;
import io.github.gae4j.runtime.baselines.LinkHeuristics;
import io.github.gae4j.runtime.model.ModelAssembler;
import io.github.gae4j.runtime.plugin.PluginRegistry;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** reproduce shows the best heuristic of each dataset under its table, on the splits of the model rows. */
final class ReproduceBaselinesTest {

    private static final ModelAssembler ASSEMBLER =
            new ModelAssembler(PluginRegistry.discover(ReproduceBaselinesTest.class.getClassLoader()));

    private static Path planetoidRoot() {
        Optional<Path> root = DataDirectories.find()
                .filter(r -> r.resolve("planetoid").toFile().isDirectory());
        Assumptions.assumeTrue(
                root.isPresent(),
                "Planetoid data not found: set GAE_DATA_DIR or put the shared datasets at ../shared/datasets");
        return root.get();
    }

    @Test
    void theBestHeuristicComesUnderTheTableWithTheModelsLead() {
        Path root = planetoidRoot();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Reproduce.run(
                ASSEMBLER,
                root,
                new Reproduce.Plan(List.of("cora"), List.of("gae"), 3, 2, 3, 2, null),
                new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String text = bytes.toString(StandardCharsets.UTF_8);
        assertThat(text).contains("Best link heuristic on the same test pairs");
        String line = text.lines()
                .filter(l -> l.startsWith("cora") && l.contains("model lead"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no heuristic line in:\n" + text));
        assertThat(line).contains("gae ");
        // Seeds 3 and 4: the heuristics of those splits, as a user would compute them with the API.
        Graph graph = Reproduce.load("cora", root, ASSEMBLER);
        ReproduceBaselines.Row row;
        try (Parallelism p = Parallelism.of(2)) {
            row = ReproduceBaselines.of(
                    "cora", graph, new Reproduce.Plan(List.of("cora"), List.of("gae"), 3, 2, 3, 2, null), p);
            BaselineReport seed4 = LinkHeuristics.evaluate(LinkSplit.of(graph, 4), p);
            assertThat(row.auc().get(LinkHeuristic.ADAMIC_ADAR)[1])
                    .isEqualTo(seed4.get(LinkHeuristic.ADAMIC_ADAR).auc());
        }
        assertThat(line)
                .contains(row.best().label())
                .contains(Reproduce.pm(row.auc().get(row.best())));
    }
}
