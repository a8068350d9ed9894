// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.spark.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the user types, checked before Spark starts: the option names of {@code gae}, the Spark-only ones, and each
 * mistake failing with one line and the exit code of {@code gae} (2 for arguments). No session is opened here.
 */
class GaeSparkCommandTest {

    @TempDir
    Path dir;

    record Run(int code, String out, String err) {}

    /** Sessions that must not be asked for: every case here fails, or prints, before Spark starts. */
    private static final Sessions NO_SPARK = new Sessions() {
        @Override
        public SparkSession open(String command, String master) {
            throw new AssertionError("Spark started for a command that should have failed before");
        }

        @Override
        public void release(SparkSession session) {}
    };

    static Run run(Sessions sessions, SparkEngines engines, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = GaeSparkCommand.execute(args, new PrintWriter(out), new PrintWriter(err), sessions, engines);
        return new Run(code, out.toString(), err.toString());
    }

    private static Run run(String... args) {
        return run(NO_SPARK, EngineWiring.engines(), args);
    }

    @Test
    void helpListsTheSubcommands() {
        Run r = run("--help");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("train", "embed", "predict", "--master");
    }

    @Test
    void trainTakesTheOptionNamesOfGaeTrainAndTheSparkOnes() {
        Run r = run("train", "--help");
        assertThat(r.code()).isZero();
        assertThat(r.out())
                .contains("--model", "--model-file", "--encoder", "--decoder", "--loss", "-O, --option")
                .contains("--epochs", "--lr", "--optimizer", "--seed", "--patience", "--keep-last")
                .contains("--batch-size", "--fanout", "--neg-ratio", "--negatives", "--batches-per-epoch")
                .contains("-o, --out", "--force")
                .contains("--edges", "--features", "--format", "--blocks", "--rounds", "--halo-caps", "--master");
        assertThat(run("embed", "--help").out()).contains("RUN|MODEL", "--edges", "--features", "--blocks", "--out");
        assertThat(run("predict", "--help").out())
                .contains("--top", "--per-node", "--candidates", "--edges", "--halo-caps", "--out", "--force");
    }

    @Test
    void versionNamesGae4jAndSpark() {
        Run r = run("--version");
        assertThat(r.code()).isZero();
        assertThat(r.out()).startsWith("gae-spark ").contains("Spark ");
    }

    /** One bad argument: its exit code and the one line it prints. */
    record Bad(List<String> args, int code, String line) {}

