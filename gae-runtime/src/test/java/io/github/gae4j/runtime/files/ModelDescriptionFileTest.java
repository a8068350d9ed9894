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

final class ModelDescriptionFileTest {

    private static final String VGAE = """
            {
              "encoder": {"name": "vgae", "options": {"hidden": 64, "latent": 16}},
              "sampler": {"name": "gaussian"},
              "decoder": {"name": "inner-product"},
              "losses": [{"name": "weighted-bce"}, {"name": "kl", "weight": 0.5, "options": {"beta": 1e-4}}],
              "training": {"epochs": 300, "learning-rate": 0.005, "seed": 7, "weight-decay": 5e-4}
            }""";

    @Test
    void readsAModelAndItsTrainingSettings(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("vgae.json");
        Files.writeString(file, VGAE);
        ModelDescription d = ModelDescriptionFile.read(file);
        assertThat(d.model().encoder()).isEqualTo(ComponentSpec.of("vgae", "hidden", 64, "latent", 16));
        assertThat(d.model().sampler().name()).isEqualTo("gaussian");
        assertThat(d.model().losses()).extracting(l -> l.component().name()).containsExactly("weighted-bce", "kl");
        assertThat(d.model().losses().get(1).weight()).isEqualTo(0.5);
        assertThat(d.model().losses().get(1).component().config().getDouble("beta", 0))
                .isEqualTo(1e-4);
        assertThat(d.training().epochs()).isEqualTo(300);
        assertThat(d.training().learningRate()).isEqualTo(0.005);
        assertThat(d.training().seed()).isEqualTo(7L);
        // Adam's settings as keys of 'training' (files written before optimisers were plugins): adam with them.
        assertThat(d.training().optimizer()).isEqualTo(ComponentSpec.of("adam", "weight-decay", 5e-4));
        assertThat(d.training().optimizer().config().has("beta2"))
                .as("a default is no option")
                .isFalse();
    }

    @Test
    void printsBackToAnEqualDescription() {
        ModelDescription d = ModelDescriptionFile.parse(VGAE, "vgae.json");
        String printed = ModelDescriptionFile.write(d);
        assertThat(ModelDescriptionFile.parse(printed, "printed")).isEqualTo(d);
        ModelDescription gae = new ModelDescription(
                ModelSpec.gae(), TrainerConfig.builder().seed(123456789012L).build());
        assertThat(ModelDescriptionFile.parse(ModelDescriptionFile.write(gae), "printed"))
                .isEqualTo(gae);
    }

    /** What {@link ModelDescriptionFile#write} prints for the GAE preset: clipping and the schedule only when set. */
    private static final String GAE_WRITTEN = """
            {
              "encoder": {
                "name": "gcn"
              },
              "sampler": {
                "name": "identity"
              },
              "decoder": {
                "name": "inner-product"
              },
              "losses": [
                {
                  "name": "weighted-bce",
                  "weight": 1
                }
              ],
              "training": {
                "epochs": 200,
                "learning-rate": 0.01,
                "optimizer": {
                  "name": "adam"
                },
                "seed": 42,
                "restore-best": true,
                "log-every": 10,
                "eval-every": 1
              }
            }
            """;

    /** What {@link ModelDescriptionFile#write} printed for the GAE preset before optimisers were plugins: Adam's keys. */
    private static final String GAE_WRITTEN_BEFORE_OPTIMIZERS = """
            {
              "encoder": {
                "name": "gcn"
              },
              "sampler": {
                "name": "identity"
              },
              "decoder": {
                "name": "inner-product"
              },
              "losses": [
                {
                  "name": "weighted-bce",
                  "weight": 1
                }
              ],
              "training": {
                "epochs": 200,
                "learning-rate": 0.01,
                "beta1": 0.9,
                "beta2": 0.999,
                "epsilon": 1e-08,
                "weight-decay": 0,
                "seed": 42,
                "restore-best": false,
                "log-every": 10,
                "eval-every": 1
              }
            }
            """;

