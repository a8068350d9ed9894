// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.archetype;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The plugin that archetype:integration-test generated from src/test/resources/projects/template-gcn and built (its
 * goal.txt: verify) as a plugin author gets it: its contract tests ran, and the gae command loads it from
 * GAE_PLUGINS, lists it and trains with it. Runs after that build, in the same integration-test phase.
 */
final class GeneratedPluginIT {

    private static final Path PROJECT = Path.of(System.getProperty(
                    "gae4j.generatedProject", "target/test-classes/projects/template-gcn/project/template-gcn-plugin"))
            .toAbsolutePath();
    private static final Path JAR = PROJECT.resolve("target/template-gcn-plugin-1.0-SNAPSHOT.jar");
    private static final Path LAUNCHER = Path.of("..", "gae").toAbsolutePath().normalize();
    private static final Pattern COUNTS = Pattern.compile(
            "<testsuite [^>]*?tests=\"(\\d+)\"[^>]*?errors=\"(\\d+)\"[^>]*?skipped=\"(\\d+)\"[^>]*?failures=\"(\\d+)\"");

    @TempDir
    Path dir;

    record Run(int code, String out) {}

    /** The ./gae launcher of this checkout, with the generated jar in GAE_PLUGINS, as the generated README says. */
    private static Run gae(String... args) throws IOException, InterruptedException {
        return gae(true, args);
    }

    private static Run gae(boolean withPlugin, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("sh", LAUNCHER.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        if (withPlugin) {
            builder.environment().put("GAE_PLUGINS", JAR.toString());
        } else {
            builder.environment().remove("GAE_PLUGINS");
        }
        Process p = builder.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(5, TimeUnit.MINUTES)).isTrue();
        return new Run(p.exitValue(), out);
    }

    @Test
    void bothContractTestClassesRanAndPassed() throws IOException {
        Path reports = PROJECT.resolve("target/surefire-reports");
        for (String testClass : List.of("TemplateGcnContractTest", "TemplateGcnPluginContractTest")) {
            Path report = reports.resolve("TEST-com.example.gae.templategcn." + testClass + ".xml");
            assertThat(report)
                    .as("the generated project's build ran " + testClass)
                    .isRegularFile();
            Matcher m = COUNTS.matcher(Files.readString(report));
            assertThat(m.find()).as("test counts in " + report).isTrue();
            assertThat(Integer.parseInt(m.group(1)))
                    .as(testClass + ": tests run")
                    .isPositive();
            assertThat(List.of(m.group(2), m.group(3), m.group(4)))
                    .as(testClass + ": errors, skipped, failures")
                    .containsOnly("0");
        }
    }

    @Test
    void theGeneratedProjectRegistersItsPluginForServiceLoader() throws IOException {
        Path services = PROJECT.resolve("src/main/resources/META-INF/services/io.github.gae4j.core.spi.GaePlugin");
        assertThat(Files.readString(services).strip()).isEqualTo("com.example.gae.templategcn.TemplateGcnPlugin");
        try (Stream<Path> sources = Files.walk(PROJECT.resolve("src"))) {
            assertThat(sources.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".java")))
                    .containsExactlyInAnyOrder(
                            "TemplateGcn.java",
                            "TemplateGcnFactory.java",
                            "TemplateGcnPlugin.java",
                            "TemplateGcnContractTest.java",
                            "TemplateGcnPluginContractTest.java");
        }
    }

    @Test
    void gaePluginsListsIt() throws Exception {
        assertThat(JAR).as("the generated project's jar").isRegularFile();
        Run r = gae("plugins");
        assertThat(r.code()).as(r.out()).isZero();
        assertThat(r.out())
                .contains("template-gcn-plugin")
                .contains(JAR.getFileName().toString())
                .containsPattern("template-gcn +\\[template-gcn-plugin]")
                .contains("hidden=32")
                .contains("latent=16");
    }

    @Test
    void gaeTrainsWithItAndRecordsItsJar() throws Exception {
        Path out = dir.resolve("run");
        Run r = gae(
                "train",
                "--encoder",
                "template-gcn",
                "-O",
                "encoder.hidden=16",
                "-e",
                "2",
                "--dataset-option",
                "nodes=200",
                "--out",
                out.toString(),
                "--no-tsne",
                "--threads",
                "2");
        assertThat(r.code()).as(r.out()).isZero();
        assertThat(r.out())
                .contains("template-gcn on sbm")
                .contains("epoch 2/2")
                .contains("test AUC");
        assertThat(out.resolve("model.gae4j")).isRegularFile();
        JsonNode run = new ObjectMapper().readTree(out.resolve("run.json").toFile());
        List<Map<String, String>> encoders = new ArrayList<>();
        for (JsonNode p : run.at("/provenance/plugins")) {
            if (p.get("kind").textValue().equals("encoder")) {
                encoders.add(Map.of(
                        "name",
                        p.get("name").textValue(),
                        "plugin",
                        p.get("plugin").textValue(),
                        "version",
                        p.get("version").textValue(),
                        "jar",
                        p.get("jar").textValue()));
            }
        }
        assertThat(encoders)
                .containsExactly(Map.of(
                        "name",
                        "template-gcn",
                        "plugin",
                        "template-gcn-plugin",
                        "version",
                        "1.0-SNAPSHOT",
                        "jar",
                        JAR.toString()));

        // Without the jar, evaluating the model names the missing plugin and how to add it.
        Run missing = gae(false, "eval", out.resolve("model.gae4j").toString());
        assertThat(missing.code()).as(missing.out()).isNotZero();
        assertThat(missing.out())
                .contains("encoder 'template-gcn' from plugin 'template-gcn-plugin'")
                .contains("GAE_PLUGINS=" + JAR)
                .doesNotContain("\tat ");
    }
}
