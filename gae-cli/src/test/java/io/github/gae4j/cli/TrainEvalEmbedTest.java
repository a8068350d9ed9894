// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.gae4j.cli.run.RunFiles;
import io.github.gae4j.datasets.npz.NpyArray;
import io.github.gae4j.runtime.checkpoint.SavedModel;
import io.github.gae4j.runtime.checkpoint.SavedModelFile;
import io.github.gae4j.runtime.files.Json;
import io.github.gae4j.runtime.provenance.Provenance;
import io.github.gae4j.runtime.train.LearningRateSchedule;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The newcomer's path on the synthetic graph: train, eval, embed; the files are there and readable. */
final class TrainEvalEmbedTest {

    /** A small synthetic graph so the whole class runs in seconds. */
    static final String[] SMALL = {
        "--dataset-option",
        "nodes=300",
        "--dataset-option",
        "communities=5",
        "--dataset-option",
        "feature-dim=16",
        "--dataset-option",
        "p-in=0.15",
        "--dataset-option",
        "p-out=0.003",
        "--threads",
        "2",
        "--progress",
        "lines"
    };

    @TempDir
    static Path dir;

    static Path run;
    static Cli train;

    @BeforeAll
    static void trainOnce() {
        run = dir.resolve("run");
        train = Cli.run(
                concat(new String[] {"train", "--epochs", "60", "--seed", "3", "--out", run.toString()}, SMALL));
    }

    static String[] concat(String[] a, String[] b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    @Test
    void trainWritesTheRunDirectory() throws IOException {
        assertThat(train.exitCode()).as(train.toString()).isZero();
        assertThat(train.out())
                .contains("gae train: gae on sbm")
                .contains("test AUC")
                .contains("clustering ACC")
                .contains("wrote " + run);
        assertThat(train.err()).contains("epoch 6/60").contains("epoch 60/60").contains("val AUC");
        for (String f : List.of(
                RunFiles.MODEL,
                RunFiles.CHECKPOINT,
                RunFiles.RUN_JSON,
                RunFiles.REPORT,
                "embeddings.csv",
                "embeddings.npy",
                "node_ids.npy",
                "loss.png",
                "validation.png",
                "roc.png",
                "pr.png",
                "pca.png",
                "tsne.png")) {
            assertThat(run.resolve(f)).as(f).isRegularFile();
            assertThat(Files.size(run.resolve(f))).as(f).isGreaterThan(100);
        }
        JsonNode json = json(run.resolve(RunFiles.RUN_JSON));
        JsonNode results = json.get("results");
        assertThat(results.get("test-auc").doubleValue()).isGreaterThan(0.8);
        assertThat(json.get("history")).hasSize(60);
        String html = Files.readString(run.resolve(RunFiles.REPORT));
        assertThat(html).contains("data:image/png;base64,").contains("test AUC");
    }

    @Test
    void gradClipReachesTheSavedDescription() {
        Path clipped = dir.resolve("clipped");
        Cli r = Cli.run(concat(
                new String[] {"train", "--epochs", "3", "--grad-clip", "0.5", "--no-report", "--out", clipped.toString()
                },
                SMALL));
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(SavedModelFile.read(clipped.resolve(RunFiles.CHECKPOINT))
                        .description()
                        .training()
                        .gradientClipNorm())
                .isEqualTo(0.5);
    }

    @Test
    void lrScheduleReachesTheSavedDescription() {
        Path cosine = dir.resolve("cosine");
        Cli r = Cli.run(concat(
                new String[] {
                    "train", "--epochs", "3", "--lr-schedule", "cosine", "--no-report", "--out", cosine.toString()
                },
                SMALL));
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(SavedModelFile.read(cosine.resolve(RunFiles.CHECKPOINT))
                        .description()
                        .training()
                        .learningRateSchedule())
                .isEqualTo(LearningRateSchedule.COSINE);
    }

    /** --normalize-features is saved with the run, so eval loads the graph the model was trained on. */
    @Test
    void normalizedFeaturesAreRecordedAndReappliedByEval() throws IOException {
        Path normalized = dir.resolve("normalized");
        Cli r = Cli.run(concat(
                new String[] {
                    "train",
                    "--epochs",
                    "5",
                    "--normalize-features",
                    "--no-report",
                    "--no-embeddings",
                    "--out",
                    normalized.toString()
                },
                SMALL));
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(SavedModelFile.read(normalized.resolve(RunFiles.MODEL))
                        .provenance()
                        .orElseThrow()
                        .dataset()
                        .features())
                .isEqualTo(Provenance.Features.ROW_NORMALIZED);
        Path json = dir.resolve("normalized-eval.json");
        Cli eval = Cli.run("eval", normalized.toString(), "--json", json.toString());
        assertThat(eval.exitCode()).as(eval.toString()).isZero();
        JsonNode results = json(normalized.resolve(RunFiles.RUN_JSON)).get("results");
        JsonNode scores = json(json);
        assertThat(scores.get("test-auc")).isEqualTo(results.get("test-auc"));
        assertThat(SavedModelFile.read(run.resolve(RunFiles.MODEL))
                        .provenance()
                        .orElseThrow()
                        .dataset()
                        .features())
                .isEqualTo(Provenance.Features.AS_LOADED);

        Cli both = Cli.run(concat(
                new String[] {
                    "train",
                    "--epochs",
                    "1",
                    "--normalize-features",
                    "--no-features",
                    "--out",
                    dir.resolve("both").toString()
                },
                SMALL));
        assertThat(both.exitCode()).isNotZero();
        assertThat(both.err()).contains("--no-features and --normalize-features");
    }

    @Test
    void evalReproducesTheTrainingScoresFromTheSavedModel() throws IOException {
        Cli eval = Cli.run(
                "eval", run.toString(), "--json", dir.resolve("eval.json").toString());
        assertThat(eval.exitCode()).as(eval.toString()).isZero();
        JsonNode results = json(run.resolve(RunFiles.RUN_JSON)).get("results");
        JsonNode scores = json(dir.resolve("eval.json"));
        assertThat(scores.get("test-auc")).isEqualTo(results.get("test-auc"));
        assertThat(scores.get("test-ap")).isEqualTo(results.get("test-ap"));
        assertThat(scores.get("clustering-nmi")).isEqualTo(results.get("clustering-nmi"));
        assertThat(eval.out())
                .contains(String.format(
                        Locale.ROOT, "%.4f", results.get("test-auc").doubleValue()));
    }

    @Test
    void savedModelsRoundTrip() {
        SavedModel model = SavedModelFile.read(run.resolve(RunFiles.MODEL));
        Path copy = dir.resolve("copy.gae4j");
        SavedModelFile.write(model, copy);
        SavedModel back = SavedModelFile.read(copy);
        assertThat(back.description()).isEqualTo(model.description());
        assertThat(back.provenance()).isEqualTo(model.provenance()).isPresent();
        for (int k = 0; k < model.parameters().size(); k++) {
            assertThat(back.parameters().get(k).value())
                    .isEqualTo(model.parameters().get(k).value());
        }
        SavedModel checkpoint = SavedModelFile.read(run.resolve(RunFiles.CHECKPOINT));
        assertThat(checkpoint.training()).isPresent();
        assertThat(checkpoint.training().get().epochsDone()).isEqualTo(60);
    }

    @Test
    void embedWritesCsvAndNpyKeyedByNodeIds() throws IOException {
        Path outDir = dir.resolve("emb");
        Cli embed = Cli.run("embed", run.toString(), "--out", outDir.toString());
        assertThat(embed.exitCode()).as(embed.toString()).isZero();

        List<String> csv = Files.readAllLines(outDir.resolve("embeddings.csv"), StandardCharsets.UTF_8);
        assertThat(csv).hasSize(301);
        assertThat(csv.get(0)).startsWith("node_id,label,z0,z1,").endsWith(",z15");
        String[] first = csv.get(1).split(",", -1);
        assertThat(first).hasSize(2 + 16);

        NpyArray z = npy(outDir.resolve("embeddings.npy"));
        assertThat(z.header().shape()).containsExactly(300, 16);
        assertThat(z.getDouble(0)).isEqualTo(Double.parseDouble(first[2]));
        assertThat(z.getDouble(15)).isEqualTo(Double.parseDouble(first[17]));
        NpyArray ids = npy(outDir.resolve("node_ids.npy"));
        assertThat(ids.header().shape()).containsExactly(300);
        assertThat(ids.getString(0)).isEqualTo(first[0]);
        assertThat(ids.getString(299)).isEqualTo(csv.get(300).split(",", -1)[0]);
    }

    /** A JSON file as a tree. */
    static JsonNode json(Path file) throws IOException {
        return Json.read(Files.readString(file), Json.Syntax.JSON, file.toString())
                .root();
    }

    private static NpyArray npy(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return NpyArray.read(in, file, file.getFileName().toString());
        }
    }

