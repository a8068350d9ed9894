// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.spark.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.gae4j.runtime.checkpoint.SavedModel;
import io.github.gae4j.runtime.checkpoint.SavedModelFile;
import io.github.gae4j.runtime.files.ModelDescription;
import io.github.gae4j.runtime.minibatch.FanOut;
import io.github.gae4j.runtime.minibatch.MiniBatchSettings;
import io.github.gae4j.runtime.model.GraphAutoencoder;
import io.github.gae4j.runtime.model.ModelSpec;
import io.github.gae4j.runtime.train.TrainerConfig;
import io.github.gae4j.spark.model.ModelCarrier;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * gae-spark.jar as spark-submit takes it, and the ./gae-spark launcher as users run it: the jar holds gae4j and
 * its own libraries only (no Spark, Scala, SLF4J or Logback; Jackson, SnakeYAML, Guava and Guice relocated), every
 * module's plugins are listed in its merged service file, and the launcher starts Spark from the build's class path.
 */
final class GaeSparkJarIT {

    private static final Path JAR = Path.of("target", "gae-spark.jar").toAbsolutePath();
    private static final Path LAUNCHER =
            Path.of("..", "gae-spark").toAbsolutePath().normalize();
    /** gae.jar is about 20 MB; Spark in it would make it about 285 MB. */
    private static final long MAX_BYTES = 40L << 20;

    @TempDir
    Path dir;

    @Test
    void theJarHoldsGae4jAndItsOwnLibrariesOnly() throws IOException {
        assertThat(JAR).isRegularFile();
        assertThat(Files.size(JAR)).isLessThan(MAX_BYTES);
        List<String> names;
        String plugins;
        String mainClass;
        try (JarFile jar = new JarFile(JAR.toFile())) {
            names = Collections.list(jar.entries()).stream()
                    .map(JarEntry::getName)
                    .toList();
            plugins = new String(
                    jar.getInputStream(jar.getEntry("META-INF/services/io.github.gae4j.core.spi.GaePlugin"))
                            .readAllBytes(),
                    StandardCharsets.UTF_8);
            mainClass = jar.getManifest().getMainAttributes().getValue("Main-Class");
        }
        assertThat(mainClass).isEqualTo(GaeSparkCommand.class.getName());
        assertThat(names).contains("io/github/gae4j/spark/cli/GaeSparkCommand.class");
        for (String prefix : List.of(
                "org/apache/spark/",
                "scala/",
                "ch/qos/logback/",
                "org/slf4j/",
                "com/fasterxml/",
                "org/yaml/",
                "com/google/common/",
                "com/google/inject/")) {
            assertThat(names)
                    .as(prefix)
                    .noneMatch(n -> n.startsWith(prefix) || n.matches("META-INF/versions/\\d+/" + prefix + ".*"));
        }
        assertThat(names)
                .contains("io/github/gae4j/shaded/jackson/databind/ObjectMapper.class")
                .contains("io/github/gae4j/shaded/guava/collect/ImmutableList.class")
                .contains("META-INF/services/io.github.gae4j.shaded.jackson.core.JsonFactory");
        assertThat(plugins)
                .contains("io.github.gae4j.encoders")
                .contains("io.github.gae4j.decoders")
                .contains("io.github.gae4j.losses")
                .contains("io.github.gae4j.datasets");
    }

    record Run(int code, String out) {}

    /** A launcher run under way, its output going to a file, so that runs can overlap. */
    record Launched(Process process, Path log) {
        Run await() throws IOException, InterruptedException {
            assertThat(process.waitFor(5, TimeUnit.MINUTES)).as(log.toString()).isTrue();
            return new Run(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
        }
    }

    /**
     * A GAE for the 40-node, one-feature tables, as gae-spark train describes it (negative sampling, mini-batches),
     * with its initial weights: what predict needs from a model file.
     */
    private static Path untrainedModel(Path file) {
        TrainerConfig config = TrainerConfig.builder()
                .seed(42)
                .epochs(1)
                .miniBatch(MiniBatchSettings.of(64, FanOut.of(5, 5)))
                .build();
        ModelDescription description = new ModelDescription(ModelSpec.gae().withNegativeSampling(), config);
        GraphAutoencoder model = ModelCarrier.of(description, 1, 40, 42).assemble();
        SavedModelFile.write(SavedModel.of(description, Optional.empty(), model), file);
        return file;
    }

