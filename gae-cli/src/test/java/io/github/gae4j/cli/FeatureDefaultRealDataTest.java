// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.gae4j.cli.run.RunFiles;
import io.github.gae4j.datasets.DataDirectories;
import io.github.gae4j.runtime.checkpoint.SavedModelFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The default {@code gae train} on Amazon Computers (dense binary bag-of-words, 267 of 767 words per node) no
 * longer collapses: with the features as loaded the loss jumped 0.68 → 48.6 at epoch 2 and validation AUC sat at
 * 0.5 from epoch 5. Ten epochs (a probe of each candidate, then the run) show the difference; skipped without
 * the shared datasets.
 */
final class FeatureDefaultRealDataTest {

    @TempDir
    Path dir;

    private static Path dataRoot() {
        Optional<Path> root = DataDirectories.find()
                .filter(r -> Files.isRegularFile(r.resolve("npz/amazon_electronics_computers.npz")));
        Assumptions.assumeTrue(
                root.isPresent(),
                "Amazon Computers not found: set GAE_DATA_DIR or put the shared datasets at ../shared/datasets");
        return root.get();
    }

    @Test
    void theDefaultDoesNotCollapseOnDenseBagOfWords() throws IOException {
        Path root = dataRoot();
        Path run = dir.resolve("amazon");
        Cli r = Cli.run(
                "train",
                "-d",
                "amazon-computers",
                "--data-dir",
                root.toString(),
                "--epochs",
                "10",
                "--seed",
                "0",
                "--no-report",
                "--no-embeddings",
                "--progress",
                "none",
                "-o",
                run.toString());
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.err()).contains("features: trying row-normalized", "features: trying none");

        JsonNode json = TrainEvalEmbedTest.json(run.resolve(RunFiles.RUN_JSON));
        JsonNode features = json.get("features");
        assertThat(features.get("asked").asText()).isEqualTo("auto");
        assertThat(features.get("used").asText()).isIn("row-normalized", "none");
        assertThat(features.get("reason").asText()).contains("mean row sum 267.2");
        assertThat(r.out()).contains("features: " + features.get("used").asText() + " (");
        // eval and embed rebuild the same input from the provenance.
        assertThat(SavedModelFile.read(run.resolve(RunFiles.MODEL))
                        .provenance()
                        .orElseThrow()
                        .dataset()
                        .features()
                        .key())
                .isEqualTo(features.get("used").asText());

        JsonNode history = json.get("history");
        double lastVal = 0;
        for (int i = 1; i < history.size(); i++) {
            double before = history.get(i - 1).get("loss").asDouble();
            double after = history.get(i).get("loss").asDouble();
            assertThat(after).as("loss at epoch %d after %s", i + 1, before).isLessThan(3 * before);
            lastVal = history.get(i).get("val-auc").asDouble();
        }
        // Collapsed, it sat at 0.5000 from epoch 5 on.
        assertThat(lastVal).as("validation AUC at the last epoch").isGreaterThan(0.7);
    }
}
