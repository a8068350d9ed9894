// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.runtime.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.gae4j.core.error.ConfigException;
import io.github.gae4j.runtime.minibatch.FanOut;
import io.github.gae4j.runtime.minibatch.MiniBatchSettings;
import io.github.gae4j.runtime.minibatch.NegativeSampling;
import io.github.gae4j.runtime.model.ModelSpec;
import io.github.gae4j.runtime.train.TrainerConfig;
import org.junit.jupiter.api.Test;

/** The {@code mini-batch} block of {@code training}: read from JSON and YAML, written back, bad values located. */
final class MiniBatchSettingsFileTest {

    private static final String GAE = """
            {
              "encoder": {"name": "gcn"},
              "sampler": {"name": "identity"},
              "decoder": {"name": "inner-product"},
              "losses": [{"name": "negative-sampling-bce"}],
              "training": {"epochs": 20,
                "mini-batch": %s}
            }""";

    private static ModelDescription parse(String block) {
        return ModelDescriptionFile.parse(GAE.formatted(block), "m.json");
    }

    @Test
    void readsEveryKeyAndWritesThemBack() {
        ModelDescription d = parse("{\"batch-size\": 1024, \"fanout\": [25, 10], \"neg-ratio\": 2,"
                + " \"negatives\": \"degree\", \"batches-per-epoch\": 8}");
        MiniBatchSettings expected = new MiniBatchSettings(1024, FanOut.of(25, 10), 2.0, NegativeSampling.DEGREE, 8);
        assertThat(d.training().miniBatch()).isEqualTo(expected);
        String printed = ModelDescriptionFile.write(d);
        assertThat(printed).contains("\"mini-batch\"").contains("\"negatives\": \"degree\"");
        assertThat(ModelDescriptionFile.parse(printed, "printed")).isEqualTo(d);
    }

    @Test
    void optionalKeysDefaultAndTheFanOutMayBeText() {
        assertThat(parse("{\"batch-size\": 64, \"fanout\": \"-1, 5\"}")
                        .training()
                        .miniBatch())
                .isEqualTo(MiniBatchSettings.of(64, FanOut.of(-1, 5)));
        assertThat(parse("{\"batch-size\": 64, \"fanout\": 25}").training().miniBatch())
                .isEqualTo(MiniBatchSettings.of(64, FanOut.of(25)));
    }

    @Test
    void fullBatchWritesNoBlock() {
        ModelDescription full = new ModelDescription(ModelSpec.gae(), TrainerConfig.defaults());
        assertThat(ModelDescriptionFile.write(full)).doesNotContain("mini-batch");
        ModelDescription mini = new ModelDescription(
                ModelSpec.gae().withNegativeSampling(),
                TrainerConfig.builder().miniBatch(512, "25,10").build());
        assertThat(ModelDescriptionFile.parse(ModelDescriptionFile.write(mini), "printed"))
                .isEqualTo(mini);
    }

    @Test
    void inYaml() {
        String yaml = String.join(
                "\n",
                "encoder: {name: gcn}",
                "sampler: {name: identity}",
                "decoder: {name: inner-product}",
                "losses: [{name: negative-sampling-bce}]",
                "training:",
                "  mini-batch:",
                "    batch-size: 256",
                "    fanout: [15, 10]",
                "    negatives: uniform",
                "");
        ModelDescription d = ModelDescriptionFile.parse(yaml, Json.Syntax.YAML, "m.yaml");
        assertThat(d.training().miniBatch()).isEqualTo(MiniBatchSettings.of(256, FanOut.of(15, 10)));
        assertThatThrownBy(() -> ModelDescriptionFile.parse(
                        yaml.replace("fanout: [15, 10]", "fanout: [15, x]"), Json.Syntax.YAML, "m.yaml"))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("m.yaml:8: 'fanout' of 'mini-batch' of 'training' must hold whole numbers");
    }

    @Test
    void eachBadValueNamesTheFileTheLineAndTheKey() {
        bad(
                "{\"batch-size\": 0, \"fanout\": [25, 10]}",
                "m.json:7: 'batch-size' of 'mini-batch' of 'training' must" + " be at least 1 training edge, got 0");
        bad(
                "{\"batch-size\": \"big\", \"fanout\": [25, 10]}",
                "m.json:7: 'batch-size' of 'mini-batch' of 'training'" + " must be an integer, got big");
        bad("{\"fanout\": [25, 10]}", "m.json:7: 'mini-batch' of 'training' needs 'batch-size' and 'fanout'");
        bad(
                "{\"batch-size\": 8, \"fanout\": \"25,x\"}",
                "m.json:7: 'fanout' of 'mini-batch' of 'training': Fan-out"
                        + " '25,x': entry 2 ('x') is not a whole number");
        bad(
                "{\"batch-size\": 8, \"fanout\": [0]}",
                "m.json:7: 'fanout' of 'mini-batch' of 'training': Fan-out '0':" + " Fan-out entry 1 is 0");
        bad(
                "{\"batch-size\": 8, \"fanout\": []}",
                "m.json:7: 'fanout' of 'mini-batch' of 'training': The fan-out is" + " empty");
        bad(
                "{\"batch-size\": 8, \"fanout\": true}",
                "'fanout' of 'mini-batch' of 'training' must be a list like [25,"
                        + " 10] or the text \"25,10\", got true");
        bad(
                "{\"batch-size\": 8, \"fanout\": [2], \"neg-ratio\": 0}",
                "m.json:7: 'neg-ratio' of 'mini-batch' of" + " 'training' must be a positive finite number, got 0");
        bad(
                "{\"batch-size\": 8, \"fanout\": [2], \"negatives\": \"hard\"}",
                "m.json:7: 'negatives' of 'mini-batch' of"
                        + " 'training': Unknown negative sampling 'hard'; known: uniform, degree");
        bad(
                "{\"batch-size\": 8, \"fanout\": [2], \"batches-per-epoch\": -1}",
                "m.json:7: 'batches-per-epoch' of"
                        + " 'mini-batch' of 'training' must be >= 0 (0 = all batches), got -1");
        bad(
                "{\"batch-size\": 8, \"fanout\": [2], \"batch_size\": 8}",
                "m.json:7: unknown key 'batch_size' in"
                        + " 'mini-batch' of 'training'; known keys: [batch-size, batches-per-epoch, fanout, neg-ratio,"
                        + " negatives]");
        bad("1024", "m.json:7: 'mini-batch' of 'training' must be a JSON object");
    }

    private static void bad(String block, String message) {
        assertThatThrownBy(() -> parse(block))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(message);
    }
}
