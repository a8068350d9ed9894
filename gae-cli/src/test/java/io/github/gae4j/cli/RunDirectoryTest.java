// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.gae4j.cli.report.RunReport;
import io.github.gae4j.cli.run.RunDirectory;
import io.github.gae4j.core.io.AtomicFiles;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 17: {@code gae train} never replaces an earlier run, or a user's file, without being asked; --force
 * replaces only gae4j's files; files get the usual permissions; a killed run's temporary files are cleaned up.
 */
final class RunDirectoryTest {

    @TempDir
    Path dir;

    private static Cli train(Path out, String... more) {
        String[] args = TrainEvalEmbedTest.concat(
                new String[] {"train", "--epochs", "2", "--no-tsne", "--out", out.toString()},
                TrainEvalEmbedTest.SMALL);
        return Cli.run(TrainEvalEmbedTest.concat(args, more));
    }

    @Test
    void theDefaultFolderMovesToTheNextFreeNameInsteadOfRefusingOrReplacing() throws IOException {
        Path base = dir.resolve("runs/gae-synthetic-seed42");
        assertThat(RunDirectory.firstFree(base)).isEqualTo(base);
        Files.createDirectories(base);
        assertThat(RunDirectory.firstFree(base)).as("an empty folder is free").isEqualTo(base);
        Files.writeString(base.resolve("model.gae4j"), "earlier run");
        Files.createDirectories(dir.resolve("runs/gae-synthetic-seed42-2"));
        Files.writeString(dir.resolve("runs/gae-synthetic-seed42-2/run.json"), "{}");

        assertThat(RunDirectory.firstFree(base)).isEqualTo(dir.resolve("runs/gae-synthetic-seed42-3"));
        assertThat(Files.readString(base.resolve("model.gae4j"))).isEqualTo("earlier run");
    }

    @Test
    void aSecondRunIntoTheSameFolderIsRefusedNamingForceAndResume() throws IOException {
        Path run = dir.resolve("run");
        assertThat(train(run).exitCode()).isZero();
        byte[] model = Files.readAllBytes(run.resolve("model.gae4j"));

        Cli again = train(run, "--seed", "7");

        assertThat(again.exitCode()).as(again.toString()).isEqualTo(2);
        assertThat(again.err().lines().findFirst())
                .hasValueSatisfying(line -> assertThat(line)
                        .startsWith("gae: " + run + ": the folder is not empty (checkpoint.gae4j, embeddings.csv,")
                        .contains("pass --force")
                        .contains("--resume " + run));
        assertThat(Files.readAllBytes(run.resolve("model.gae4j"))).isEqualTo(model);
    }

    @Test
    void forceReplacesOnlyGae4jsFiles() throws IOException {
        Path run = dir.resolve("run");
        assertThat(train(run).exitCode()).isZero();
        Path notes = Files.writeString(run.resolve("notes.txt"), "mine");
        assertThat(RunReport.isOwnReport(run.resolve("report.html"))).isTrue();

        Cli forced = train(run, "--force", "--no-embeddings", "--seed", "7");

        assertThat(forced.exitCode()).as(forced.toString()).isZero();
        assertThat(notes).hasContent("mine");
        // The earlier run's embeddings are gone with it: nothing of two runs is mixed.
        assertThat(run.resolve("embeddings.csv")).doesNotExist();
        assertThat(TrainEvalEmbedTest.json(run.resolve("run.json"))
                        .at("/provenance/seeds")
                        .toString())
                .contains("7");
    }

    @Test
    void forceNeverReplacesAUsersOwnReport() throws IOException {
        Path run = Files.createDirectories(dir.resolve("mine"));
        Path report = Files.writeString(run.resolve("report.html"), "<html><body>my notes</body></html>");

        Cli refused = train(run, "--force");

        assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(2);
        assertThat(refused.err())
                .startsWith("gae: " + report + ": was not written by gae4j, and --force replaces"
                        + " only gae4j's files; move it away, or pass --no-report");
        assertThat(report).hasContent("<html><body>my notes</body></html>");
        try (Stream<Path> files = Files.list(run)) {
            assertThat(files).containsExactly(report);
        }

        Cli withoutReport = train(run, "--force", "--no-report");

        assertThat(withoutReport.exitCode()).as(withoutReport.toString()).isZero();
        assertThat(report).hasContent("<html><body>my notes</body></html>");
        assertThat(run.resolve("model.gae4j")).isRegularFile();
    }

    @Test
    void aFailedCheckLeavesNoFolderBehind() {
        Path run = dir.resolve("never").resolve("made");

        assertThat(train(run, "--lr", "-1").exitCode()).isEqualTo(2);
        assertThat(train(run, "--encoder", "gnc").exitCode()).isEqualTo(2);
        assertThat(train(run, "--dataset", dir.resolve("missing.txt").toString())
                        .exitCode())
                .isEqualTo(2);

        assertThat(dir.resolve("never")).doesNotExist();
    }

