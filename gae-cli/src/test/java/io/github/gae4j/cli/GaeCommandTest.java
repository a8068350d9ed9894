// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Help, usage errors and failures: the exit codes and messages users see. */
final class GaeCommandTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"train", "eval", "embed", "reproduce", "bench", "plugins"})
    void everySubcommandHasHelp(String sub) {
        Cli r = Cli.run(sub, "--help");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).contains("Usage: gae " + sub);
    }

    @Test
    void topLevelHelpListsTheSubcommands() {
        Cli r = Cli.run("--help");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out())
                .contains("train")
                .contains("eval")
                .contains("embed")
                .contains("reproduce")
                .contains("bench")
                .contains("plugins");
        assertThat(Cli.run("--version").out()).contains("gae4j");
    }

    @Test
    void usageErrorsExitWithTwo() {
        assertThat(Cli.run().exitCode()).isEqualTo(2);
        Cli unknownOption = Cli.run("train", "--epoch", "3");
        assertThat(unknownOption.exitCode()).isEqualTo(2);
        assertThat(unknownOption.err()).contains("--epoch");
        Cli notANumber = Cli.run("train", "--epochs", "many");
        assertThat(notANumber.exitCode()).isEqualTo(2);
        assertThat(notANumber.err()).contains("many");
        assertThat(Cli.run("frobnicate").exitCode()).isEqualTo(2);
        Cli noThreads = Cli.run("train", "--threads", "0", "--epochs", "1", "--no-report");
        assertThat(noThreads.exitCode()).isEqualTo(2);
        assertThat(noThreads.err()).contains("--threads must be at least 1");
        Cli negativeClip = Cli.run("train", "--grad-clip", "-1", "--epochs", "1", "--no-report");
        assertThat(negativeClip.exitCode()).as(negativeClip.toString()).isEqualTo(2);
        assertThat(negativeClip.err()).contains("--grad-clip must be a finite number >= 0");
        Cli unknownSchedule = Cli.run("train", "--lr-schedule", "cos", "--epochs", "1", "--no-report");
        assertThat(unknownSchedule.exitCode()).as(unknownSchedule.toString()).isEqualTo(2);
        assertThat(unknownSchedule.err()).contains("--lr-schedule must be one of constant, cosine, got cos");
        Cli negativePatience = Cli.run("train", "--patience", "-1", "--epochs", "1", "--no-report");
        assertThat(negativePatience.exitCode()).as(negativePatience.toString()).isEqualTo(2);
        assertThat(negativePatience.err()).contains("--patience must be at least 0");
        assertThat(Cli.run("eval").exitCode()).as("missing RUN").isEqualTo(2);
    }

    @Test
    void aWrongComponentNameIsAUsageErrorListingTheKnownOnes() {
        Cli r = Cli.run(
                "train",
                "--encoder",
                "gnc",
                "--epochs",
                "2",
                "--out",
                dir.resolve("x").toString());
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
        assertThat(r.err()).contains("Unknown encoder 'gnc'").contains("gcn");
        Cli option = Cli.run(
                "train",
                "-O",
                "encoder.hiden=8",
                "--epochs",
                "2",
                "--out",
                dir.resolve("y").toString());
        assertThat(option.exitCode()).as(option.toString()).isEqualTo(2);
        assertThat(option.err()).contains("hiden").contains("hidden");
        Cli optimizer = Cli.run(
                "train",
                "--optimizer",
                "adma",
                "--epochs",
                "2",
                "--out",
                dir.resolve("o").toString());
        assertThat(optimizer.exitCode()).as(optimizer.toString()).isEqualTo(2);
        assertThat(optimizer.err()).contains("Unknown optimizer 'adma'; known optimizers: [adam, adamw, sgd]");
        Cli optimizerOption = Cli.run(
                "train",
                "--optimizer",
                "sgd",
                "-O",
                "optimizer.momentun=0.9",
                "--epochs",
                "2",
                "--out",
                dir.resolve("p").toString());
        assertThat(optimizerOption.exitCode()).as(optimizerOption.toString()).isEqualTo(2);
        assertThat(optimizerOption.err())
                .contains("Unknown option 'momentun' for optimizer 'sgd'")
                .contains("momentum");
        Cli corruption = Cli.run(
                "train",
                "--corruption",
                "no-such-corruption",
                "--epochs",
                "2",
                "--out",
                dir.resolve("z").toString());
        assertThat(corruption.exitCode()).as(corruption.toString()).isEqualTo(2);
        assertThat(corruption.err()).contains("Unknown corruption 'no-such-corruption'");
        Cli part = Cli.run("train", "-O", "encodr.hidden=8", "--epochs", "2");
        assertThat(part.exitCode()).isEqualTo(2);
        assertThat(part.err()).contains("encodr.hidden").contains("encoder");
    }

    @Test
    void missingOrBrokenModelsFailClearly() throws IOException {
        Cli missing = Cli.run("eval", dir.resolve("nothing-here").toString());
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("no such file or run directory");

        Path broken = dir.resolve("model.gae4j");
        Files.writeString(broken, "not a model");
        Cli r = Cli.run("eval", broken.toString());
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
        assertThat(r.err()).contains(broken.toString()).contains("not a gae4j model file");
        assertThat(r.err()).doesNotContain("at io.github");
    }

    @Test
    void aMissingDatasetFailsWithOne() {
        Cli r = Cli.run(
                "train",
                "--dataset",
                "no-such-dataset",
                "--data-dir",
                dir.toString(),
                "--epochs",
                "2",
                "--out",
                dir.resolve("run").toString());
        assertThat(r.exitCode()).as(r.toString()).isIn(1, 2);
        assertThat(r.err()).contains("no-such-dataset");
    }

    @Test
    void pluginsListsEveryKindWithOptions() {
        Cli r = Cli.run("plugins");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out())
                .contains("encoders (")
                .contains("samplers (")
                .contains("decoders (")
                .contains("losses (")
                .contains("dataset loaders (")
                .contains("optimizers (3):");
        assertThat(r.out())
                .contains("gcn")
                .contains("latent=16")
                .contains("hidden=32")
                .contains("vgae")
                .contains("gaussian")
                .contains("inner-product")
                .contains("weighted-bce")
                .contains("kl")
                .contains("sbm")
                .contains("linqs")
                .contains("npz")
                .contains("[gae-encoders]");
    }
}
