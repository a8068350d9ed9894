// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.cli.reproduce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.gae4j.core.error.GaeException;
import io.github.gae4j.core.graph.DirectedLinkSplit.Task;
import io.github.gae4j.datasets.DataDirectories;
import io.github.gae4j.runtime.model.ModelAssembler;
import io.github.gae4j.runtime.model.ModelSpec;
import io.github.gae4j.runtime.plugin.PluginRegistry;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** A short smoke run of the directed reproduction on Cora: every task and model, one seed, a few epochs. */
final class DirectedReproduceTest {

    private static final ModelAssembler ASSEMBLER =
            new ModelAssembler(PluginRegistry.discover(DirectedReproduceTest.class.getClassLoader()));

    @Test
    void printsTheTableForEveryTaskAndModel() {
        Optional<Path> root = DataDirectories.find()
                .filter(r -> r.resolve("linqs").resolve("cora").toFile().isDirectory());
        Assumptions.assumeTrue(
                root.isPresent(),
                "LINQS Cora not found: set GAE_DATA_DIR or put the shared datasets at ../shared/datasets");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        List<DirectedReproduce.Cell> cells = DirectedReproduce.run(
                ASSEMBLER,
                root.get(),
                List.of("cora"),
                DirectedReproduce.MODELS,
                DirectedReproduce.TASKS,
                1,
                20,
                2,
                new PrintStream(bytes, true, StandardCharsets.UTF_8));
        assertThat(cells).hasSize(3 * DirectedReproduce.MODELS.size());
        for (DirectedReproduce.Cell c : cells) {
            assertThat(c.auc()).hasSize(1);
            assertThat(c.auc()[0]).as("%s %s AUC", c.task(), c.model()).isBetween(0.0, 1.0);
            assertThat(c.millisPerEpoch()[0]).isPositive();
        }
        DirectedReproduce.Cell gaeBiased = cells.stream()
                .filter(c -> c.model().equals("gae") && c.task().equals("biased-negative"))
                .findFirst()
                .orElseThrow();
        // A symmetric decoder scores i → j and j → i alike: it cannot tell the test pairs apart.
        assertThat(gaeBiased.auc()[0]).isEqualTo(0.5);
        DirectedReproduce.Cell gravityBiased = cells.stream()
                .filter(c -> c.model().equals("gravity-gae") && c.task().equals("biased-negative"))
                .findFirst()
                .orElseThrow();
        assertThat(gravityBiased.auc()[0]).isGreaterThan(0.6);
        String table = bytes.toString(StandardCharsets.UTF_8);
        assertThat(table)
                .contains("Salha et al. (2019)")
                .contains("bidirectional")
                .contains("source-target-gae")
                .contains("ms/epoch");
    }

    @Test
    void recipesFollowTheReferenceCommands() {
        assertThat(DirectedReproduce.spec("cora", Task.GENERAL, "gravity-gae")
                        .encoder()
                        .config()
                        .getInt("latent", 0))
                .isEqualTo(33);
        assertThat(DirectedReproduce.spec("cora", Task.BIASED_NEGATIVE, "gravity-gae")
                        .decoder()
                        .config()
                        .getDouble("lambda", 0))
                .isEqualTo(0.05);
        assertThat(DirectedReproduce.spec("cora", Task.BIASED_NEGATIVE, "source-target-gae")
                        .encoder()
                        .config()
                        .getInt("latent", 0))
                .isEqualTo(64);
        assertThat(DirectedReproduce.spec("citeseer", Task.BIASED_NEGATIVE, "source-target-gae")
                        .encoder()
                        .config()
                        .getInt("latent", 0))
                .isEqualTo(32);
        // The variational forms: Gaussian encoder, KL term; task 2's gravity VAE is not normalised (reference
        // commands).
        ModelSpec gravityVae = DirectedReproduce.spec("cora", Task.BIASED_NEGATIVE, "gravity-vae");
        assertThat(gravityVae.encoder().name()).isEqualTo("vgae");
        assertThat(gravityVae.encoder().config().getInt("latent", 0)).isEqualTo(33);
        assertThat(gravityVae.sampler().name()).isEqualTo("gaussian");
        assertThat(gravityVae.losses()).extracting(l -> l.component().name()).containsExactly("weighted-bce", "kl");
        assertThat(gravityVae.decoder().config().getBoolean("normalize", true)).isFalse();
        assertThat(DirectedReproduce.spec("cora", Task.BIASED_NEGATIVE, "source-target-vae")
                        .encoder()
                        .config()
                        .getInt("latent", 0))
                .isEqualTo(32);
        assertThatThrownBy(() -> DirectedReproduce.run(
                        ASSEMBLER,
                        Path.of("."),
                        List.of("cora"),
                        List.of("arga"),
                        DirectedReproduce.TASKS,
                        1,
                        1,
                        1,
                        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)))
                .isInstanceOf(GaeException.class)
                .hasMessageContaining("known models");
    }
}
