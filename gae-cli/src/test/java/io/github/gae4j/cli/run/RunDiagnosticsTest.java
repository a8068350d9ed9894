// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.cli.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.gae4j.core.graph.Features;
import io.github.gae4j.core.graph.Graph;
import io.github.gae4j.core.graph.LinkSplit;
import io.github.gae4j.core.parallel.Parallelism;
import io.github.gae4j.core.spi.ComponentConfig;
import io.github.gae4j.core.spi.CreationContext;
import io.github.gae4j.datasets.DataDirectories;
import io.github.gae4j.datasets.catalog.NamedDatasetLoaderFactory;
import io.github.gae4j.runtime.baselines.LinkHeuristics;
import io.github.gae4j.runtime.diagnostics.Baseline;
import io.github.gae4j.runtime.diagnostics.DiagnosticThresholds;
import io.github.gae4j.runtime.diagnostics.TrainingDiagnostics;
import io.github.gae4j.runtime.diagnostics.Warning;
import io.github.gae4j.runtime.model.GraphAutoencoder;
import io.github.gae4j.runtime.model.ModelAssembler;
import io.github.gae4j.runtime.model.ModelSpec;
import io.github.gae4j.runtime.plugin.PluginRegistry;
import io.github.gae4j.runtime.train.Trainer;
import io.github.gae4j.runtime.train.TrainerConfig;
import io.github.gae4j.runtime.train.TrainingResult;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The collapse diagnostics on a real collapse, GAE on Amazon Computers with its raw bag-of-words features (loss
 * 0.68 → 48.6 at epoch 2, then validation AUC 0.5), and how {@code gae train} prints the warnings.
 */
final class RunDiagnosticsTest {

    /**
     * The graph is loaded as the files give it and trained as {@code gae train} trains the {@code gae} preset (the
     * reference split and initial weights from the seed), so the raw features are pinned here whatever the CLI's
     * default preprocessing becomes. 20 epochs instead of 200 keep it short; the early-best rule is judged at 10 %
     * instead of 5 % for that reason (best epoch 2 of 20).
     */
    @Test
    void rawAmazonComputersCollapsesAndEveryCollapseWarningFires() {
        Optional<Path> root = DataDirectories.find()
                .filter(r -> Files.isRegularFile(r.resolve("npz").resolve("amazon_electronics_computers.npz")));
        Assumptions.assumeTrue(
                root.isPresent(),
                "Amazon Computers not found: set GAE_DATA_DIR or put the shared datasets at ../shared/datasets");
        Graph graph = new NamedDatasetLoaderFactory()
                .create(
                        ComponentConfig.of(
                                "name",
                                "amazon-computers",
                                "data-dir",
                                root.get().toString()),
                        new CreationContext(0, 0, 0))
                .load();
        assertThat(graph.features()).get().isInstanceOf(Features.Sparse.class);
        long seed = 0;
        TrainerConfig config = TrainerConfig.builder().seed(seed).epochs(20).build();
        LinkSplit split = LinkSplit.of(graph, LoadedRun.DEFAULT_VAL, LoadedRun.DEFAULT_TEST, seed);
        GraphAutoencoder model = new ModelAssembler(PluginRegistry.discover())
                .assemble(
                        ModelSpec.gae(),
                        new CreationContext(graph.featuresOrIdentity().dim(), graph.nodeCount(), seed));
        List<Warning> heard = new ArrayList<>();
        try (Parallelism threads = Parallelism.of(2)) {
            TrainingDiagnostics diagnostics = TrainingDiagnostics.of(
                    DiagnosticThresholds.defaults().withEarlyBest(0.1, 20), config, model, split, threads, heard::add);
            TrainingResult result = new Trainer(config, threads, diagnostics).fit(model, split);
            diagnostics.finish(result);

            assertThat(result.bestEpoch()).isEqualTo(2);
            assertThat(heard).isEqualTo(diagnostics.warnings());
            assertThat(heard)
                    .extracting(Warning::code)
                    .containsExactlyInAnyOrder(
                            "loss-spike", "rank-one-embeddings", "dead-units", "flat-auc", "early-best-epoch");
            assertThat(result.test().auc()).isLessThan(0.85);
            Map<String, Warning> byCode = new java.util.HashMap<>();
            heard.forEach(w -> byCode.put(w.code(), w));
            assertThat(byCode.get("loss-spike").epoch()).isEqualTo(2);
            assertThat(byCode.get("loss-spike").message())
                    .contains("at epoch 2, from 0.6806 to 48.5", "mean row sum 267");
            assertThat(byCode.get("loss-spike").advice())
                    .contains("--normalize-features", "--no-features", "--lr 0.001");
            assertThat(byCode.get("flat-auc").message()).contains("0.5000");
            assertThat(byCode.get("dead-units").message()).contains("of the encoder's 32 hidden ReLU units");
            assertThat(byCode.get("early-best-epoch").message()).contains("epoch is 2 of 20");
            // Raised as they happened: the spike first, the verdict on the best epoch last.
            assertThat(heard.get(0).code()).isEqualTo("loss-spike");
            assertThat(heard.get(heard.size() - 1).code()).isEqualTo("early-best-epoch");

            // The heuristics on the same test pairs, as gae train compares them: resource allocation wins by far.
            Baseline best = RunDiagnostics.bestHeuristic(LinkHeuristics.evaluate(split, threads));
            assertThat(best.auc()).isGreaterThan(0.95);
            assertThat(diagnostics.compareWithBaseline(result.test().auc(), Optional.of(best)))
                    .hasValueSatisfying(w -> assertThat(w.message()).contains("points below " + best.name()));
        }
    }

