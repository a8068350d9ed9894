// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.gae4j.cli.run.RunFiles;
import io.github.gae4j.datasets.npz.NpyArray;
import io.github.gae4j.runtime.checkpoint.SavedModel;
import io.github.gae4j.runtime.checkpoint.SavedModelFile;
import io.github.gae4j.runtime.files.Json;
import io.github.gae4j.runtime.files.LocatedTree;
import io.github.gae4j.runtime.files.ModelDescription;
import io.github.gae4j.runtime.files.ModelDescriptionFile;
import io.github.gae4j.runtime.model.ComponentSpec;
import io.github.gae4j.runtime.provenance.Provenance;
import io.github.gae4j.runtime.train.TrainingState;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Run directories written by gae4j before Jackson and typed provenance (the commit before the
 * gae-core split, {@code gae train --dataset-option nodes=150}), kept in {@code compat/}:
 * <ul>
 *   <li>{@code run}: {@code --model vgae --epochs 5}: model.gae4j and checkpoint.gae4j in format 1,
 *       run.json, the embeddings;</li>
 *   <li>{@code run2}: a GCN (hidden 16, latent 8) with negative-sampling BCE and the adversarial
 *       loss (weight 0.5, which keeps state), cosine schedule, gradient clip 2, weight decay 1e-3,
 *       4 epochs: the checkpoint is format 2, with loss state.</li>
 * </ul>
 * Their model descriptions are JSON strings and their provenance a flat string map; they must still
 * load, evaluate to the recorded scores, embed to the recorded embeddings, and resume.
 */
final class CompatibilityTest {

    @TempDir
    Path dir;

