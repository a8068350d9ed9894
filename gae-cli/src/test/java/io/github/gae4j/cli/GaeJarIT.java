package io.github.gae4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The built jar as users run it, in its own JVM: every module's plugins are found through the
 * merged service files, the launcher script works, and exit codes reach the shell.
 */
final class GaeJarIT {

    private static final Path JAR = Path.of("target", "gae.jar").toAbsolutePath();
    private static final Path LAUNCHER = Path.of("..", "gae").toAbsolutePath().normalize();

    @TempDir
    Path dir;

    record Run(int code, String out) {
    }

    private static Run run(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(5, TimeUnit.MINUTES)).isTrue();
        return new Run(p.exitValue(), out);
    }

    private static List<String> java(String... args) {
        List<String> c = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", JAR.toString()));
        c.addAll(List.of(args));
        return c;
    }

    @Test
    void theJarFindsEveryModulesPlugins() throws Exception {
        assertThat(JAR).isRegularFile();
        Run r = run(java("plugins"));
        assertThat(r.code()).as(r.out()).isZero();
        assertThat(r.out()).contains("gae-encoders").contains("gae-decoders").contains("gae-losses")
                .contains("gae-datasets").contains("gcn").contains("inner-product").contains("weighted-bce")
                .contains("linqs");
    }

    @Test
    void exitCodesReachTheShell() throws Exception {
        assertThat(run(java("--version")).code()).isZero();
        assertThat(run(java("train", "--no-such-option")).code()).isEqualTo(2);
        assertThat(run(java("eval", dir.resolve("missing").toString())).code()).isEqualTo(2);
        Files.writeString(dir.resolve("bad.gae4j"), "garbage");
        assertThat(run(java("eval", dir.resolve("bad.gae4j").toString())).code()).isEqualTo(1);
    }

    @Test
    void theLauncherTrainsAndWritesARunDirectory() throws Exception {
        Path out = dir.resolve("run");
        Run r = run(List.of("sh", LAUNCHER.toString(), "train", "--epochs", "20", "--out", out.toString(),
                "--no-tsne", "--threads", "2"));
        assertThat(r.code()).as(r.out()).isZero();
        assertThat(r.out()).contains("Vector API").contains("test AUC").contains("epoch 20/20");
        assertThat(out.resolve("model.gae4j")).isRegularFile();
        assertThat(out.resolve("embeddings.npy")).isRegularFile();
        assertThat(out.resolve("report.html")).isRegularFile();
        // Provenance: every plugin came from the one jar, at this release.
        com.fasterxml.jackson.databind.JsonNode plugins = TrainEvalEmbedTest.json(out.resolve("run.json"))
                .at("/provenance/plugins");
        assertThat(plugins).isNotEmpty();
        for (com.fasterxml.jackson.databind.JsonNode p : plugins) {
            assertThat(p.get("jar").textValue()).isEqualTo(JAR.toString());
            assertThat(p.get("version").textValue())
                    .isEqualTo(TrainEvalEmbedTest.json(out.resolve("run.json")).get("gae4j").textValue())
                    .isNotEqualTo("unknown");
        }
    }
}