    /** The default run on the built-in graph is healthy: nothing printed, an empty list in run.json. */
    @Test
    void aHealthyDefaultRunRaisesNoWarning(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path out = dir.resolve("run");
        StringWriter stdout = new StringWriter();
        StringWriter stderr = new StringWriter();
        int code = io.github.gae4j.cli.GaeCommand.execute(
                new String[] {
                    "train",
                    "--seed",
                    "0",
                    "--out",
                    out.toString(),
                    "--no-report",
                    "--no-embeddings",
                    "--threads",
                    "2",
                    "--progress",
                    "lines"
                },
                new PrintWriter(stdout),
                new PrintWriter(stderr));
        assertThat(code).as(stderr.toString()).isZero();
        assertThat(stdout.toString() + stderr).doesNotContain("warning [");
        com.fasterxml.jackson.databind.JsonNode json = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(out.resolve("run.json").toFile());
        assertThat(json.get("warnings").isArray()).isTrue();
        assertThat(json.get("warnings")).isEmpty();
    }

    @Test
    void runJsonHoldsEachWarningsCodeEpochMessageAndAdvice() {
        com.fasterxml.jackson.databind.node.ObjectNode json = io.github.gae4j.runtime.files.Json.object();
        RunDiagnostics.writeJson(
                json,
                List.of(
                        new Warning("flat-auc", 9, "Flat.", "Try B."),
                        new Warning("below-baseline", 0, "Below.", "Try C.")));
        assertThat(json.toString())
                .isEqualTo("{\"warnings\":[{\"code\":\"flat-auc\",\"epoch\":9,\"message\":"
                        + "\"Flat.\",\"advice\":\"Try B.\"},{\"code\":\"below-baseline\",\"epoch\":0,\"message\":"
                        + "\"Below.\",\"advice\":\"Try C.\"}]}");
    }

    /** Printed lines carry the code; an advice already given is not repeated. */
    @Test
    void theSummaryPrintsEveryWarningAndEachAdviceOnce() {
        List<Warning> warnings = List.of(
                new Warning("loss-spike", 2, "Jumped.", "Try A."),
                new Warning("flat-auc", 9, "Flat.", "Try B."),
                new Warning("dead-units", 10, "Dead.", "Try A."));
        StringWriter text = new StringWriter();
        try (PrintWriter out = new PrintWriter(text)) {
            RunDiagnostics.printSummary(out, warnings);
        }
        assertThat(text.toString().lines())
                .containsExactly(
                        "3 warnings:",
                        "  warning [loss-spike] Jumped. Try A.",
                        "  warning [flat-auc] Flat. Try B.",
                        "  warning [dead-units] Dead.");
        StringWriter none = new StringWriter();
        RunDiagnostics.printSummary(new PrintWriter(none), List.of());
        assertThat(none.toString()).isEmpty();
    }
}
