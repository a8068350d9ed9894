// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.examples.linkprediction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.gae4j.runtime.plugin.PluginRegistry;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class LinkPredictionExampleTest {

    private static final PluginRegistry PLUGINS =
            PluginRegistry.discover(LinkPredictionExampleTest.class.getClassLoader());

    @Test
    void runsOnTheBuiltInSyntheticGraphAndWritesJson(@TempDir Path dir) throws Exception {
        Path json = dir.resolve("out/results.json");
        Options options = Options.parse("--epochs", "60", "--seeds", "2", "--threads", "2", "--json", json.toString());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        LinkPredictionExample.Result result =
                LinkPredictionExample.run(options, PLUGINS, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        LinkPredictionExample.writeJson(result, json);

        assertThat(result.models()).extracting(ModelResult::model).containsExactly("gae", "vgae");
        for (ModelResult m : result.models()) {
            assertThat(m.runs()).hasSize(2);
            assertThat(m.meanAuc()).as("%s mean test AUC", m.model()).isGreaterThan(0.85);
            assertThat(m.meanAp()).as("%s mean test AP", m.model()).isGreaterThan(0.85);
        }
        String table = bytes.toString(StandardCharsets.UTF_8);
        assertThat(table).contains("test AUC").contains("gae").contains("vgae").contains("mean");
        String text = Files.readString(json);
        assertThat(text)
                .contains("\"dataset\": \"" + result.dataset() + "\"")
                .contains("\"mean_test_auc\"")
                .contains("\"epoch_ms\"")
                .contains("\"seeds\"");
    }

    @Test
    void sameSeedSameNumbersWhateverTheThreadCount() {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(sink, true, StandardCharsets.UTF_8);
        var one = LinkPredictionExample.run(
                Options.parse("--epochs", "20", "--seeds", "1", "--model", "vgae", "--threads", "1"), PLUGINS, out);
        var two = LinkPredictionExample.run(
                Options.parse("--epochs", "20", "--seeds", "1", "--model", "vgae", "--threads", "2"), PLUGINS, out);
        assertThat(one.models().get(0).runs().get(0).testAuc())
                .isEqualTo(two.models().get(0).runs().get(0).testAuc());
        assertThat(one.models().get(0).runs().get(0).testAp())
                .isEqualTo(two.models().get(0).runs().get(0).testAp());
    }

    @Test
    void badArgumentsGetAReadableMessage() {
        assertThatThrownBy(() -> Options.parse("--model", "gcnx"))
                .hasMessageContaining("Unknown model 'gcnx'; known models: [gae, vgae]");
        assertThatThrownBy(() -> Options.parse("--epochs")).hasMessageContaining("Option '--epochs' needs a value");
        assertThatThrownBy(() -> Options.parse("--frobnicate")).hasMessageContaining("Unknown option '--frobnicate'");
        assertThatThrownBy(() -> Options.parse("--seeds", "x")).hasMessageContaining("needs an integer, got 'x'");
        assertThatThrownBy(() -> LinkPredictionExample.coraDirectory(Path.of("/nonexistent/data")))
                .hasMessageContaining("No Cora in '/nonexistent/data'");
    }
}
