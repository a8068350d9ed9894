// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.gae4j.core.tensor.Matrix;
import io.github.gae4j.runtime.checkpoint.SavedModel;
import io.github.gae4j.runtime.checkpoint.SavedModelFile;
import io.github.gae4j.runtime.files.ModelDescription;
import io.github.gae4j.runtime.model.ComponentSpec;
import io.github.gae4j.runtime.model.ModelSpec;
import io.github.gae4j.runtime.provenance.Provenance;
import io.github.gae4j.runtime.train.TrainerConfig;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Errors at the seams come first and say what to do: a bad option before any data is read, and a model made with a
 * plugin that is not installed names that plugin and how to add its jar. Each case points at a dataset that does not
 * exist, so a run that loaded data first would report the dataset instead.
 */
final class SeamErrorsTest {

    @TempDir
    Path dir;

    @Test
    void optionErrorsComeBeforeTheDataset() {
        String missing = dir.resolve("no-such-dataset.npz").toString();
        Cli baseline = Cli.run(
                "train",
                "--dataset",
                missing,
                "--epochs",
                "2",
                "--out",
                dir.resolve("b").toString());
        assertThat(baseline.exitCode()).as(baseline.toString()).isEqualTo(2);
        assertThat(baseline.err()).as("a good model reaches the dataset").contains("no-such-dataset");
        Cli value = Cli.run(
                "train",
                "--dataset",
                missing,
                "-O",
                "encoder.hidden=abc",
                "--epochs",
                "2",
                "--out",
                dir.resolve("v").toString());
        assertThat(value.exitCode()).as(value.toString()).isEqualTo(2);
        assertThat(value.err())
                .contains("Option 'hidden' of encoder 'gcn' must be")
                .contains("got 'abc'")
                .doesNotContain("no-such-dataset");
        Cli name = Cli.run(
                "train",
                "--dataset",
                missing,
                "-O",
                "encoder.hiden=8",
                "--epochs",
                "2",
                "--out",
                dir.resolve("n").toString());
        assertThat(name.exitCode()).as(name.toString()).isEqualTo(2);
        assertThat(name.err())
                .contains("Unknown option 'hiden' for encoder 'gcn'")
                .doesNotContain("no-such-dataset");
        Cli optimizer = Cli.run(
                "train",
                "--dataset",
                missing,
                "--optimizer",
                "sgd",
                "-O",
                "optimizer.momentum=lots",
                "--epochs",
                "2",
                "--out",
                dir.resolve("o").toString());
        assertThat(optimizer.exitCode()).as(optimizer.toString()).isEqualTo(2);
        assertThat(optimizer.err()).contains("momentum").contains("lots").doesNotContain("no-such-dataset");
        Cli weight = Cli.run(
                "train",
                "--dataset",
                missing,
                "--model",
                "vgae",
                "-O",
                "loss.kl.weight=0.5",
                "--epochs",
                "2",
                "--out",
                dir.resolve("w").toString());
        assertThat(weight.exitCode()).as(weight.toString()).isEqualTo(2);
        assertThat(weight.err())
                .contains("Unknown option 'weight' for loss 'kl'")
                .contains("--loss kl:0.5")
                .doesNotContain("no-such-dataset");
    }

    @Test
    void aModelMadeWithAMissingPluginNamesItBeforeLoadingData() {
        ModelSpec gin = ModelSpec.gae().withEncoder("my-gin", "hidden", List.of(64, 32));
        String dataset = dir.resolve("no-such-dataset.npz").toString();
        Provenance provenance = new Provenance(
                "0.1.0-test",
                Provenance.Jdk.current(),
                List.of(new Provenance.PluginUse(
                        "encoder", "my-gin", "my-gin-encoder", "1.2.0", "/opt/plugins/my-gin-encoder-1.2.0.jar")),
                gin,
                Provenance.Seeds.all(7),
                new Provenance.Dataset(
                        dataset,
                        Optional.of(ComponentSpec.of("npz", "path", dataset)),
                        Provenance.Features.AS_LOADED,
                        20,
                        30,
                        Optional.empty()),
                new Provenance.Split(0.05, 0.1));
        Path file = dir.resolve("model.gae4j");
        SavedModelFile.write(
                new SavedModel(
                        new ModelDescription(gin, TrainerConfig.defaults()),
                        Optional.of(provenance),
                        List.of(new SavedModel.Parameter("my-gin.W0", Matrix.zeros(3, 2))),
                        Optional.empty()),
                file);
        Path installed = dir.resolve("installed.gae4j");
        SavedModelFile.write(
                new SavedModel(
                        new ModelDescription(ModelSpec.gae(), TrainerConfig.defaults()),
                        Optional.of(provenance),
                        List.of(),
                        Optional.empty()),
                installed);
        Cli baseline = Cli.run("eval", installed.toString());
        assertThat(baseline.exitCode()).as(baseline.toString()).isNotZero();
        assertThat(baseline.err())
                .as("a model whose plugins are installed reaches the dataset")
                .contains("no-such-dataset.npz");
        for (String command : List.of("eval", "embed")) {
            Cli r = Cli.run(command, file.toString());
            assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
            assertThat(r.err())
                    .as(command)
                    .contains("Unknown encoder 'my-gin'")
                    .contains("from plugin 'my-gin-encoder' version 1.2.0 (/opt/plugins/my-gin-encoder-1.2.0.jar)")
                    .contains("GAE_PLUGINS=/opt/plugins/my-gin-encoder-1.2.0.jar ./gae")
                    .doesNotContain("no-such-dataset.npz");
        }
    }
}
