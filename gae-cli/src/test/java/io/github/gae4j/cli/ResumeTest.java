// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.gae4j.cli.run.RunFiles;
import io.github.gae4j.core.tensor.Matrix;
import io.github.gae4j.runtime.checkpoint.SavedModel;
import io.github.gae4j.runtime.checkpoint.SavedModelFile;
import io.github.gae4j.runtime.train.TrainingState;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run stopped and resumed from its checkpoint ends exactly where an uninterrupted run does. */
final class ResumeTest {

    @TempDir
    Path dir;

    private static String[] args(String... head) {
        return TrainEvalEmbedTest.concat(head, TrainEvalEmbedTest.concat(TrainEvalEmbedTest.SMALL, new String[] {
            "--no-report", "--model", "vgae", "--seed", "11"
        }));
    }

    @Test
    void stopThenResumeEqualsUninterrupted() throws IOException {
        Path whole = dir.resolve("whole");
        Cli a = Cli.run(args("train", "--epochs", "30", "--out", whole.toString()));
        assertThat(a.exitCode()).as(a.toString()).isZero();

        Path parts = dir.resolve("parts");
        Cli first = Cli.run(args("train", "--epochs", "30", "--stop-after", "11", "--out", parts.toString()));
        assertThat(first.exitCode()).as(first.toString()).isZero();
        assertThat(first.out()).contains("stopped after epoch 11 of 30").contains("--resume");
        assertThat(SavedModelFile.read(parts.resolve(RunFiles.CHECKPOINT))
                        .training()
                        .orElseThrow()
                        .epochsDone())
                .isEqualTo(11);

        Cli second =
                Cli.run("train", "--resume", parts.toString(), "--threads", "1", "--progress", "none", "--no-report");
        assertThat(second.exitCode()).as(second.toString()).isZero();
        assertThat(second.out()).contains("resuming after epoch 11");

        SavedModel x = SavedModelFile.read(whole.resolve(RunFiles.MODEL));
        SavedModel y = SavedModelFile.read(parts.resolve(RunFiles.MODEL));
        for (int k = 0; k < x.parameters().size(); k++) {
            assertThat(y.parameters().get(k).value().data())
                    .as(x.parameters().get(k).name())
                    .isEqualTo(x.parameters().get(k).value().data());
        }
        assertThat(results(parts)).isEqualTo(results(whole));
        assertThat(history(parts)).isEqualTo(history(whole));
    }

    /** SGD with Nesterov momentum, chosen on the command line: its buffers go through the checkpoint. */
    @Test
    void anotherOptimizerStopThenResumeEqualsUninterrupted() throws IOException {
        String[] sgd = {
            "--optimizer",
            "sgd",
            "-O",
            "optimizer.momentum=0.9",
            "-O",
            "optimizer.nesterov=true",
            "--lr",
            "0.05",
            "--weight-decay",
            "1e-4"
        };
        Path whole = dir.resolve("sgd-whole");
        Cli a = Cli.run(TrainEvalEmbedTest.concat(args("train", "--epochs", "20", "--out", whole.toString()), sgd));
        assertThat(a.exitCode()).as(a.toString()).isZero();
        SavedModel checkpoint = SavedModelFile.read(whole.resolve(RunFiles.CHECKPOINT));
        assertThat(checkpoint.description().training().optimizer().name()).isEqualTo("sgd");
        assertThat(checkpoint.description().training().optimizer().config().asMap())
                .containsEntry("momentum", "0.9")
                .containsEntry("nesterov", "true")
                .containsEntry("weight-decay", "1.0E-4");
        assertThat(checkpoint.training().orElseThrow().optimizer().tensors())
                .isNotEmpty()
                .allSatisfy((name, value) -> assertThat(name).endsWith(".momentum-buffer"));

        Path parts = dir.resolve("sgd-parts");
        Cli first = Cli.run(TrainEvalEmbedTest.concat(
                args("train", "--epochs", "20", "--stop-after", "8", "--out", parts.toString()), sgd));
        assertThat(first.exitCode()).as(first.toString()).isZero();
        Cli second =
                Cli.run("train", "--resume", parts.toString(), "--threads", "1", "--progress", "none", "--no-report");
        assertThat(second.exitCode()).as(second.toString()).isZero();

        SavedModel x = SavedModelFile.read(whole.resolve(RunFiles.MODEL));
        SavedModel y = SavedModelFile.read(parts.resolve(RunFiles.MODEL));
        for (int k = 0; k < x.parameters().size(); k++) {
            assertThat(y.parameters().get(k).value().data())
                    .as(x.parameters().get(k).name())
                    .isEqualTo(x.parameters().get(k).value().data());
        }
        assertThat(results(parts)).isEqualTo(results(whole));
        assertThat(history(parts)).isEqualTo(history(whole));
    }