    @Test
    void badArgumentsFailWithOneLineAndExitCode2BeforeSparkStarts() throws IOException {
        Path edges = Files.writeString(dir.resolve("edges.csv"), "src,dst\n0,1\n");
        Path features = Files.writeString(dir.resolve("features.csv"), "id,f0\n0,1.0\n1,2.0\n");
        Path model = Files.writeString(dir.resolve("model.gae4j"), "not read: the options fail first");
        List<String> tables = List.of("--edges", edges.toString(), "--features", features.toString());
        List<Bad> cases = List.of(
                new Bad(
                        with(List.of("train", "--epochs", "0"), tables),
                        2,
                        "gae-spark: --epochs must be at least 1, got 0"),
                new Bad(
                        with(List.of("train", "--lr", "-1"), tables),
                        2,
                        "gae-spark: --lr must be a positive finite number, got -1.0"),
                new Bad(
                        with(List.of("train", "--fanout", "10,5"), tables),
                        2,
                        "gae-spark: --fanout sets mini-batch training, which needs --batch-size B"),
                new Bad(
                        with(List.of("train", "--blocks", "0"), tables),
                        2,
                        "gae-spark: --blocks must be at least 1, got 0"),
                new Bad(
                        with(List.of("train", "--rounds", "0"), tables),
                        2,
                        "gae-spark: --rounds must be at least 1, got 0"),
                new Bad(with(List.of("train", "--halo-caps", "ten"), tables), 2, "gae-spark: --halo-caps: "),
                new Bad(
                        List.of("train", "--features", features.toString()),
                        2,
                        "gae-spark: --edges PATH is required: the edge table (src, dst[, weight])"),
                new Bad(
                        List.of(
                                "train",
                                "--edges",
                                dir.resolve("missing.parquet").toString(),
                                "--features",
                                "f"),
                        2,
                        "gae-spark: " + dir.resolve("missing.parquet") + ": not found (--edges)"),
                new Bad(
                        List.of("train", "--edges", edges.toString()),
                        2,
                        "gae-spark: --features PATH is required: gae-spark trains on node features; featureless"
                                + " models (X = I, a weight row per node) stay single-machine"),
                new Bad(
                        with(List.of("train", "--loss", "weighted-bce"), tables),
                        2,
                        "gae-spark: Loss 'weighted-bce' reads all N² node pairs of the whole graph, so it stays"
                                + " single-machine (gae train); on Spark use --loss negative-sampling-bce"),
                new Bad(with(List.of("train", "--encoder", "gcnn"), tables), 2, "gae-spark: "),
                new Bad(with(List.of("train", "--format", "xml"), tables), 2, "Invalid value for option '--format'"),
                new Bad(with(List.of("train", "--no-such-option"), tables), 2, "Unknown option: '--no-such-option'"),
                new Bad(
                        with(List.of("predict", model.toString()), tables),
                        2,
                        "gae-spark: no mode given: choose exactly one of --top K or --per-node K"),
                new Bad(
                        with(List.of("predict", model.toString(), "--top", "5", "--per-node", "5"), tables),
                        2,
                        "gae-spark: more than one mode given"),
                new Bad(
                        with(List.of("predict", model.toString(), "--top", "0"), tables),
                        2,
                        "gae-spark: --top must be at least 1, got 0"),
                new Bad(
                        with(List.of("predict", model.toString(), "--top", "5", "--candidates", "near"), tables),
                        2,
                        "Invalid value for option '--candidates': 'near' is not one of two-hop, all-pairs"),
                new Bad(
                        with(List.of("embed", model.toString(), "--rounds", "3"), tables),
                        2,
                        "gae-spark: --rounds and --halo-caps apply to train; embed takes --blocks"),
                new Bad(
                        with(List.of("embed", dir.resolve("none.gae4j").toString()), tables),
                        2,
                        "gae-spark: " + dir.resolve("none.gae4j")),
                new Bad(List.of(), 2, "Missing subcommand: train, embed or predict"));
        for (Bad bad : cases) {
            Run r = run(bad.args().toArray(String[]::new));
            assertThat(r.code()).as("%s: %s", bad.args(), r.err()).isEqualTo(bad.code());
            assertThat(r.err()).as("%s", bad.args()).startsWith(bad.line()).doesNotContain("\tat ", "Exception");
            if (r.err().startsWith("gae-spark: ")) {
                assertThat(r.err().strip()).as("%s", bad.args()).doesNotContain("\n");
            }
        }
    }

    @Test
    void anExistingModelOrOutputIsNotReplacedWithoutForce() throws IOException {
        Path edges = Files.writeString(dir.resolve("edges.csv"), "src,dst\n0,1\n");
        Path features = Files.writeString(dir.resolve("features.csv"), "id,f0\n0,1.0\n1,2.0\n");
        Path run = Files.createDirectories(dir.resolve("run"));
        Files.writeString(run.resolve("model.gae4j"), "an earlier model");
        Run train = run("train", "--edges", edges.toString(), "--features", features.toString(), "-o", run.toString());
        assertThat(train.code()).isEqualTo(2);
        assertThat(train.err())
                .startsWith("gae-spark: " + run.resolve("model.gae4j") + ": exists; pass --force to replace it");
        assertThat(Files.readString(run.resolve("model.gae4j"))).isEqualTo("an earlier model");

        Path existing = Files.createDirectories(dir.resolve("z.parquet"));
        Path model = Files.writeString(dir.resolve("m.gae4j"), "not read: the output is refused first");
        Run embed = run(
                "embed",
                model.toString(),
                "--edges",
                edges.toString(),
                "--features",
                features.toString(),
                "-o",
                existing.toString());
        assertThat(embed.code()).isEqualTo(2);
        assertThat(embed.err()).startsWith("gae-spark: " + existing + ": exists; pass --force to replace it (--out)");
    }

    @Test
    void localPathsAreCheckedBeforeSparkOthersAreSparks() {
        assertThat(TableSource.isLocal("data/edges.parquet")).isTrue();
        assertThat(TableSource.isLocal("/data/edges.parquet")).isTrue();
        assertThat(TableSource.isLocal("hdfs:///graphs/edges")).isFalse();
        assertThat(TableSource.isLocal("s3a://bucket/edges")).isFalse();
        assertThat(TableSource.isLocal("file:/tmp/edges")).isFalse();
    }

    private static List<String> with(List<String> head, List<String> tail) {
        List<String> all = new ArrayList<>(head);
        all.addAll(tail);
        return all;
    }
}
