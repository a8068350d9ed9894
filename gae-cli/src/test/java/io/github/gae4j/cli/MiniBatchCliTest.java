// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.gae4j.cli.run.RunFiles;
import io.github.gae4j.runtime.checkpoint.SavedModel;
import io.github.gae4j.runtime.checkpoint.SavedModelFile;
import io.github.gae4j.runtime.minibatch.FanOut;
import io.github.gae4j.runtime.minibatch.MiniBatchSettings;
import io.github.gae4j.runtime.minibatch.NegativeSampling;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code gae train --batch-size B --fanout ...}: the run, what it records, resume, and each bad input's message. */
final class MiniBatchCliTest {

    @TempDir
    Path dir;

    private static String[] train(String... more) {
        return TrainEvalEmbedTest.concat(
                new String[] {"train", "--no-report", "--no-embeddings"},
                TrainEvalEmbedTest.concat(TrainEvalEmbedTest.SMALL, more));
    }

    /**
     * The default model just works: the preset's weighted-bce becomes negative-sampling-bce with a note, the fan-out
     * defaults to 25,10 for the two-layer encoder, and the model file records the mini-batch settings.
     */
    @Test
    void theDefaultModelTrainsInMiniBatchesAndTheFilesRecordTheSettings() throws IOException {
        Path run = dir.resolve("run");
        Cli c = Cli.run(train("--epochs", "3", "--batch-size", "128", "--neg-ratio", "2", "--out", run.toString()));
        assertThat(c.exitCode()).as(c.toString()).isZero();
        assertThat(c.err()).contains("note: mini-batch training replaces the preset's full-graph loss weighted-bce");
        assertThat(c.out())
                .startsWith("gae train: gae on ")
                .contains("mini-batches: 128 training edges, fan-out 25,10 (the default for 2 encoder layers), 2"
                        + " uniform negatives per edge,")
                .contains("test AUC");

        MiniBatchSettings expected = new MiniBatchSettings(128, FanOut.of(25, 10), 2.0, NegativeSampling.UNIFORM, 0);
        for (String file : List.of(RunFiles.MODEL, RunFiles.CHECKPOINT)) {
            SavedModel saved = SavedModelFile.read(run.resolve(file));
            assertThat(saved.description().training().miniBatch()).as(file).isEqualTo(expected);
            assertThat(saved.description().model().losses().get(0).component().name())
                    .isEqualTo("negative-sampling-bce");
        }
        JsonNode recorded =
                TrainEvalEmbedTest.json(run.resolve(RunFiles.RUN_JSON)).at("/model/training/mini-batch");
        assertThat(recorded.get("batch-size").intValue()).isEqualTo(128);
        assertThat(recorded.get("fanout").toString()).isEqualTo("[25,10]");
        assertThat(recorded.get("negatives").textValue()).isEqualTo("uniform");

        // gae eval reads the model file (mini-batch settings included) and scores on the full graph.
        Cli eval = Cli.run("eval", run.resolve(RunFiles.MODEL).toString());
        assertThat(eval.exitCode()).as(eval.toString()).isZero();
    }

    /**
     * Stopped at the epoch-2 checkpoint and resumed, a mini-batch run ends bit for bit where the uninterrupted one
     * does: every batch's draws are functions of (seed, epoch, batch), never of the session or the thread count.
     */
    @Test
    void resumedFromTheEpochTwoCheckpointEqualsTheUninterruptedRun() throws IOException {
        String[] common = {
            "--model",
            "vgae",
            "--epochs",
            "4",
            "--checkpoint-every",
            "2",
            "--batch-size",
            "200",
            "--fanout",
            "10,5",
            "--negatives",
            "degree",
            "--seed",
            "5"
        };
        Path whole = dir.resolve("whole");
        Cli a = Cli.run(train(TrainEvalEmbedTest.concat(common, new String[] {"--out", whole.toString()})));
        assertThat(a.exitCode()).as(a.toString()).isZero();

        Path parts = dir.resolve("parts");
        Cli first = Cli.run(train(
                TrainEvalEmbedTest.concat(common, new String[] {"--stop-after", "2", "--out", parts.toString()})));
        assertThat(first.exitCode()).as(first.toString()).isZero();
        SavedModel atTwo = SavedModelFile.read(parts.resolve(RunFiles.CHECKPOINT));
        assertThat(atTwo.training().orElseThrow().epochsDone()).isEqualTo(2);
        assertThat(atTwo.description().training().miniBatch().negatives()).isEqualTo(NegativeSampling.DEGREE);

        Cli second =
                Cli.run("train", "--resume", parts.toString(), "--threads", "1", "--progress", "none", "--no-report");
        assertThat(second.exitCode()).as(second.toString()).isZero();
        assertThat(second.out()).contains("resuming after epoch 2").contains("mini-batches: 200 training edges");

        for (String file : List.of(RunFiles.MODEL, RunFiles.CHECKPOINT)) {
            SavedModel x = SavedModelFile.read(whole.resolve(file));
            SavedModel y = SavedModelFile.read(parts.resolve(file));
            assertThat(y.description()).isEqualTo(x.description());
            assertThat(y.parameters()).hasSameSizeAs(x.parameters());
            for (int k = 0; k < x.parameters().size(); k++) {
                assertThat(y.parameters().get(k).value().data())
                        .as(file + " " + x.parameters().get(k).name())
                        .isEqualTo(x.parameters().get(k).value().data());
            }
        }
        JsonNode h1 = TrainEvalEmbedTest.json(whole.resolve(RunFiles.RUN_JSON)).get("history");
        JsonNode h2 = TrainEvalEmbedTest.json(parts.resolve(RunFiles.RUN_JSON)).get("history");
        assertThat(losses(h2)).isEqualTo(losses(h1));
    }