    @Test
    void filesWithAdamsKeysReadAsAdamWithThoseOptions() {
        // Written when the defaults kept the last epoch: the file says so, and still means it.
        assertThat(ModelDescriptionFile.parse(GAE_WRITTEN_BEFORE_OPTIMIZERS, "old.json"))
                .isEqualTo(new ModelDescription(
                        ModelSpec.gae(),
                        TrainerConfig.builder().restoreBest(false).build()));
        ModelDescription tuned = ModelDescriptionFile.parse(
                GAE_WRITTEN_BEFORE_OPTIMIZERS
                        .replace("\"beta1\": 0.9", "\"beta1\": 0.8")
                        .replace("\"weight-decay\": 0", "\"weight-decay\": 0.0005"),
                "old.json");
        assertThat(tuned.training().optimizer())
                .isEqualTo(ComponentSpec.of("adam", "beta1", 0.8, "weight-decay", 0.0005));
        assertThat(ModelDescriptionFile.parse(ModelDescriptionFile.write(tuned), "printed"))
                .isEqualTo(tuned);
        assertThat(ModelDescriptionFile.write(tuned))
                .contains("\"optimizer\": {\n      \"name\": \"adam\",\n"
                        + "      \"options\": {\n        \"beta1\": \"0.8\",\n        \"weight-decay\": \"5.0E-4\"");
    }