    private static Path fixture(String name) {
        try {
            return Path.of(
                    CompatibilityTest.class.getResource("/compat/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A copy to work in: resuming writes into the run directory. */
    private Path copy(String name) throws IOException {
        Path to = dir.resolve(name);
        Files.createDirectories(to);
        try (Stream<Path> files = Files.list(fixture(name))) {
            for (Path f : files.toList()) {
                Files.copy(f, to.resolve(f.getFileName()));
            }
        }
        return to;
    }

    private static int formatVersion(Path file) throws IOException {
        return ByteBuffer.wrap(Files.readAllBytes(file)).getInt(8);
    }

    private static JsonNode runJson(Path run) throws IOException {
        return TrainEvalEmbedTest.json(run.resolve(RunFiles.RUN_JSON));
    }

    /** The description run.json recorded next to the model (the same one the model file holds as a string). */
    private static ModelDescription recordedDescription(Path run) throws IOException {
        Path file = run.resolve(RunFiles.RUN_JSON);
        LocatedTree tree = Json.read(Files.readString(file), Json.Syntax.JSON, file.toString());
        return ModelDescriptionFile.read(tree, tree.root().get("model"), "/model");
    }

    @Test
    void oldModelFilesAndCheckpointsRead() throws IOException {
        for (String name : List.of("run", "run2")) {
            Path run = fixture(name);
            ModelDescription recorded = recordedDescription(run);
            for (String file : List.of(RunFiles.MODEL, RunFiles.CHECKPOINT)) {
                SavedModel saved = SavedModelFile.read(run.resolve(file));
                assertThat(saved.description()).as(name + "/" + file).isEqualTo(recorded);
                Provenance p = saved.provenance().orElseThrow();
                assertThat(p.gae4jVersion()).isEqualTo("dev");
                assertThat(p.seeds()).isEqualTo(Provenance.Seeds.all(42));
                assertThat(p.split()).isEqualTo(new Provenance.Split(0.05, 0.1));
                assertThat(p.model()).isEqualTo(recorded.model());
                assertThat(p.plugins()).as("not recorded then").isEmpty();
                assertThat(p.dataset())
                        .isEqualTo(new Provenance.Dataset(
                                "synthetic",
                                Optional.of(ComponentSpec.of("sbm", "nodes", 150)),
                                Provenance.Features.AS_LOADED,
                                150,
                                105,
                                Optional.empty()));
            }
        }
        assertThat(formatVersion(fixture("run").resolve(RunFiles.CHECKPOINT))).isEqualTo(1);
        assertThat(formatVersion(fixture("run2").resolve(RunFiles.CHECKPOINT))).isEqualTo(2);
        TrainingState state = SavedModelFile.read(fixture("run2").resolve(RunFiles.CHECKPOINT))
                .training()
                .orElseThrow();
        assertThat(state.epochsDone()).isEqualTo(4);
        assertThat(state.lossState()).containsKeys("negative-sampling-bce", "adversarial");
        assertThat(state.lossState().get("adversarial")).containsKeys("calls", "discriminator.layer1.weight");
    }

    @Test
    void evalOnOldRunsGivesTheRecordedScores() throws IOException {
        for (String name : List.of("run", "run2")) {
            Path scores = dir.resolve(name + "-eval.json");
            Cli eval = Cli.run("eval", fixture(name).toString(), "--json", scores.toString(), "--threads", "2");
            assertThat(eval.exitCode()).as(eval.toString()).isZero();
            JsonNode recorded = runJson(fixture(name)).get("results");
            JsonNode now = TrainEvalEmbedTest.json(scores);
            for (String key : List.of("test-auc", "test-ap", "clustering-acc", "clustering-nmi", "clustering-ari")) {
                assertThat(now.get(key).doubleValue())
                        .as(name + " " + key)
                        .isCloseTo(recorded.get(key).doubleValue(), within(1e-9));
            }
        }
    }

    @Test
    void theOldModelEmbedsToTheRecordedEmbeddings() throws IOException {
        Path out = dir.resolve("emb");
        Cli embed = Cli.run("embed", fixture("run").toString(), "--out", out.toString(), "--threads", "2");
        assertThat(embed.exitCode()).as(embed.toString()).isZero();
        NpyArray recorded = npy(fixture("run").resolve("embeddings.npy"));
        NpyArray now = npy(out.resolve("embeddings.npy"));
        assertThat(now.header().shape()).containsExactly(recorded.header().shape());
        assertThat(recorded.size()).isEqualTo(150 * 16);
        for (int k = 0; k < recorded.size(); k++) {
            // Exact today; a little room for kernels that may sum in another order one day.
            assertThat(now.getDouble(k)).as("entry %d", k).isCloseTo(recorded.getDouble(k), within(1e-9));
        }
        NpyArray ids = npy(out.resolve("node_ids.npy"));
        NpyArray recordedIds = npy(fixture("run").resolve("node_ids.npy"));
        for (int k = 0; k < recordedIds.size(); k++) {
            assertThat(ids.getString(k)).isEqualTo(recordedIds.getString(k));
        }
    }

    /** The format 1 checkpoint continues as if the run had never stopped, and is written back in the current format. */
    @Test
    void anOldCheckpointResumesAsAnUninterruptedRun() throws IOException {
        Path run = copy("run");
        Cli resumed = Cli.run(
                "train",
                "--resume",
                run.toString(),
                "--epochs",
                "7",
                "--progress",
                "none",
                "--no-report",
                "--no-embeddings",
                "--threads",
                "2");
        assertThat(resumed.exitCode()).as(resumed.toString()).isZero();
        assertThat(resumed.out()).contains("resuming after epoch 5");

        Path whole = dir.resolve("whole");
        Cli uninterrupted = Cli.run(
                "train",
                "--model",
                "vgae",
                "--epochs",
                "7",
                "--dataset-option",
                "nodes=150",
                "--progress",
                "none",
                "--no-report",
                "--no-embeddings",
                "--threads",
                "2",
                "--out",
                whole.toString());
        assertThat(uninterrupted.exitCode()).as(uninterrupted.toString()).isZero();

        JsonNode a = runJson(run);
        JsonNode b = runJson(whole);
        assertThat(a.get("history")).hasSize(7);
        for (int e = 0; e < 7; e++) {
            for (String key : List.of("loss", "val-auc", "val-ap")) {
                assertThat(a.get("history").get(e).get(key).doubleValue())
                        .as("epoch %d %s", e + 1, key)
                        .isCloseTo(b.get("history").get(e).get(key).doubleValue(), within(1e-9));
            }
        }
        assertThat(a.at("/results/test-auc").doubleValue())
                .isCloseTo(b.at("/results/test-auc").doubleValue(), within(1e-9));

        assertThat(formatVersion(run.resolve(RunFiles.CHECKPOINT))).isEqualTo(SavedModelFile.FORMAT_VERSION);
        SavedModel checkpoint = SavedModelFile.read(run.resolve(RunFiles.CHECKPOINT));
        assertThat(checkpoint.training().orElseThrow().epochsDone()).isEqualTo(7);
        Provenance now = checkpoint.provenance().orElseThrow();
        assertThat(now.gae4jVersion()).isEqualTo(Provenance.currentVersion());
        assertThat(now.plugins())
                .extracting(Provenance.PluginUse::name)
                .containsExactly("vgae", "gaussian", "inner-product", "weighted-bce", "kl", "sbm");
        assertThat(now.dataset().fingerprint())
                .as("recorded again on resume")
                .isEqualTo(SavedModelFile.read(whole.resolve(RunFiles.MODEL))
                        .provenance()
                        .orElseThrow()
                        .dataset()
                        .fingerprint())
                .isPresent();
        assertThat(a.get("provenance")).isNotNull();
        assertThat(a.has("metadata")).isFalse();
    }

    /** The format 2 checkpoint resumes with its loss state (the adversarial term's discriminator). */
    @Test
    void anOldCheckpointWithLossStateResumes() throws IOException {
        Path run = copy("run2");
        Cli resumed = Cli.run(
                "train",
                "--resume",
                run.toString(),
                "--epochs",
                "6",
                "--progress",
                "none",
                "--no-report",
                "--no-embeddings",
                "--threads",
                "2");
        assertThat(resumed.exitCode()).as(resumed.toString()).isZero();
        assertThat(resumed.err())
                .contains("cosine learning-rate schedule now spans 6 epochs instead of 4")
                .doesNotContain("holds no state of loss term");
        TrainingState state =
                SavedModelFile.read(run.resolve(RunFiles.CHECKPOINT)).training().orElseThrow();
        assertThat(state.epochsDone()).isEqualTo(6);
        assertThat(state.lossState().get("adversarial").get("calls").scalarValue())
                .isGreaterThan(SavedModelFile.read(fixture("run2").resolve(RunFiles.CHECKPOINT))
                        .training()
                        .orElseThrow()
                        .lossState()
                        .get("adversarial")
                        .get("calls")
                        .scalarValue());
        assertThat(runJson(run).get("history")).hasSize(6);
    }

    private static NpyArray npy(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return NpyArray.read(in, file, file.getFileName().toString());
        }
    }
}