    /** A model file may ask for mini-batches itself; its settings are checked as the options are. */
    @Test
    void aModelFileWithAMiniBatchBlockTrainsInMiniBatches() throws IOException {
        String yaml = String.join(
                "\n",
                "encoder: {name: gcn}",
                "sampler: {name: identity}",
                "decoder: {name: inner-product}",
                "losses: [{name: negative-sampling-bce}]",
                "training:",
                "  epochs: 2",
                "  mini-batch: {batch-size: 100, fanout: [5, 5], batches-per-epoch: 3}",
                "");
        Path file = dir.resolve("mini.yaml");
        Files.writeString(file, yaml);
        Path run = dir.resolve("from-file");
        Cli c = Cli.run(train("--model-file", file.toString(), "--out", run.toString()));
        assertThat(c.exitCode()).as(c.toString()).isZero();
        assertThat(c.out())
                .contains("mini-batches: 100 training edges, fan-out 5,5, 1 uniform negative per edge, 3 of");
        assertThat(SavedModelFile.read(run.resolve(RunFiles.MODEL))
                        .description()
                        .training()
                        .miniBatch())
                .isEqualTo(new MiniBatchSettings(100, FanOut.of(5, 5), 1.0, NegativeSampling.UNIFORM, 3));

        Path weighted = dir.resolve("weighted.yaml");
        Files.writeString(weighted, yaml.replace("negative-sampling-bce", "weighted-bce"));
        assertUsage(
                train("--model-file", weighted.toString()),
                "gae: Loss term 'weighted-bce' cannot be trained in mini-batches");
        Path deep = dir.resolve("deep.yaml");
        Files.writeString(deep, yaml.replace("[5, 5]", "[5, 5, 5]"));
        assertUsage(train("--model-file", deep.toString()), "gae: The fan-out 5,5,5 has 3 entries");
    }

    private static List<Double> losses(JsonNode history) {
        List<Double> out = new ArrayList<>();
        history.forEach(row -> out.add(row.get("loss").doubleValue()));
        return out;
    }

    @Test
    void eachBadInputIsOneClearLineWithExitTwo() {
        assertUsage(
                train("--fanout", "25,10"),
                "gae: --fanout sets mini-batch training, which needs --batch-size B (e.g. --batch-size 1024 --fanout"
                        + " 25,10); without it training is full-batch");
        assertUsage(train("--neg-ratio", "2", "--negatives", "degree"), "--neg-ratio, --negatives set mini-batch");
        assertUsage(
                train("--batch-size", "0"), "gae: --batch-size must be at least 1 (training edges per batch), got 0");
        assertUsage(train("--batch-size", "-3"), "--batch-size must be at least 1");
        assertUsage(
                train("--batch-size", "64", "--fanout", "25,x"),
                "gae: --fanout: Fan-out '25,x': entry 2 ('x') is not a whole number; write e.g. 25,10 (-1 = all"
                        + " neighbours)");
        assertUsage(
                train("--batch-size", "64", "--fanout", "0"),
                "gae: --fanout: Fan-out '0': Fan-out entry 1 is 0: each hop samples a positive number of neighbours,"
                        + " or -1 for all");
        assertUsage(train("--batch-size", "64", "--fanout", ""), "gae: --fanout: The fan-out is empty");
        assertUsage(
                train("--batch-size", "64", "--neg-ratio", "0"),
                "gae: --neg-ratio must be a positive finite number, got 0.0");
        assertUsage(train("--batch-size", "64", "--neg-ratio", "-1"), "--neg-ratio must be a positive finite number");
        assertUsage(
                train("--batch-size", "64", "--negatives", "hard"),
                "gae: --negatives: Unknown negative sampling 'hard'; known: uniform, degree");
        assertUsage(
                train("--batch-size", "64", "--fanout", "25"),
                "gae: The fan-out 25 has 1 entry, but encoder 'gcn' has 2 message-passing layers: give one fan-out per"
                        + " layer, e.g. 25,10");
        assertUsage(
                train("--batch-size", "64", "--fanout", "25,10,5"),
                "gae: The fan-out 25,10,5 has 3 entries, but encoder 'gcn' has 2 message-passing layers");
        assertUsage(
                train("--batch-size", "64", "--loss", "weighted-bce"),
                "gae: Loss 'weighted-bce' cannot be trained in mini-batches: it reads all N² node pairs of the whole"
                        + " graph. With --batch-size use --loss negative-sampling-bce");
        assertUsage(
                train("--batch-size", "64", "--model", "vgae", "--loss", "negative-sampling-bce,kl,adversarial"),
                "gae: Loss term 'adversarial' cannot be trained in mini-batches");
        assertUsage(
                new String[] {"train", "--resume", dir.toString(), "--batch-size", "64"},
                "gae: --resume continues with the checkpoint's mini-batch settings");
    }

    private void assertUsage(String[] args, String message) {
        Path out =
                dir.resolve("bad-" + Integer.toHexString(String.join(" ", args).hashCode()));
        Cli c = Cli.run(TrainEvalEmbedTest.concat(args, new String[] {"--out", out.toString()}));
        assertThat(c.exitCode()).as(c.toString()).isEqualTo(GaeCommand.USAGE);
        List<String> lines = c.err().lines().filter(l -> l.startsWith("gae: ")).toList();
        assertThat(lines).as(c.toString()).hasSize(1);
        assertThat(lines.get(0)).as(c.toString()).contains(message);
        assertThat(Files.exists(out)).as("no run directory is left behind").isFalse();
    }
}
