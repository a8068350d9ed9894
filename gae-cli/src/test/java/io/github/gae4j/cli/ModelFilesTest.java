// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.gae4j.cli.run.RunFiles;
import io.github.gae4j.runtime.checkpoint.SavedModelFile;
import io.github.gae4j.runtime.files.ModelDescription;
import io.github.gae4j.runtime.files.ModelDescriptionFile;
import io.github.gae4j.runtime.plugin.PluginRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The model files shipped in models/ parse and name only installed plugins and options; YAML ones train. */
final class ModelFilesTest {

    @Test
    void everyShippedModelFileIsValid() throws IOException {
        Path dir = Path.of("..", "models");
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.toString().matches(".*\\.(json|yaml|yml)"))
                    .sorted()
                    .toList();
        }
        assertThat(files).isNotEmpty();
        PluginRegistry plugins = PluginRegistry.discover(ModelFilesTest.class.getClassLoader());
        for (Path f : files) {
            ModelDescription d = ModelDescriptionFile.read(f);
            ModelDescriptionFile.validate(d, plugins);
        }
    }

    /** {@code gae train --model-file x.yaml}: the YAML description is the one trained and saved. */
    @Test
    void aYamlModelFileTrains(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("masked.yaml");
        Files.writeString(file, """
                # GAE with edge dropout, in YAML
                encoder: {name: gcn, options: {hidden: 16, latent: 8}}
                sampler: {name: identity}
                decoder: {name: inner-product}
                losses:
                  - name: weighted-bce
                corruptions:
                  - name: edge-dropout
                    options: {rate: 0.2}
                training:
                  epochs: 3
                  learning-rate: 0.02
                  seed: 5
                """);
        Path run = dir.resolve("run");
        Cli r = Cli.run(
                "train",
                "--model-file",
                file.toString(),
                "--dataset-option",
                "nodes=120",
                "--progress",
                "none",
                "--no-report",
                "--no-embeddings",
                "--threads",
                "2",
                "--out",
                run.toString());
        assertThat(r.exitCode()).as(r.toString()).isZero();
        ModelDescription saved =
                SavedModelFile.read(run.resolve(RunFiles.MODEL)).description();
        ModelDescription read = ModelDescriptionFile.read(file);
        assertThat(saved.model()).isEqualTo(read.model());
        assertThat(saved.training().learningRate()).isEqualTo(0.02);
        assertThat(saved.training().seed()).isEqualTo(5);

        Files.writeString(file, Files.readString(file).replace("  seed: 5", "  sed: 5"));
        Cli typo = Cli.run("train", "--model-file", file.toString(), "--dataset-option", "nodes=120");
        assertThat(typo.exitCode()).isEqualTo(2);
        assertThat(typo.err()).contains(file + ":13: unknown key 'sed' in 'training'");
    }
}
