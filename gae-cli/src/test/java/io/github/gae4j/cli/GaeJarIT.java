// SPDX-License-Identifier: Apache-2.0
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

    record Run(int code, String out) {}

    private static Run run(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(5, TimeUnit.MINUTES)).isTrue();
        return new Run(p.exitValue(), out);
    }

    private static List<String> java(String... args) {
        List<String> c = new ArrayList<>(
                List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", JAR.toString()));
        c.addAll(List.of(args));
        return c;
    }

    @Test
    void theJarFindsEveryModulesPlugins() throws Exception {
        assertThat(JAR).isRegularFile();
        Run r = run(java("plugins"));
        assertThat(r.code()).as(r.out()).isZero();
        assertThat(r.out())
                .contains("gae-encoders")
                .contains("gae-decoders")
                .contains("gae-losses")
                .contains("gae-datasets")
                .contains("gcn")
                .contains("inner-product")
                .contains("weighted-bce")
                .contains("linqs");
    }

    @Test
    void exitCodesReachTheShell() throws Exception {
        assertThat(run(java("--version")).code()).isZero();
        assertThat(run(java("train", "--no-such-option")).code()).isEqualTo(2);
        assertThat(run(java("eval", dir.resolve("missing").toString())).code()).isEqualTo(2);
        Files.writeString(dir.resolve("bad.gae4j"), "garbage");
        assertThat(run(java("eval", dir.resolve("bad.gae4j").toString())).code())
                .isEqualTo(1);
    }

    /** One bad input or argument: the command, its exit code and the start of its one line of message. */
    record Bad(String what, List<String> args, int code, String firstLine) {}

    /**
     * Issue 17's suite: each foreseeable mistake exits 2 (usage) or 1 (data) with one line naming the option or
     * file ({@code gae: ...}), no stack trace, no Java exception name, and no output folder left behind.
     */
    @Test
    void badInputsAndArgumentsFailWithOneClearLineAndNoTrace() throws Exception {
        Path twoNodes = Files.writeString(dir.resolve("two_nodes.txt"), "0 1\n");
        Path mixed = Files.writeString(dir.resolve("mixed.txt"), ring(40, 31, "x31"));
        Path negative = Files.writeString(dir.resolve("negative.txt"), ring(40, 7, "-7"));
        Path aFile = Files.writeString(dir.resolve("a-file"), "not a folder");
        Path used = Files.createDirectories(dir.resolve("used"));
        Files.writeString(used.resolve("model.gae4j"), "an earlier run");
        Path emptyData = Files.createDirectories(dir.resolve("data"));
        Path garbage = Files.writeString(dir.resolve("garbage.gae4j"), "this is not a model");
        String out = dir.resolve("out").toString();
        List<Bad> cases = List.of(
                new Bad(
                        "graph too small to split",
                        List.of("train", "-d", twoNodes.toString(), "-o", out),
                        1,
                        "gae: " + twoNodes + ": Graph 'two_nodes' has 1 edge: too few for a link split with 10% test"
                                + " edges, which needs at least 10 edges"),
                new Bad(
                        "--epochs 0",
                        List.of("train", "--epochs", "0", "-o", out),
                        2,
                        "gae: --epochs must be at least 1, got 0"),
                new Bad(
                        "--epochs -5",
                        List.of("train", "--epochs", "-5", "-o", out),
                        2,
                        "gae: --epochs must be at least 1, got -5"),
                new Bad(
                        "--epochs many",
                        List.of("train", "--epochs", "many", "-o", out),
                        2,
                        "Invalid value for option '--epochs': 'many' is not an int"),
                new Bad(
                        "--lr -1",
                        List.of("train", "--lr", "-1", "-o", out),
                        2,
                        "gae: --lr must be a positive finite number, got -1.0"),
                new Bad(
                        "--lr NaN",
                        List.of("train", "--lr", "NaN", "-o", out),
                        2,
                        "gae: --lr must be a positive finite number, got NaN"),
                new Bad(
                        "--threads 0",
                        List.of("train", "--threads", "0", "-o", out),
                        2,
                        "gae: --threads must be at least 1, got 0"),
                new Bad(
                        "--checkpoint-every -1",
                        List.of("train", "--checkpoint-every", "-1", "-o", out),
                        2,
                        "gae: --checkpoint-every must be at least 0 (0 = only at the end), got -1"),
                new Bad(
                        "--stop-after 0",
                        List.of("train", "--stop-after", "0", "-o", out),
                        2,
                        "gae: --stop-after must be at least 1, got 0"),
                new Bad(
                        "--patience -1",
                        List.of("train", "--patience", "-1", "-o", out),
                        2,
                        "gae: --patience must be at least 0 (0 = never stop early), got -1"),
                new Bad(
                        "--eval-every -1",
                        List.of("train", "--eval-every", "-1", "-o", out),
                        2,
                        "gae: --eval-every must be at least 0 (0 = never), got -1"),
                new Bad(
                        "--weight-decay -1",
                        List.of("train", "--weight-decay", "-1", "-o", out),
                        2,
                        "gae: --weight-decay must be a finite number >= 0, got -1.0"),
                new Bad(
                        "--grad-clip NaN",
                        List.of("train", "--grad-clip", "NaN", "-o", out),
                        2,
                        "gae: --grad-clip must be a finite number >= 0 (0 = off), got NaN"),
                new Bad(
                        "missing file",
                        List.of("train", "-d", dir.resolve("missing.txt").toString(), "-o", out),
                        2,
                        "gae: " + dir.resolve("missing.txt") + ": file not found (--dataset)"),
                new Bad(
                        "missing file near a catalog name",
                        List.of("train", "-d", "cora.npz", "-o", out),
                        2,
                        "gae: cora.npz: file not found (--dataset); did you mean the catalog dataset 'cora' (-d"
                                + " cora)?"),
                new Bad(
                        "mistyped catalog name",
                        List.of("train", "-d", "cra", "--data-dir", emptyData.toString(), "-o", out),
                        2,
                        "gae: Unknown dataset 'cra' (did you mean 'cora'?); known datasets:"),
                new Bad(
                        "unknown loss",
                        List.of("train", "--loss", "foo", "-o", out),
                        2,
                        "gae: Unknown loss 'foo'; known losses: [adversarial,"),
                new Bad(
                        "output is a file",
                        List.of("train", "-o", aFile.toString()),
                        2,
                        "gae: " + aFile + ": is a file, not a directory; choose another output folder with -o DIR"),
                new Bad(
                        "output under a file",
                        List.of("train", "-o", aFile.resolve("run").toString()),
                        2,
                        "gae: " + aFile.resolve("run") + ": cannot be created: " + aFile + " is a file, not a"
                                + " directory"),
                new Bad(
                        "output folder in use",
                        List.of("train", "-o", used.toString()),
                        2,
                        "gae: " + used + ": the folder is not empty (model.gae4j); pass --force to replace gae4j's"
                                + " files in it, --resume " + used + " to continue the run in it, or choose another"
                                + " folder with -o DIR"),
                new Bad(
                        "ids=int with a stray token",
                        List.of("train", "-d", mixed.toString(), "--dataset-option", "ids=int", "-o", out),
                        1,
                        "gae: " + mixed + ":31: node id 'x31' (field 2) is not an integer;" + " ids=int"),
                new Bad(
                        "ids=int with a negative id",
                        List.of("train", "-d", negative.toString(), "--dataset-option", "ids=int", "-o", out),
                        1,
                        "gae: " + negative + ":7: node id '-7'" + " (field 2) is negative; ids=int"),
                new Bad(
                        "eval of a missing run",
                        List.of("eval", dir.resolve("nothing").toString()),
                        2,
                        "gae: " + dir.resolve("nothing") + ": no such file or run directory"),
                new Bad(
                        "eval of a broken model",
                        List.of("eval", garbage.toString()),
                        1,
                        "gae: " + garbage + ": not a gae4j model file"),
                new Bad(
                        "reproduce --seeds 0",
                        List.of("reproduce", "--seeds", "0", "--data-dir", emptyData.toString()),
                        2,
                        "gae: --seeds must be >= 1, got 0"));
        List<String> report = new ArrayList<>();
        for (Bad bad : cases) {
            Run r = run(java(bad.args().toArray(String[]::new)));
            String first = firstMessageLine(r.out());
            report.add(String.format("| %s | %d | %s |", bad.what(), r.code(), first));
            assertThat(r.code()).as(bad.what() + "\n" + r.out()).isEqualTo(bad.code());
            assertThat(first).as(bad.what() + "\n" + r.out()).startsWith(bad.firstLine());
            assertThat(r.out())
                    .as(bad.what())
                    .doesNotContain("\tat ")
                    .doesNotContainPattern("[A-Za-z]+Exception\\b")
                    .doesNotContain("unexpected error")
                    .doesNotContain("internal error");
            assertThat(dir.resolve("out"))
                    .as(bad.what() + ": no folder after a failed check")
                    .doesNotExist();
        }
        System.out.println(String.join("\n", report));
    }

    @Test
    void debugPrintsTheTraceOfTheSameError() throws Exception {
        Path twoNodes = Files.writeString(dir.resolve("two_nodes.txt"), "0 1\n");
        Run r = run(java(
                "--debug",
                "train",
                "-d",
                twoNodes.toString(),
                "-o",
                dir.resolve("out").toString()));
        assertThat(r.code()).isEqualTo(1);
        assertThat(firstMessageLine(r.out())).contains("too few for a link split");
        assertThat(r.out()).contains("\tat io.github.gae4j.");
    }

    @Test
    void strayAndNegativeIdsWarnWithTheirLinesAndTrainingGoesOn() throws Exception {
        Path mixed = Files.writeString(dir.resolve("mixed.txt"), ring(40, 31, "x31"));
        Run r = run(java(
                "train",
                "-d",
                mixed.toString(),
                "--epochs",
                "1",
                "--no-report",
                "--no-embeddings",
                "--threads",
                "1",
                "-o",
                dir.resolve("run").toString()));
        assertThat(r.code()).as(r.out()).isZero();
        assertThat(r.out())
                .contains("WARN")
                .contains(mixed + ": mixed node ids: 40 are integers and 1 are not" + " (first on line 31 ('x31'))");
        Path negative = Files.writeString(dir.resolve("negative.txt"), ring(40, 7, "-7"));
        Run n = run(java(
                "train",
                "-d",
                negative.toString(),
                "--epochs",
                "1",
                "--no-report",
                "--no-embeddings",
                "--threads",
                "1",
                "-o",
                dir.resolve("run2").toString()));
        assertThat(n.code()).as(n.out()).isZero();
        assertThat(n.out()).contains(negative + ": 1 node id is negative (first on line 7 ('-7'))");
    }

    /** A ring of {@code n} integer nodes plus chords, with line {@code line}'s second id replaced by {@code id}. */
    private static String ring(int n, int line, String id) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            String to = i + 1 == line ? id : Integer.toString((i + 1) % n);
            b.append(i).append(' ').append(to).append('\n');
        }
        for (int i = 0; i < n; i++) {
            b.append(i).append(' ').append((i + 5) % n).append('\n');
        }
        return b.toString();
    }

    /** The first line of gae's own message (the JVM's and the logger's lines come before it). */
    private static String firstMessageLine(String out) {
        return out.lines()
                .filter(l -> l.startsWith("gae: ") || l.startsWith("Invalid value") || l.startsWith("Unknown"))
                .findFirst()
                .orElse("(none)");
    }

    @Test
    void theLauncherTrainsAndWritesARunDirectory() throws Exception {
        Path out = dir.resolve("run");
        Run r = run(List.of(
                "sh",
                LAUNCHER.toString(),
                "train",
                "--epochs",
                "20",
                "--out",
                out.toString(),
                "--no-tsne",
                "--threads",
                "2"));
        assertThat(r.code()).as(r.out()).isZero();
        assertThat(r.out()).contains("Vector API").contains("test AUC").contains("epoch 20/20");
        assertThat(out.resolve("model.gae4j")).isRegularFile();
        assertThat(out.resolve("embeddings.npy")).isRegularFile();
        assertThat(out.resolve("report.html")).isRegularFile();
        // Provenance: every plugin came from the one jar, at this release.
        com.fasterxml.jackson.databind.JsonNode plugins =
                TrainEvalEmbedTest.json(out.resolve("run.json")).at("/provenance/plugins");
        assertThat(plugins).isNotEmpty();
        for (com.fasterxml.jackson.databind.JsonNode p : plugins) {
            assertThat(p.get("jar").textValue()).isEqualTo(JAR.toString());
            assertThat(p.get("version").textValue())
                    .isEqualTo(TrainEvalEmbedTest.json(out.resolve("run.json"))
                            .get("gae4j")
                            .textValue())
                    .isNotEqualTo("unknown");
        }
    }
}