    @Test
    void numpyLoadsTheFilesWherePythonIsInstalled() throws Exception {
        Path outDir = dir.resolve("emb-numpy");
        assertThat(Cli.run("embed", run.toString(), "--out", outDir.toString()).exitCode())
                .isZero();
        String script = "import numpy as np, sys; z = np.load(sys.argv[1]); ids = np.load(sys.argv[2]);"
                + " print(z.shape[0], z.shape[1], ids.shape[0], ids.dtype.kind, repr(float(z[0, 0])), ids[0])";
        Process p;
        try {
            p = new ProcessBuilder(
                            "python3",
                            "-c",
                            script,
                            outDir.resolve("embeddings.npy").toString(),
                            outDir.resolve("node_ids.npy").toString())
                    .redirectErrorStream(true)
                    .start();
        } catch (IOException e) {
            org.junit.jupiter.api.Assumptions.abort("python3 is not installed: " + e.getMessage());
            return;
        }
        String printed = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        int code = p.waitFor();
        org.junit.jupiter.api.Assumptions.assumeFalse(
                printed.contains("No module named"), "numpy is not installed for python3");
        assertThat(code).as(printed).isZero();
        String[] csvFirst =
                Files.readAllLines(outDir.resolve("embeddings.csv")).get(1).split(",", -1);
        String[] got = printed.split(" ", -1);
        assertThat(got).hasSize(6);
        assertThat(List.of(got).subList(0, 4)).containsExactly("300", "16", "300", "U");
        assertThat(Double.parseDouble(got[4])).isEqualTo(Double.parseDouble(csvFirst[2]));
        assertThat(got[5]).isEqualTo(csvFirst[0]);
    }
}