    @Test
    void anOptimizerEntryNamesThePluginAndItsOptions() {
        ModelDescription d = ModelDescriptionFile.parse(
                VGAE.replace(
                        "\"weight-decay\": 5e-4",
                        "\"optimizer\": {\"name\": \"sgd\", \"options\": {\"momentum\": 0.9, \"nesterov\": true}},"
                                + " \"patience\": 20"),
                "m.json");
        assertThat(d.training().optimizer()).isEqualTo(ComponentSpec.of("sgd", "momentum", 0.9, "nesterov", true));
        assertThat(d.training().patience()).isEqualTo(20);
        assertThat(ModelDescriptionFile.parse(ModelDescriptionFile.write(d), "printed"))
                .isEqualTo(d);
        assertThatThrownBy(() -> ModelDescriptionFile.parse(
                        VGAE.replace("\"seed\": 7", "\"seed\": 7, \"optimizer\":" + " {\"name\": \"adamw\"}"),
                        "m.json"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("m.json:6: 'weight-decay' of 'training' is an option of the optimizer");
        assertThatThrownBy(() -> ModelDescriptionFile.parse(
                        VGAE.replace("\"weight-decay\": 5e-4", "\"optimizer\": {\"name\": \"sgd\", \"lr\": 1}"),
                        "m.json"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("unknown key 'lr' in 'optimizer'");
    }

    @Test
    void gradClipRoundTripsAndIsWrittenOnlyWhenOn() {
        ModelDescription d =
                ModelDescriptionFile.parse(VGAE.replace("\"seed\": 7", "\"seed\": 7, \"grad-clip\": 1"), "m.json");
        assertThat(d.training().gradientClipNorm()).isEqualTo(1.0);
        String printed = ModelDescriptionFile.write(d);
        assertThat(printed).contains("\"grad-clip\": 1\n");
        assertThat(ModelDescriptionFile.parse(printed, "printed")).isEqualTo(d);

        ModelDescription off = ModelDescriptionFile.parse(VGAE, "vgae.json");
        assertThat(off.training().gradientClipNorm()).isZero();
        assertThat(ModelDescriptionFile.write(off)).doesNotContain("grad-clip");
        assertThat(ModelDescriptionFile.parse(VGAE.replace("\"seed\": 7", "\"seed\": 7, \"grad-clip\": 0"), "m.json"))
                .isEqualTo(off);
        assertThat(ModelDescriptionFile.write(new ModelDescription(ModelSpec.gae(), TrainerConfig.defaults())))
                .isEqualTo(GAE_WRITTEN);
    }

    @Test
    void aNegativeOrNonNumericGradClipIsRejectedNamingTheKeyAndTheFile() {
        assertThatThrownBy(() -> ModelDescriptionFile.parse(
                        VGAE.replace("\"seed\": 7", "\"seed\": 7, \"grad-clip\": -1"), "m.json"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(
                        "m.json:6: 'grad-clip' of 'training' must be a finite number >= 0 (0 = off)," + " got -1");
        assertThatThrownBy(() -> ModelDescriptionFile.parse(
                        VGAE.replace("\"seed\": 7", "\"seed\": 7, \"grad-clip\": \"1\""), "m.json"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("m.json:6: 'grad-clip' of 'training' must be a number, got 1");
        assertThatThrownBy(() -> ModelDescriptionFile.parse(
                        VGAE.replace("\"seed\": 7", "\"seed\": 7, \"grad_clip\": 1"), "m.json"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("unknown key 'grad_clip' in 'training'")
                .hasMessageContaining("grad-clip");
    }

    @Test
    void lrScheduleRoundTripsAndIsWrittenOnlyWhenNotConstant() {
        ModelDescription d = ModelDescriptionFile.parse(
                VGAE.replace("\"seed\": 7", "\"seed\": 7, \"lr-schedule\": \"cosine\""), "m.json");
        assertThat(d.training().learningRateSchedule()).isEqualTo(LearningRateSchedule.COSINE);
        String printed = ModelDescriptionFile.write(d);
        assertThat(printed).contains("\"lr-schedule\": \"cosine\"\n");
        assertThat(ModelDescriptionFile.parse(printed, "printed")).isEqualTo(d);

        ModelDescription constant = ModelDescriptionFile.parse(VGAE, "vgae.json");
        assertThat(constant.training().learningRateSchedule()).isEqualTo(LearningRateSchedule.CONSTANT);
        assertThat(ModelDescriptionFile.write(constant)).doesNotContain("lr-schedule");
        assertThat(ModelDescriptionFile.parse(
                        VGAE.replace("\"seed\": 7", "\"seed\": 7, \"lr-schedule\": \"constant\""), "m.json"))
                .isEqualTo(constant);
        assertThat(ModelDescriptionFile.write(new ModelDescription(ModelSpec.gae(), TrainerConfig.defaults())))
                .isEqualTo(GAE_WRITTEN);
    }

    @Test
    void anUnknownLrScheduleIsRejectedNamingTheKeyTheSchedulesAndTheFile() {
        assertThatThrownBy(() -> ModelDescriptionFile.parse(
                        VGAE.replace("\"seed\": 7", "\"seed\": 7, \"lr-schedule\": \"cos\""), "m.json"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("m.json:6: 'lr-schedule' of 'training' must be one of constant, cosine, got cos");
        assertThatThrownBy(() -> ModelDescriptionFile.parse(
                        VGAE.replace("\"seed\": 7", "\"seed\": 7, \"lr-schedule\": 1"), "m.json"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("m.json:6: 'lr-schedule' of 'training' must be one of constant, cosine, got 1");
        assertThatThrownBy(() -> ModelDescriptionFile.parse(
                        VGAE.replace("\"seed\": 7", "\"seed\": 7, \"lr_schedule\": \"cosine\""), "m.json"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("unknown key 'lr_schedule' in 'training'")
                .hasMessageContaining("lr-schedule");
    }

    @Test
    void trainingIsOptional() {
        String json = "{\"encoder\": {\"name\": \"gcn\"}, \"sampler\": {\"name\": \"identity\"},"
                + " \"decoder\": {\"name\": \"inner-product\"}, \"losses\": [{\"name\": \"weighted-bce\"}]}";
        ModelDescription d = ModelDescriptionFile.parse(json, "inline");
        assertThat(d.model()).isEqualTo(ModelSpec.gae());
        assertThat(d.training()).isEqualTo(TrainerConfig.defaults());
    }

    @Test
    void badInputNamesTheSourceTheLineAndTheProblem() {
        assertThatThrownBy(() -> ModelDescriptionFile.parse(VGAE.replace("\"sampler\"", "\"samplr\""), "m.json"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(
                        "m.json:3: unknown key 'samplr' in the model description; known keys: [corruptions,"
                                + " decoder, encoder, losses, sampler, training]");
        assertThatThrownBy(() ->
                        ModelDescriptionFile.parse(VGAE.replace("\"epochs\": 300", "\"epochs\": \"many\""), "m.json"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("m.json:6: 'epochs' of 'training' must be an integer, got many");
        assertThatThrownBy(() -> ModelDescriptionFile.parse(VGAE.replace("\"epochs\": 300", "\"epochs\": 0"), "m.json"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("epochs and logEvery must be >= 1");
        assertThatThrownBy(() -> ModelDescriptionFile.parse(VGAE.replace("\"sampler\": {", "\"sampler\" {"), "m.json"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("m.json: line 3, column 13: expected ':'");
        assertThatThrownBy(() -> ModelDescriptionFile.parse(VGAE.replace("}},", "},"), "m.json"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("m.json: line 7, column 2: unexpected end of input");
        assertThatThrownBy(() -> ModelDescriptionFile.parse("{\"encoder\": {\"name\": \"gcn\"}}", "m.json"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("missing 'sampler'");
        assertThatThrownBy(() -> ModelDescriptionFile.parse(
                        VGAE.replace("[{\"name\": \"weighted-bce\"}, ", "[")
                                .replace("\"losses\": [", "\"losses\": [1, "),
                        "m.json"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("each entry of 'losses' must be a JSON object");
        assertThatThrownBy(() -> ModelDescriptionFile.parse("{\"a\": 1, \"a\": 2}", "m.json"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("duplicate key 'a'");
    }
}
