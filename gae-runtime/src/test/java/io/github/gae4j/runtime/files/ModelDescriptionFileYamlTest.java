// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.runtime.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.gae4j.core.error.ConfigException;
import io.github.gae4j.runtime.model.ComponentSpec;
import io.github.gae4j.runtime.model.ModelSpec;
import io.github.gae4j.runtime.train.LearningRateSchedule;
import io.github.gae4j.runtime.train.TrainerConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Model descriptions in YAML: the same description as JSON, errors naming the file, line and key. */
final class ModelDescriptionFileYamlTest {

    private static final String VGAE_JSON = """
            {
              "encoder": {"name": "vgae", "options": {"hidden": 64, "latent": 16}},
              "sampler": {"name": "gaussian"},
              "decoder": {"name": "inner-product"},
              "losses": [{"name": "weighted-bce"}, {"name": "kl", "weight": 0.5, "options": {"beta": 1e-4}}],
              "corruptions": [{"name": "edge-dropout", "options": {"rate": 0.2}}],
              "training": {"epochs": 300, "learning-rate": 0.005, "seed": 7, "weight-decay": 5e-4,
                           "lr-schedule": "cosine", "restore-best": true}
            }""";

    /** The same description as {@link #VGAE_JSON}; line numbers matter to the tests below. */
    private static final String VGAE_YAML = String.join(
            "\n",
            "# a variational GAE", // 1
            "encoder:", // 2
            "  name: vgae", // 3
            "  options:", // 4
            "    hidden: 64", // 5
            "    latent: 16", // 6
            "sampler: {name: gaussian}", // 7
            "decoder:", // 8
            "  name: inner-product", // 9
            "losses:", // 10
            "  - name: weighted-bce", // 11
            "  - name: kl", // 12
            "    weight: 0.5", // 13
            "    options: {beta: 1e-4}", // 14
            "corruptions:", // 15
            "  - name: edge-dropout", // 16
            "    options:", // 17
            "      rate: 0.2", // 18
            "training:", // 19
            "  epochs: 300", // 20
            "  learning-rate: 0.005", // 21
            "  seed: 7", // 22
            "  weight-decay: 5e-4", // 23
            "  lr-schedule: cosine", // 24
            "  restore-best: true", // 25
            "");

    @Test
    void yamlAndYmlFilesReadToTheDescriptionTheJsonGives(@TempDir Path dir) throws Exception {
        ModelDescription json = ModelDescriptionFile.parse(VGAE_JSON, "vgae.json");
        for (String name : new String[] {"vgae.yaml", "vgae.yml", "VGAE.YAML"}) {
            Path file = dir.resolve(name);
            Files.writeString(file, VGAE_YAML);
            assertThat(ModelDescriptionFile.read(file)).as(name).isEqualTo(json);
        }
        ModelDescription d = json;
        assertThat(d.model().encoder()).isEqualTo(ComponentSpec.of("vgae", "hidden", 64, "latent", 16));
        assertThat(d.model().losses().get(1).component().config().getDouble("beta", 0))
                .isEqualTo(1e-4);
        assertThat(d.model().corruptions()).containsExactly(ComponentSpec.of("edge-dropout", "rate", 0.2));
        assertThat(d.training().optimizer()).isEqualTo(ComponentSpec.of("adam", "weight-decay", 5e-4));
        assertThat(d.training().learningRateSchedule()).isEqualTo(LearningRateSchedule.COSINE);
        assertThat(d.training().restoreBest()).isTrue();
    }

    @Test
    void theSyntaxFollowsTheExtensionAndAnyOtherNameIsJson() {
        assertThat(Json.Syntax.of(Path.of("m.yaml"))).isEqualTo(Json.Syntax.YAML);
        assertThat(Json.Syntax.of(Path.of("dir/m.yml"))).isEqualTo(Json.Syntax.YAML);
        assertThat(Json.Syntax.of(Path.of("m.json"))).isEqualTo(Json.Syntax.JSON);
        assertThat(Json.Syntax.of(Path.of("/dev/stdin"))).isEqualTo(Json.Syntax.JSON);
        assertThat(Json.Syntax.of(Path.of("model"))).isEqualTo(Json.Syntax.JSON);
        assertThat(Json.Syntax.of(Path.of("/"))).isEqualTo(Json.Syntax.JSON);
    }

