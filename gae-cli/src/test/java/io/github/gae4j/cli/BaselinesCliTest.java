// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.gae4j.cli.run.RunFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** train and eval show the link heuristics beside the model, record them, draw them; --no-baselines skips them. */
final class BaselinesCliTest {

    @TempDir
    static Path dir;

    static Path run;
    static Cli train;

    @BeforeAll
    static void trainOnce() {
        run = dir.resolve("run");
        train = Cli.run(TrainEvalEmbedTest.concat(
                new String[] {"train", "--epochs", "20", "--seed", "5", "--no-tsne", "--out", run.toString()},
                TrainEvalEmbedTest.SMALL));
    }

    @Test
    void trainPrintsTheHeuristicsAndRecordsThemInRunJsonAndTheReport() throws IOException {
        assertThat(train.exitCode()).as(train.toString()).isZero();
        String out = train.out();
        assertThat(out)
                .contains("baselines on the same test pairs")
                .contains("common neighbours")
                .contains("Adamic-Adar")
                .contains("resource allocation")
                .contains("preferential attachment")
                .contains("truncated Katz")
                .contains("model vs best heuristic");
        // The table comes after the model's own score and before the list of files.
        assertThat(out.indexOf("test AUC")).isLessThan(out.indexOf("baselines on"));
        assertThat(out.indexOf("baselines on")).isLessThan(out.indexOf("wrote "));
        JsonNode json = read(run.resolve(RunFiles.RUN_JSON));
        JsonNode b = json.get("baselines");
        assertThat(b).as("run.json baselines").isNotNull();
        assertThat(b.get("heuristics").size()).isEqualTo(5);
        String best = b.get("best").textValue();
        double bestAuc = 0;
        for (Iterator<Map.Entry<String, JsonNode>> it = b.get("heuristics").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> h = it.next();
            assertThat(h.getValue().get("auc").doubleValue()).as(h.getKey()).isBetween(0.0, 1.0);
            assertThat(h.getValue().get("ap").doubleValue()).as(h.getKey()).isBetween(0.0, 1.0);
            bestAuc = Math.max(bestAuc, h.getValue().get("auc").doubleValue());
        }
        assertThat(b.get("heuristics").get(best).get("auc").doubleValue()).isEqualTo(bestAuc);
        double modelAuc = json.get("results").get("test-auc").doubleValue();
        assertThat(b.get("model-lead-auc-points").doubleValue()).isCloseTo(100 * (modelAuc - bestAuc), within(1e-9));
        assertThat(b.get("test-positives").intValue()).isPositive();
        String html = Files.readString(run.resolve(RunFiles.REPORT), StandardCharsets.UTF_8);
        assertThat(html)
                .contains("baseline: Adamic-Adar")
                .contains("model vs best heuristic")
                .contains("Thinner lines: link heuristics");
    }

    @Test
    void evalShowsTheSameHeuristicsOnTheRebuiltSplit() throws IOException {
        Path json = dir.resolve("eval.json");
        Cli eval = Cli.run("eval", run.toString(), "--json", json.toString(), "--threads", "1");
        assertThat(eval.exitCode()).as(eval.toString()).isZero();
        assertThat(eval.out()).contains("baselines on the same test pairs").contains("model vs best heuristic");
        JsonNode trained = read(run.resolve(RunFiles.RUN_JSON)).get("baselines").get("heuristics");
        JsonNode evaluated = read(json).get("baselines").get("heuristics");
        for (String key : List.of("cn", "aa", "ra", "pa", "katz")) {
            assertThat(evaluated.get(key).get("auc").doubleValue())
                    .as(key)
                    .isEqualTo(trained.get(key).get("auc").doubleValue());
            assertThat(evaluated.get(key).get("ap").doubleValue())
                    .as(key)
                    .isEqualTo(trained.get(key).get("ap").doubleValue());
        }
    }

    @Test
    void noBaselinesSkipsThemEverywhere() throws IOException {
        Path skipped = dir.resolve("skipped");
        Cli r = Cli.run(TrainEvalEmbedTest.concat(
                new String[] {"train", "--epochs", "3", "--no-baselines", "--no-tsne", "--out", skipped.toString()},
                TrainEvalEmbedTest.SMALL));
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).contains("test AUC").doesNotContain("baselines on").doesNotContain("heuristic");
        assertThat(read(skipped.resolve(RunFiles.RUN_JSON)).has("baselines")).isFalse();
        assertThat(Files.readString(skipped.resolve(RunFiles.REPORT))).doesNotContain("baseline:");
        Cli eval = Cli.run("eval", skipped.toString(), "--no-baselines");
        assertThat(eval.exitCode()).as(eval.toString()).isZero();
        assertThat(eval.out()).contains("test AUC").doesNotContain("baselines on");
    }

    private static JsonNode read(Path file) throws IOException {
        return TrainEvalEmbedTest.json(file);
    }
}
