// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.gae4j.cli.run.FeatureChoice;
import io.github.gae4j.cli.run.FeatureMode;
import io.github.gae4j.cli.run.FeaturelessRecipe;
import io.github.gae4j.cli.run.RunFiles;
import io.github.gae4j.runtime.checkpoint.SavedModelFile;
import io.github.gae4j.runtime.files.ModelDescription;
import io.github.gae4j.runtime.model.ModelSpec;
import io.github.gae4j.runtime.provenance.Provenance;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --features}: the choice printed, written to run.json and recorded in the provenance; bad values refused. */
final class FeatureModeCliTest {

    @TempDir
    Path dir;

    private Cli train(String out, String... extra) {
        String[] base = {
            "train",
            "--epochs",
            "2",
            "--no-report",
            "--no-embeddings",
            "--out",
            dir.resolve(out).toString()
        };
        String[] args = new String[base.length + extra.length + TrainEvalEmbedTest.SMALL.length];
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(extra, 0, args, base.length, extra.length);
        System.arraycopy(
                TrainEvalEmbedTest.SMALL, 0, args, base.length + extra.length, TrainEvalEmbedTest.SMALL.length);
        return Cli.run(args);
    }

    @Test
    void autoIsTheDefaultAndSaysWhy() throws IOException {
        Cli r = train("auto");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        // The synthetic graph's features are Gaussian: signed, so used as loaded without a probe.
        assertThat(r.out()).contains("features: as-loaded (signed values, min ").doesNotContain("trying");
        JsonNode features = TrainEvalEmbedTest.json(dir.resolve("auto").resolve(RunFiles.RUN_JSON))
                .get("features");
        assertThat(features.get("asked").asText()).isEqualTo("auto");
        assertThat(features.get("used").asText()).isEqualTo("as-loaded");
        assertThat(features.has("validation-auc")).isFalse();
    }

    @Test
    void anExplicitModeIsRecordedForEval() throws IOException {
        Cli r = train("none", "--features", "none");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).contains("features: none (as asked: --features none)");
        Path run = dir.resolve("none");
        assertThat(TrainEvalEmbedTest.json(run.resolve(RunFiles.RUN_JSON))
                        .get("features")
                        .get("used")
                        .asText())
                .isEqualTo("none");
        assertThat(SavedModelFile.read(run.resolve(RunFiles.MODEL))
                        .provenance()
                        .orElseThrow()
                        .dataset()
                        .features())
                .isEqualTo(Provenance.Features.NONE);
        Cli eval = Cli.run("eval", run.toString());
        assertThat(eval.exitCode()).as(eval.toString()).isZero();
    }

    @Test
    void withoutFeaturesTheDefaultModelIsTheFeaturelessRecipeUnlessAModelIsNamed() throws IOException {
        Path edges = dir.resolve("ring.txt");
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 150; i++) {
            for (int k : new int[] {1, 7, 13}) {
                text.append(i).append('\t').append((i + k) % 150).append('\n');
            }
        }
        Files.writeString(edges, text.toString());

        Cli auto = Cli.run(
                "train",
                "-d",
                edges.toString(),
                "--no-report",
                "--no-embeddings",
                "--threads",
                "2",
                "--out",
                dir.resolve("recipe").toString());
        assertThat(auto.exitCode()).as(auto.toString()).isZero();
        assertThat(auto.out()).contains("features: none").contains(FeaturelessRecipe.note());
        ModelDescription used = SavedModelFile.read(dir.resolve("recipe").resolve(RunFiles.MODEL))
                .description();
        assertThat(used.model()).isEqualTo(FeaturelessRecipe.spec());
        assertThat(used.training().epochs()).isEqualTo(600);
        assertThat(used.training().learningRate()).isEqualTo(0.02);

        Cli named = Cli.run(
                "train",
                "-d",
                edges.toString(),
                "--model",
                "gae",
                "--no-report",
                "--no-embeddings",
                "--threads",
                "2",
                "--out",
                dir.resolve("reference").toString());
        assertThat(named.exitCode()).as(named.toString()).isZero();
        assertThat(named.out()).doesNotContain("model: gae with negative sampling");
        ModelDescription reference = SavedModelFile.read(
                        dir.resolve("reference").resolve(RunFiles.MODEL))
                .description();
        assertThat(reference.model()).isEqualTo(ModelSpec.gae());
        assertThat(reference.training().epochs()).isEqualTo(200);
    }

    @Test
    void theRecipeNeedsAutoNoFeaturesAndNoModelChosen() {
        FeatureChoice none = FeatureChoice.of(Provenance.Features.NONE, "no features");
        FeatureChoice kept = FeatureChoice.of(Provenance.Features.AS_LOADED, "kept");
        assertThat(FeaturelessRecipe.applies(FeatureMode.AUTO, none, false)).isTrue();
        assertThat(FeaturelessRecipe.applies(FeatureMode.AUTO, none, true)).isFalse();
        assertThat(FeaturelessRecipe.applies(FeatureMode.NONE, none, false)).isFalse();
        assertThat(FeaturelessRecipe.applies(FeatureMode.AUTO, kept, false)).isFalse();
    }

    @Test
    void badValuesAreUsageErrors() {
        Cli bogus = train("bogus", "--features", "scaled");
        assertThat(bogus.exitCode()).isEqualTo(2);
        assertThat(bogus.err())
                .contains("--features must be one of auto, as-loaded, row-normalized, none, got 'scaled'")
                .doesNotContain("\tat ");
        Cli contradiction = train("contradiction", "--features", "as-loaded", "--normalize-features");
        assertThat(contradiction.exitCode()).isEqualTo(2);
        assertThat(contradiction.err()).contains("--features as-loaded contradicts --normalize-features");
    }
}
