// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.spark.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.gae4j.core.error.ConfigException;
import io.github.gae4j.spark.SharedSpark;
import io.github.gae4j.spark.io.GraphTables;
import io.github.gae4j.spark.split.SplitTables;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

@ExtendWith(SharedSpark.class)
class SparkBenchCommandTest {

    /** Splits into the graph itself, "trains" 3 steps of 10 at 20 ms, "embeds" by counting the nodes. */
    private static final class FakeEngines implements ScaleEngines {
        @Override
        public String name() {
            return "fake";
        }

        @Override
        public SplitTables split(GraphTables graph, long seed) {
            return new SplitTables(graph.edges(), graph.edges(), graph.edges(), graph.edges(), graph.edges(), graph);
        }

        @Override
        public Optional<TrainRun> train(SplitTables split, TrainSettings settings) {
            assertEquals(16, settings.batchSize());
            assertEquals("5,5", settings.fanOut());
            return Optional.of(new TrainRun() {
                @Override
                public int steps() {
                    return 3;
                }

                @Override
                public long stepsPerEpoch() {
                    return 10;
                }

                @Override
                public double msPerStep() {
                    return 20;
                }

                @Override
                public double setupSeconds() {
                    return 1.5;
                }

                @Override
                public double closingSeconds() {
                    return 2.5;
                }
            });
        }

        @Override
        public long embed(GraphTables graph, Optional<TrainRun> run, String dir) {
            return graph.features().count();
        }
    }

    @Test
    void timesEveryStageAndMarksAnExtrapolatedEpoch(SparkSession spark, @TempDir Path dir) {
        SparkBenchCommand command = new SparkBenchCommand(() -> Optional.of(new FakeEngines()));
        new CommandLine(command)
                .parseArgs(
                        "--nodes",
                        "200",
                        "--edges",
                        "600",
                        "--features",
                        "4",
                        "--blocks",
                        "4",
                        "--batch-size",
                        "16",
                        "--fanout",
                        "5,5",
                        "--output",
                        dir.toString());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        List<SparkBenchCommand.Stage> stages = command.run(spark, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String printed = bytes.toString(StandardCharsets.UTF_8);

        assertTrue(Files.isDirectory(dir.resolve("graph/edges")), printed);
        assertEquals(
                600, spark.read().parquet(dir.resolve("graph/edges").toString()).count());
        assertEquals(
                200,
                spark.read().parquet(dir.resolve("graph/features").toString()).count());
        assertEquals(9, stages.size(), printed);
        SparkBenchCommand.Stage measured = stages.get(6);
        assertTrue(measured.name().contains("3 steps + test scores (measured)"), measured.name());
        assertTrue(
                measured.note().contains("building the parts 1.5 s")
                        && measured.note().contains("the test scores (every node embedded) 2.5 s"),
                measured.note());
        assertEquals(3, measured.rows());
        SparkBenchCommand.Stage epoch = stages.get(7);
        assertEquals(0.2, epoch.seconds(), 1e-12, "10 steps × 20 ms");
        // The steps' CPU time is not measured apart from the parts' set-up, so it is not extrapolated.
        assertTrue(Double.isNaN(epoch.cpuSeconds()), String.valueOf(epoch.cpuSeconds()));
        assertTrue(epoch.note().contains("3 of 10 steps") && epoch.note().contains("EXTRAPOLATED"), epoch.note());
        assertTrue(printed.contains("| stage | rows | seconds |"), printed);
        assertTrue(printed.contains("machine: ") && printed.contains("cores"), printed);
    }

    @Test
    void refusesToOverwriteWithoutForce(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("graph"));
        SparkBenchCommand command = new SparkBenchCommand(Optional::empty);
        CommandLine line = new CommandLine(command);
        line.parseArgs("--output", dir.toString());
        ConfigException e = assertThrows(ConfigException.class, command::call);
        assertTrue(e.getMessage().contains("--force"), e.getMessage());
    }
}
