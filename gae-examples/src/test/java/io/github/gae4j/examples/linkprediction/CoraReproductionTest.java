// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.examples.linkprediction;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.gae4j.datasets.DataDirectories;
import io.github.gae4j.runtime.plugin.PluginRegistry;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Guards the Kipf &amp; Welling reproduction on Cora (DESIGN.md recipe, 5 seeds) with a floor below
 * the paper (91.0/92.0 GAE, 91.4/92.6 VGAE) so that regressions fail CI. Skipped without the data.
 */
final class CoraReproductionTest {

    private static final PluginRegistry PLUGINS = PluginRegistry.discover(CoraReproductionTest.class.getClassLoader());

    private static final double FLOOR = 0.88;

    @Test
    void gaeAndVgaeReproduceThePaperOnCora() {
        Optional<Path> root = DataDirectories.find();
        Assumptions.assumeTrue(
                root.isPresent(), "Cora not found: set GAE_DATA_DIR or put the shared datasets at ../shared/datasets");
        Path cora = root.get().resolve("linqs").resolve("cora");
        Assumptions.assumeTrue(cora.toFile().isDirectory(), "No linqs/cora under " + root.get());

        Options options = Options.parse("--data-dir", root.get().toString(), "--seeds", "5");
        LinkPredictionExample.Result result =
                LinkPredictionExample.run(options, PLUGINS, new PrintStream(System.out, true));

        assertThat(result.nodes()).isEqualTo(2708);
        assertThat(result.edges()).isEqualTo(5278);
        for (ModelResult m : result.models()) {
            assertThat(m.meanAuc()).as("%s mean test AUC on Cora", m.model()).isGreaterThan(FLOOR);
            assertThat(m.meanAp()).as("%s mean test AP on Cora", m.model()).isGreaterThan(FLOOR);
        }
    }
}
