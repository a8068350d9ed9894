// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.gae4j.cli.run.RunFiles;
import io.github.gae4j.runtime.checkpoint.SavedModelFile;
import io.github.gae4j.runtime.provenance.Provenance;
import java.io.IOException;
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