    @Test
    void aTooSmallGraphIsADataErrorNamingTheFileAndLeavesNoFolder() throws IOException {
        Path twoNodes = Files.writeString(dir.resolve("two_nodes.txt"), "0 1\n");
        Path run = dir.resolve("run");

        Cli r = Cli.run("train", "-d", twoNodes.toString(), "-o", run.toString());

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
        assertThat(r.err())
                .isEqualTo("gae: " + twoNodes + ": Graph 'two_nodes' has 1 edge: too few for a link"
                        + " split with 10% test edges, which needs at least 10 edges" + System.lineSeparator());
        assertThat(run).doesNotExist();
    }

    @Test
    void filesGetTheUsualPermissions() throws IOException {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"), "POSIX permissions");
        String usual =
                PosixFilePermissions.toString(Files.getPosixFilePermissions(Files.createFile(dir.resolve("probe"))));
        assumeTrue(!usual.equals("rw-------"), "a umask that leaves more than the owner's bits");
        Path run = dir.resolve("run");

        assertThat(train(run).exitCode()).isZero();

        for (String name : List.of(
                "model.gae4j",
                "checkpoint.gae4j",
                "run.json",
                "embeddings.csv",
                "embeddings.npy",
                "node_ids.npy",
                "report.html",
                "loss.png")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(run.resolve(name))))
                    .as(name)
                    .isEqualTo(usual);
        }
    }

    @Test
    void theNextRunRemovesTheStaleTemporaryFilesOfAKilledOne() throws Exception {
        Path run = dir.resolve("run");
        assertThat(train(run, "--stop-after", "1").exitCode()).isZero();
        // What kill -9 leaves: an empty temporary checkpoint of a process that is gone, in the old or new naming.
        Process gone = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-version")
                .redirectErrorStream(true)
                .start();
        gone.getInputStream().readAllBytes();
        gone.waitFor();
        Path stale = Files.createFile(run.resolve(".checkpoint.gae4j." + gone.pid() + ".00000000000000ff.part"));
        Path legacy = Files.createFile(run.resolve(".checkpoint.gae4j8135513.part"));
        Files.setLastModifiedTime(legacy, FileTime.from(Instant.now().minusSeconds(3600)));
        Path users = Files.writeString(run.resolve(".notes.txt.1.part"), "not ours");

        Cli resumed = Cli.run(TrainEvalEmbedTest.concat(
                new String[] {"train", "--resume", run.toString(), "--no-tsne"}, TrainEvalEmbedTest.SMALL));

        assertThat(resumed.exitCode()).as(resumed.toString()).isZero();
        assertThat(stale).doesNotExist();
        assertThat(legacy).doesNotExist();
        assertThat(users).hasContent("not ours");
        try (Stream<Path> files = Files.list(run)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .noneMatch(n -> n.endsWith(AtomicFiles.SUFFIX) && n.contains("gae4j"));
        }
    }

    @Test
    void trainAndEvalPrintTheSplitSizes() {
        Path run = dir.resolve("run");
        Cli trained = train(run);
        Cli eval = Cli.run("eval", run.toString());

        // 1392 edges: 10 % (139) for test, 5 % (69) for validation, the rest for training, and as many non-edges.
        String split =
                "split: 1184 training edges; validation 69 edges + 69 non-edges; test 139 edges + 139" + " non-edges";
        assertThat(trained.out()).contains("(300 nodes, 1392 edges,");
        assertThat(trained.out()).as(trained.toString()).contains(split);
        assertThat(eval.out()).as(eval.toString()).contains(split);
    }

    @Test
    void embedAndEvalOutputsThatAreNotWritableAreUsageErrors() throws IOException {
        Path run = dir.resolve("run");
        assertThat(train(run, "--no-report").exitCode()).isZero();
        Path aFile = Files.writeString(dir.resolve("a-file"), "x");

        Cli embed = Cli.run("embed", run.toString(), "-o", aFile.toString());
        Cli eval = Cli.run(
                "eval", run.toString(), "--json", aFile.resolve("scores.json").toString());

        assertThat(embed.exitCode()).as(embed.toString()).isEqualTo(2);
        assertThat(embed.err())
                .startsWith("gae: " + aFile + ": is a file, not a directory; choose another output"
                        + " folder with -o DIR");
        assertThat(eval.exitCode()).as(eval.toString()).isEqualTo(2);
        assertThat(eval.err()).startsWith("gae: " + aFile + ": is a file, not a directory");
    }

    @Test
    void theReportCarriesTheMarkAndItsChartsAreTheKnownOnes() throws IOException {
        Path run = dir.resolve("run");
        assertThat(train(run).exitCode()).isZero();

        assertThat(Files.readString(run.resolve("report.html")))
                .contains("<meta name=\"generator\" content=\"gae4j\">");
        try (Stream<Path> files = Files.list(run)) {
            // --force removes the charts by these names: a new chart must be added to RunReport.IMAGES.
            assertThat(files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".png")))
                    .isSubsetOf(RunReport.IMAGES)
                    .isNotEmpty();
        }
    }
}