    private static Launched start(Path workDir, String name, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(LAUNCHER.toString()));
        command.addAll(List.of(args));
        Path log = workDir.resolve(name + ".log");
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        // Through the launcher's own option for JVM flags, none of which changes what runs: a 40-node graph needs a
        // small heap (which also keeps overlapping runs well inside the shared machine's memory), Spark's default of
        // 200 shuffle partitions makes each of a run's ~90 tiny jobs schedule 200 empty tasks, and a run of a few
        // seconds is over before C2 compiles pay off (together 80 s -> 20 s for the training run here).
        builder.environment().put("GAE_JAVA_OPTS", "-Xmx1g -XX:TieredStopAtLevel=1 -Dspark.sql.shuffle.partitions=4");
        return new Launched(builder.start(), log);
    }

    @Test
    void theLauncherRunsTheCommandWithSparkFromTheBuild() throws Exception {
        StringBuilder ring = new StringBuilder("src,dst\n");
        StringBuilder rows = new StringBuilder("id,f0\n");
        for (int i = 0; i < 40; i++) {
            ring.append(i).append(',').append((i + 1) % 40).append('\n');
            ring.append(i).append(',').append((i + 7) % 40).append('\n');
            rows.append(i).append(',').append(i % 3).append('\n');
        }
        Path edges = Files.writeString(dir.resolve("edges.csv"), ring);
        Path features = Files.writeString(dir.resolve("features.csv"), rows);

        // The runs overlap: each is mostly one thread (the driver), so on two cores training and predicting side by
        // side take little longer than training alone. Predict therefore reads a model file written here rather than
        // the one training writes; that gae-spark train's model file is read by embed and predict is checked in one
        // JVM (SparkCommandsTest), as it does not depend on the class path.
        Path model = untrainedModel(dir.resolve("untrained.gae4j"));

        // A local session from the launcher's class path: read the tables, split and train on Spark, save the model.
        // One epoch of two steps (batch 64 of about 68 training edges): the run goes through every stage (read, split,
        // parts, sampled steps, validation, test scoring, model file) as longer ones do.
        Path run = dir.resolve("run");
        Launched training = start(
                dir,
                "train",
                "train",
                "--edges",
                edges.toString(),
                "--features",
                features.toString(),
                "--epochs",
                "1",
                "--batch-size",
                "64",
                "--fanout",
                "5,5",
                "-o",
                run.toString());
        // Predict, as a user would after training. It embeds every node first (the engine the embed command runs) and
        // writes Parquet with the launcher's Spark, so a separate embed launch would only repeat this one's class path;
        // the embed command itself is checked in one JVM (SparkCommandsTest).
        Launched predicting = start(
                dir,
                "predict",
                "predict",
                model.toString(),
                "--per-node",
                "3",
                "--edges",
                edges.toString(),
                "--features",
                features.toString(),
                "-o",
                dir.resolve("links.parquet").toString());
        // And the runs that start no Spark session: the version, and a bad option refused with exit code 2.
        Launched version = start(dir, "version", "--version");
        Launched refused =
                start(dir, "bad", "train", "--edges", edges.toString(), "--features", features.toString(), "--lr", "0");

        Run v = version.await();
        assertThat(v.code()).as(v.out()).isZero();
        assertThat(v.out()).contains("gae-spark ", "(Spark ");
        Run bad = refused.await();
        assertThat(bad.code()).as(bad.out()).isEqualTo(2);
        assertThat(bad.out()).contains("gae-spark: --lr must be a positive finite number, got 0.0");

        Run train = training.await();
        assertThat(train.out()).doesNotContain("NoClassDefFoundError", "ClassNotFoundException", "\tat ");
        assertThat(train.code()).as(train.out()).isZero();
        assertThat(run.resolve("model.gae4j")).exists();

        Run predict = predicting.await();
        assertThat(predict.out()).doesNotContain("NoClassDefFoundError", "ClassNotFoundException");
        assertThat(predict.code()).as(predict.out()).isZero();
        assertThat(dir.resolve("links.parquet")).isDirectory();
    }
}
