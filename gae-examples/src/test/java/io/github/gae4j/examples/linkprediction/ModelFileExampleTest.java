// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.examples.linkprediction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.gae4j.core.error.ConfigException;
import io.github.gae4j.core.error.UnknownComponentException;
import io.github.gae4j.runtime.files.ModelDescription;
import io.github.gae4j.runtime.files.ModelDescriptionFile;
import io.github.gae4j.runtime.model.ComponentSpec;
import io.github.gae4j.runtime.model.ModelSpec;
import io.github.gae4j.runtime.plugin.PluginRegistry;
import io.github.gae4j.runtime.train.TrainerConfig;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The same model description runs from code, from a file and from the command line. */
final class ModelFileExampleTest {

    private final PluginRegistry registry = PluginRegistry.discover(getClass().getClassLoader());

    @Test
    void aModelFileRunsFromTheCommandLine(@TempDir Path dir) throws Exception {
        ModelDescription d = new ModelDescription(
                ModelSpec.vgae(), TrainerConfig.builder().epochs(40).seed(3).build());
        Path file = dir.resolve("my-vgae.json");
        Files.writeString(file, ModelDescriptionFile.write(d));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        var result = LinkPredictionExample.run(
                Options.parse("--model-file", file.toString(), "--seeds", "1", "--threads", "1"),
                registry,
                new PrintStream(bytes, true, StandardCharsets.UTF_8));
        assertThat(result.models()).extracting(ModelResult::model).containsExactly("my-vgae");
        assertThat(result.models().get(0).runs().get(0).seed()).isEqualTo(3L);
        assertThat(result.models().get(0).meanAuc()).isGreaterThan(0.8);
    }

    @Test
    void theSameDescriptionRunsInlineFromTheCommandLine() {
        String json = ModelDescriptionFile.write(new ModelDescription(
                ModelSpec.gae(), TrainerConfig.builder().epochs(30).build()));
        var result = LinkPredictionExample.run(
                Options.parse("--model-json", json, "--seeds", "1", "--threads", "1"),
                registry,
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        assertThat(result.models()).extracting(ModelResult::model).containsExactly("model");
        assertThatThrownBy(() -> Options.parse("--model-json", json, "--model-file", "x.json"))
                .hasMessageContaining("either --model-file or --model-json");
        assertThatThrownBy(() -> LinkPredictionExample.run(
                        Options.parse("--model-json", "{\"encoder\": 1}"),
                        registry,
                        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("--model-json:1: 'encoder' must be a JSON object");
    }

    @Test
    void unknownNamesAndOptionsInAFileAreRejectedAgainstTheInstalledPlugins() {
        ModelSpec typo = ModelSpec.gae().withEncoder(ComponentSpec.of("gnc"));
        assertThatThrownBy(() -> ModelDescriptionFile.validate(typo, registry))
                .isInstanceOf(UnknownComponentException.class)
                .hasMessageContaining(
                        "Unknown encoder 'gnc'; known encoders: [gat, gcn, gin, linear, linear-vgae, vgae]");
        ModelSpec badOption = ModelSpec.gae().withEncoder(ComponentSpec.of("gcn", "hiden", 8));
        assertThatThrownBy(() -> ModelDescriptionFile.validate(badOption, registry))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(
                        "Unknown option 'hiden' for encoder 'gcn'; known options: [activate-output, activation, bias, dropout, hidden, latent, norm, residual]");
        ModelDescriptionFile.validate(ModelSpec.vgae(), registry);
    }
}