    /**
     * A cosine schedule keeps no state and the checkpoint carries the setting: resumed without
     * --lr-schedule, the run still decays as the uninterrupted one does and ends where it ends.
     */
    @Test
    void cosineStopThenResumeEqualsUninterrupted() throws IOException {
        Path whole = dir.resolve("cosine-whole");
        Cli a = Cli.run(args("train", "--epochs", "20", "--lr-schedule", "cosine", "--out", whole.toString()));
        assertThat(a.exitCode()).as(a.toString()).isZero();

        Path parts = dir.resolve("cosine-parts");
        Cli first = Cli.run(args(
                "train", "--epochs", "20", "--lr-schedule", "cosine", "--stop-after", "9", "--out", parts.toString()));
        assertThat(first.exitCode()).as(first.toString()).isZero();
        Cli second =
                Cli.run("train", "--resume", parts.toString(), "--threads", "1", "--progress", "none", "--no-report");
        assertThat(second.exitCode()).as(second.toString()).isZero();
        assertThat(second.err()).doesNotContain("learning-rate schedule");

        SavedModel x = SavedModelFile.read(whole.resolve(RunFiles.MODEL));
        SavedModel y = SavedModelFile.read(parts.resolve(RunFiles.MODEL));
        assertThat(y.description()).isEqualTo(x.description());
        for (int k = 0; k < x.parameters().size(); k++) {
            assertThat(y.parameters().get(k).value().data())
                    .as(x.parameters().get(k).name())
                    .isEqualTo(x.parameters().get(k).value().data());
        }
        assertThat(results(parts)).isEqualTo(results(whole));
        assertThat(history(parts)).isEqualTo(history(whole));

        // More epochs stretch the schedule over the new count: say so, since neither run is reproduced.
        Cli more =
                Cli.run("train", "--resume", parts.toString(), "--epochs", "25", "--progress", "none", "--no-report");
        assertThat(more.exitCode()).as(more.toString()).isZero();
        assertThat(more.err()).contains("note: the cosine learning-rate schedule now spans 25 epochs instead of 20");
    }

    /**
     * ARVGA: the adversarial loss trains its own discriminator with its own Adam every second pass; the checkpoint
     * carries them (and the pass count), so stopping mid-period and resuming still ends bit for bit where an
     * uninterrupted run does, discriminator included.
     */
    @Test
    void adversarialStopThenResumeEqualsUninterrupted() throws IOException {
        String[] arga = {
            "--no-report",
            "--model",
            "vgae",
            "--loss",
            "weighted-bce,kl,adversarial",
            "-O",
            "loss.adversarial.period=2",
            "-O",
            "loss.adversarial.hidden=16",
            "--seed",
            "11"
        };
        Path whole = dir.resolve("arga-whole");
        Cli a = Cli.run(TrainEvalEmbedTest.concat(
                new String[] {"train", "--epochs", "16", "--out", whole.toString()},
                TrainEvalEmbedTest.concat(TrainEvalEmbedTest.SMALL, arga)));
        assertThat(a.exitCode()).as(a.toString()).isZero();

        Path parts = dir.resolve("arga-parts");
        Cli first = Cli.run(TrainEvalEmbedTest.concat(
                new String[] {"train", "--epochs", "16", "--stop-after", "7", "--out", parts.toString()},
                TrainEvalEmbedTest.concat(TrainEvalEmbedTest.SMALL, arga)));
        assertThat(first.exitCode()).as(first.toString()).isZero();
        TrainingState stopped = SavedModelFile.read(parts.resolve(RunFiles.CHECKPOINT))
                .training()
                .orElseThrow();
        assertThat(stopped.epochsDone()).isEqualTo(7);
        assertThat(stopped.lossState().keySet()).containsExactly("weighted-bce", "kl", "adversarial");
        assertThat(stopped.lossState().get("adversarial").get("calls").scalarValue())
                .isEqualTo(7.0);

        Cli second =
                Cli.run("train", "--resume", parts.toString(), "--threads", "1", "--progress", "none", "--no-report");
        assertThat(second.exitCode()).as(second.toString()).isZero();

        SavedModel x = SavedModelFile.read(whole.resolve(RunFiles.MODEL));
        SavedModel y = SavedModelFile.read(parts.resolve(RunFiles.MODEL));
        for (int k = 0; k < x.parameters().size(); k++) {
            assertThat(y.parameters().get(k).value().data())
                    .as(x.parameters().get(k).name())
                    .isEqualTo(x.parameters().get(k).value().data());
        }
        Map<String, Matrix> expected = SavedModelFile.read(whole.resolve(RunFiles.CHECKPOINT))
                .training()
                .orElseThrow()
                .lossState()
                .get("adversarial");
        Map<String, Matrix> actual = SavedModelFile.read(parts.resolve(RunFiles.CHECKPOINT))
                .training()
                .orElseThrow()
                .lossState()
                .get("adversarial");
        assertThat(actual.keySet()).containsExactlyElementsOf(expected.keySet());
        expected.forEach(
                (name, value) -> assertThat(actual.get(name).data()).as(name).isEqualTo(value.data()));
        assertThat(results(parts)).isEqualTo(results(whole));
        assertThat(history(parts)).isEqualTo(history(whole));
    }

    @Test
    void resumingAFinishedRunAsksForMoreEpochs() {
        Path run = dir.resolve("done");
        assertThat(Cli.run(args("train", "--epochs", "5", "--out", run.toString()))
                        .exitCode())
                .isZero();
        Cli again = Cli.run("train", "--resume", run.toString());
        assertThat(again.exitCode()).isEqualTo(2);
        assertThat(again.err()).contains("all 5 epochs are done").contains("--epochs");
        Cli more = Cli.run("train", "--resume", run.toString(), "--epochs", "8", "--progress", "none", "--no-report");
        assertThat(more.exitCode()).as(more.toString()).isZero();
        assertThat(SavedModelFile.read(run.resolve(RunFiles.CHECKPOINT))
                        .training()
                        .orElseThrow()
                        .epochsDone())
                .isEqualTo(8);
    }

    private static Object results(Path run) throws IOException {
        ObjectNode r = (ObjectNode)
                TrainEvalEmbedTest.json(run.resolve(RunFiles.RUN_JSON)).get("results");
        r.remove("median-epoch-ms");
        return r;
    }

    /** Losses and validation scores, without the wall times. */
    private static Object history(Path run) throws IOException {
        java.util.List<JsonNode> rows = new java.util.ArrayList<>();
        for (JsonNode row :
                TrainEvalEmbedTest.json(run.resolve(RunFiles.RUN_JSON)).get("history")) {
            ((ObjectNode) row).remove("ms");
            rows.add(row);
        }
        return rows;
    }
}