    @Test
    void anUnknownKeyNamesTheFileTheLineTheKeyAndTheKnownKeys(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("model.yaml");
        Files.writeString(file, VGAE_YAML.replace("  options:\n    hidden", "  hiden: 32\n  options:\n    hidden"));
        assertThatThrownBy(() -> ModelDescriptionFile.read(file))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(file + ":4: unknown key 'hiden' in 'encoder'; known keys: [name, options]");
        assertThatThrownBy(() -> ModelDescriptionFile.parse(
                        VGAE_YAML.replace("  seed: 7", "  sed: 7"), Json.Syntax.YAML, "m.yaml"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("m.yaml:22: unknown key 'sed' in 'training'; known keys: [beta1, beta2,");
        assertThatThrownBy(() -> ModelDescriptionFile.parse(
                        VGAE_YAML.replace("    weight: 0.5", "    wieght: 0.5"), Json.Syntax.YAML, "m.yaml"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("m.yaml:13: unknown key 'wieght' in a loss; known keys: [name, options, weight]");
    }

    @Test
    void aTypeMismatchNamesTheLineTheKeyAndTheExpectedType() {
        assertThatThrownBy(() -> ModelDescriptionFile.parse(
                        VGAE_YAML.replace("epochs: 300", "epochs: many"), Json.Syntax.YAML, "m.yaml"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("m.yaml:20: 'epochs' of 'training' must be an integer, got many");
        assertThatThrownBy(() -> ModelDescriptionFile.parse(
                        VGAE_YAML.replace("epochs: 300", "epochs: 2.5"), Json.Syntax.YAML, "m.yaml"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("m.yaml:20: 'epochs' of 'training' must be an integer, got 2.5");
        assertThatThrownBy(() -> ModelDescriptionFile.parse(
                        VGAE_YAML.replace("restore-best: true", "restore-best: 1"), Json.Syntax.YAML, "m.yaml"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("m.yaml:25: 'restore-best' of 'training' must be true or false, got 1");
        assertThatThrownBy(() -> ModelDescriptionFile.parse(
                        VGAE_YAML.replace("    weight: 0.5", "    weight: half"), Json.Syntax.YAML, "m.yaml"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("m.yaml:13: 'weight' of a loss must be a number, got half");
        assertThatThrownBy(() -> ModelDescriptionFile.parse(
                        VGAE_YAML.replace("      rate: 0.2", "      rate: {value: 0.2}"), Json.Syntax.YAML, "m.yaml"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("m.yaml:18: option 'rate' of a corruption must be a number, string or boolean");
        assertThatThrownBy(() -> ModelDescriptionFile.parse(
                        VGAE_YAML.replace("sampler: {name: gaussian}", "sampler: gaussian"),
                        Json.Syntax.YAML,
                        "m.yaml"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("m.yaml:7: 'sampler' must be a YAML mapping");
    }

    @Test
    void malformedYamlNamesTheLine() {
        assertThatThrownBy(() -> ModelDescriptionFile.parse(
                        VGAE_YAML.replace("    latent: 16", "   latent: 16"), Json.Syntax.YAML, "m.yaml"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("m.yaml: line 6, column 4: ");
        assertThatThrownBy(() -> ModelDescriptionFile.parse(
                        VGAE_YAML.replace("sampler: {name: gaussian}", "sampler: {name: gaussian"),
                        Json.Syntax.YAML,
                        "m.yaml"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("m.yaml: line 8, column ");
        assertThatThrownBy(() -> ModelDescriptionFile.parse(
                        VGAE_YAML.replace("  seed: 7", "  seed: 7\n  seed: 8"), Json.Syntax.YAML, "m.yaml"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("m.yaml: line 23")
                .hasMessageContaining("duplicate key 'seed'");
    }

    @Test
    void anEmptyOrPartialYamlFileSaysWhatIsMissing() {
        assertThatThrownBy(() -> ModelDescriptionFile.parse("", Json.Syntax.YAML, "m.yaml"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("m.yaml:1: the model description must be a YAML mapping");
        assertThatThrownBy(() -> ModelDescriptionFile.parse("encoder: {name: gcn}\n", Json.Syntax.YAML, "m.yaml"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("missing 'sampler'");
        String gae = """
                encoder: {name: gcn}
                sampler: {name: identity}
                decoder: {name: inner-product}
                losses: [{name: weighted-bce}]
                """;
        assertThat(ModelDescriptionFile.parse(gae, Json.Syntax.YAML, "m.yaml"))
                .isEqualTo(new ModelDescription(ModelSpec.gae(), TrainerConfig.defaults()));
    }
}
