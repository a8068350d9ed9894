// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.runtime.checkpoint;

import static io.github.gae4j.testkit.TestGraphs.randomMatrix;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.gae4j.core.tensor.Matrix;
import io.github.gae4j.runtime.files.ModelDescription;
import io.github.gae4j.runtime.model.ComponentSpec;
import io.github.gae4j.runtime.model.ModelSpec;
import io.github.gae4j.runtime.provenance.Provenance;
import io.github.gae4j.runtime.train.EpochStats;
import io.github.gae4j.runtime.train.LearningRateSchedule;
import io.github.gae4j.runtime.train.OptimizerState;
import io.github.gae4j.runtime.train.TrainerConfig;
import io.github.gae4j.runtime.train.TrainingState;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class SavedModelFileTest {

    @TempDir
    Path dir;

    private static final ModelDescription VGAE = new ModelDescription(
            ModelSpec.vgae(),
            TrainerConfig.builder().epochs(50).seed(7).restoreBest(false).build());

    static final Provenance PROVENANCE = new Provenance(
            "0.1.0-test",
            new Provenance.Jdk("Some Vendor", "17.0.1+12"),
            List.of(
                    new Provenance.PluginUse("encoder", "vgae", "gae-encoders", "0.1.0", "/lib/gae-encoders.jar"),
                    new Provenance.PluginUse("dataset loader", "sbm", "gae-datasets", "unknown", "classpath")),
            ModelSpec.vgae(),
            new Provenance.Seeds(7, 8, 7),
            new Provenance.Dataset(
                    "synthetic",
                    Optional.of(ComponentSpec.of("sbm", "nodes", 150)),
                    Provenance.Features.ROW_NORMALIZED,
                    150,
                    105,
                    Optional.of("sha256:00ff")),
            new Provenance.Split(0.05, 0.1));

    private static SavedModel plain() {
        return new SavedModel(
                VGAE,
                Optional.of(PROVENANCE),
                List.of(
                        new SavedModel.Parameter("vgae.W0", randomMatrix(5, 3, 1)),
                        new SavedModel.Parameter("vgae.Wmu", randomMatrix(3, 2, 2))),
                Optional.empty());
    }

    private static SavedModel checkpoint() {
        SavedModel p = plain();
        List<Matrix> w =
                p.parameters().stream().map(SavedModel.Parameter::value).toList();
        List<Matrix> best = List.of(randomMatrix(5, 3, 3), randomMatrix(3, 2, 4));
        Map<String, Matrix> adam = new java.util.LinkedHashMap<>();
        adam.put("vgae.W0.exp-avg", randomMatrix(5, 3, 5));
        adam.put("vgae.W0.exp-avg-sq", randomMatrix(5, 3, 6));
        adam.put("vgae.W0.step", Matrix.scalar(4));
        adam.put("vgae.Wmu.exp-avg", Matrix.zeros(3, 2));
        adam.put("vgae.Wmu.exp-avg-sq", Matrix.zeros(3, 2));
        adam.put("vgae.Wmu.step", Matrix.scalar(0));
        OptimizerState moments = new OptimizerState("adam", adam);
        List<EpochStats> history = List.of(
                new EpochStats(1, 0.9, Double.NaN, Double.NaN, 1.5),
                new EpochStats(2, 0.8, 0.71, 0.72, 1.25),
                new EpochStats(3, 0.7, 0.7, 0.7, 1.0),
                new EpochStats(4, 0.1 + 0.2, 0.75, 0.76, 1.0));
        return new SavedModel(
                VGAE,
                p.provenance(),
                p.parameters(),
                Optional.of(new TrainingState(4, history, 4, 0.75, w, best, moments)));
    }

    @Test
    void plainModelRoundTripsExactly() {
        Path file = dir.resolve("model.gae4j");
        String sha = SavedModelFile.write(plain(), file);
        assertThat(sha).hasSize(64);
        SavedModel back = SavedModelFile.read(file);
        assertThat(back.description()).isEqualTo(VGAE);
        assertThat(back.provenance()).contains(PROVENANCE);
        assertThat(back.training()).isEmpty();
        assertThat(back.parameters()).extracting(SavedModel.Parameter::name).containsExactly("vgae.W0", "vgae.Wmu");
        assertThat(back.parameters().get(0).value())
                .isEqualTo(plain().parameters().get(0).value());
        assertThat(back.parameters().get(1).value())
                .isEqualTo(plain().parameters().get(1).value());
    }

    @Test
    void checkpointsCarryTheGradientClipSoAResumedRunClipsToo() {
        Path file = dir.resolve("clipped.gae4j");
        SavedModel c = checkpoint();
        ModelDescription clipped = new ModelDescription(
                VGAE.model(), VGAE.training().toBuilder().gradientClipNorm(1.0).build());
        SavedModelFile.write(new SavedModel(clipped, c.provenance(), c.parameters(), c.training()), file);
        assertThat(SavedModelFile.read(file).description()).isEqualTo(clipped);
    }

    @Test
    void checkpointsCarryTheLearningRateScheduleSoAResumedRunFollowsIt() {
        Path file = dir.resolve("cosine.gae4j");
        SavedModel c = checkpoint();
        ModelDescription cosine = new ModelDescription(
                VGAE.model(),
                VGAE.training().toBuilder()
                        .learningRateSchedule(LearningRateSchedule.COSINE)
                        .build());
        SavedModelFile.write(new SavedModel(cosine, c.provenance(), c.parameters(), c.training()), file);
        assertThat(SavedModelFile.read(file).description()).isEqualTo(cosine);
    }

    @Test
    void checkpointRoundTripsTheTrainingStateBitForBit() {
        Path file = dir.resolve("checkpoint.gae4j");
        SavedModel original = checkpoint();
        SavedModelFile.write(original, file);
        TrainingState a = original.training().orElseThrow();
        TrainingState b = SavedModelFile.read(file).training().orElseThrow();
        assertThat(b.epochsDone()).isEqualTo(4);
        assertThat(b.bestEpoch()).isEqualTo(4);
        assertThat(b.bestValAuc()).isEqualTo(0.75);
        assertThat(b.history()).isEqualTo(a.history());
        assertThat(b.bestWeights()).isEqualTo(a.bestWeights());
        assertThat(b.weights()).isEqualTo(a.weights());
        assertThat(b.optimizer().name()).isEqualTo("adam");
        assertThat(b.optimizer().tensors().keySet())
                .containsExactlyElementsOf(a.optimizer().tensors().keySet());
        a.optimizer()
                .tensors()
                .forEach((name, value) ->
                        assertThat(b.optimizer().tensors().get(name)).as(name).isEqualTo(value));
        assertThat(SavedModelFile.read(file).best().parameters().get(0).value())
                .isEqualTo(a.bestWeights().get(0));
    }

    @Test
    void writeIsAtomicAndLeavesNoTemporaryFiles() throws IOException {
        Path file = dir.resolve("model.gae4j");
        SavedModelFile.write(plain(), file);
        SavedModelFile.write(checkpoint(), file);
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("model.gae4j");
        }
        assertThat(SavedModelFile.read(file).training()).isPresent();
    }

    @Test
    void aFlippedByteFailsTheChecksum() throws IOException {
        Path file = dir.resolve("model.gae4j");
        SavedModelFile.write(plain(), file);
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length - 40] ^= 1; // inside the last tensor
        Files.write(file, bytes);
        assertThatThrownBy(() -> SavedModelFile.read(file))
                .isInstanceOf(SavedModelException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("checksum mismatch");
    }

    @Test
    void aTruncatedFileSaysSo() throws IOException {
        Path file = dir.resolve("model.gae4j");
        SavedModelFile.write(plain(), file);
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, Arrays.copyOf(bytes, bytes.length - 50));
        assertThatThrownBy(() -> SavedModelFile.read(file))
                .isInstanceOf(SavedModelException.class)
                .hasMessageContaining("truncated");
    }

    @Test
    void otherFilesAndNewerVersionsAreRefusedClearly() throws IOException {
        Path notModel = dir.resolve("notes.txt");
        Files.writeString(notModel, "hello, this is not a model at all");
        assertThatThrownBy(() -> SavedModelFile.read(notModel))
                .isInstanceOf(SavedModelException.class)
                .hasMessageContaining("not a gae4j model file");

        Path file = dir.resolve("model.gae4j");
        SavedModelFile.write(plain(), file);
        byte[] bytes = Files.readAllBytes(file);
        ByteBuffer.wrap(bytes).putInt(8, 99);
        Files.write(file, bytes);
        assertThatThrownBy(() -> SavedModelFile.read(file))
                .isInstanceOf(SavedModelException.class)
                .hasMessageContaining("format version 99")
                .hasMessageContaining("newer gae4j");

        assertThatThrownBy(() -> SavedModelFile.read(dir.resolve("missing.gae4j")))
                .isInstanceOf(SavedModelException.class)
                .hasMessageContaining("no such file");
    }

    @Test
    void duplicateParameterNamesAreRefusedWhenSaving() {
        assertThatThrownBy(() -> new SavedModel(
                        VGAE,
                        Optional.empty(),
                        List.of(
                                new SavedModel.Parameter("w", randomMatrix(1, 1, 1)),
                                new SavedModel.Parameter("w", randomMatrix(1, 1, 2))),
                        Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'w'");
    }

    /** {@link #checkpoint()} with the state of three loss terms: one keeping none, two alike keeping some. */
    private static SavedModel checkpointWithLossState() {
        SavedModel c = checkpoint();
        TrainingState t = c.training().orElseThrow();
        Map<String, Map<String, Matrix>> lossState = new java.util.LinkedHashMap<>();
        lossState.put("weighted-bce", Map.of());
        Map<String, Matrix> first = new java.util.LinkedHashMap<>();
        first.put("calls", Matrix.scalar(17));
        first.put("discriminator.layer1.weight", randomMatrix(2, 4, 8));
        first.put("discriminator.layer1.weight.adam-m", randomMatrix(2, 4, 9));
        lossState.put("adversarial", first);
        lossState.put("adversarial#2", Map.of("calls", Matrix.scalar(3)));
        return new SavedModel(
                VGAE,
                c.provenance(),
                c.parameters(),
                Optional.of(new TrainingState(
                        t.epochsDone(),
                        t.history(),
                        t.bestEpoch(),
                        t.bestValAuc(),
                        t.weights(),
                        t.bestWeights(),
                        t.optimizer(),
                        lossState)));
    }

    private static int version(Path file) throws IOException {
        return ByteBuffer.wrap(Files.readAllBytes(file)).getInt(8);
    }

    @Test
    void lossStateRoundTripsBitForBitInAVersion4File() throws IOException {
        Path file = dir.resolve("checkpoint.gae4j");
        TrainingState a = checkpointWithLossState().training().orElseThrow();
        SavedModelFile.write(checkpointWithLossState(), file);
        assertThat(version(file)).isEqualTo(4);
        TrainingState b = SavedModelFile.read(file).training().orElseThrow();
        assertThat(b.hasLossState()).isTrue();
        assertThat(b.lossState().keySet()).containsExactly("weighted-bce", "adversarial", "adversarial#2");
        assertThat(b.lossState().get("weighted-bce")).isEmpty();
        for (String term : a.lossState().keySet()) {
            assertThat(b.lossState().get(term).keySet())
                    .as(term)
                    .containsExactlyElementsOf(a.lossState().get(term).keySet());
            a.lossState()
                    .get(term)
                    .forEach((name, value) -> assertThat(b.lossState().get(term).get(name))
                            .as(term + "/" + name)
                            .isEqualTo(value));
        }
        assertThat(b.weights()).isEqualTo(a.weights());
        assertThat(SavedModelFile.read(file).best().training()).isEmpty();
    }

    /**
     * Every file is version 4 now (its header holds the description and provenance as objects, version 3,
     * and the optimiser's state by name, version 4; releases reading older versions refuse it as newer); a
     * checkpoint whose terms keep no state still lists them.
     */
    @Test
    void filesWithoutLossStateTensorsAreVersion4Too() throws IOException {
        Path model = dir.resolve("model.gae4j");
        SavedModelFile.write(plain(), model);
        assertThat(version(model)).isEqualTo(4);

        SavedModel c = checkpoint();
        TrainingState t = c.training().orElseThrow();
        Map<String, Map<String, Matrix>> stateless = new java.util.LinkedHashMap<>();
        stateless.put("weighted-bce", Map.of());
        stateless.put("kl", Map.of());
        Path file = dir.resolve("checkpoint.gae4j");
        SavedModelFile.write(
                new SavedModel(
                        VGAE,
                        c.provenance(),
                        c.parameters(),
                        Optional.of(new TrainingState(
                                t.epochsDone(),
                                t.history(),
                                t.bestEpoch(),
                                t.bestValAuc(),
                                t.weights(),
                                t.bestWeights(),
                                t.optimizer(),
                                stateless))),
                file);
        assertThat(version(file)).isEqualTo(4);
        TrainingState back = SavedModelFile.read(file).training().orElseThrow();
        assertThat(back.hasLossState()).isTrue();
        assertThat(back.lossState()).containsOnlyKeys("weighted-bce", "kl");
        assertThat(back.lossState().values()).allSatisfy(m -> assertThat(m).isEmpty());
    }

    /**
     * Another optimiser's state (here SGD's momentum buffers, one parameter without one yet) goes in the file under
     * its name and comes back bit for bit, and so does Adam's.
     */
    @Test
    void anyOptimizersStateRoundTripsUnderItsName() throws IOException {
        SavedModel c = checkpoint();
        TrainingState t = c.training().orElseThrow();
        Map<String, Matrix> buffers = new java.util.LinkedHashMap<>();
        buffers.put("vgae.W0.momentum-buffer", randomMatrix(5, 3, 11));
        OptimizerState sgd = new OptimizerState("sgd", buffers);
        ModelDescription withSgd = new ModelDescription(
                VGAE.model(),
                VGAE.training().toBuilder()
                        .optimizer("sgd", Map.of("momentum", 0.9))
                        .build());
        Path file = dir.resolve("sgd.gae4j");
        SavedModelFile.write(
                new SavedModel(
                        withSgd,
                        c.provenance(),
                        c.parameters(),
                        Optional.of(new TrainingState(
                                t.epochsDone(),
                                t.history(),
                                t.bestEpoch(),
                                t.bestValAuc(),
                                t.weights(),
                                t.bestWeights(),
                                sgd))),
                file);
        assertThat(version(file)).isEqualTo(4);
        SavedModel back = SavedModelFile.read(file);
        assertThat(back.description()).isEqualTo(withSgd);
        TrainingState b = back.training().orElseThrow();
        assertThat(b.optimizer().name()).isEqualTo("sgd");
        assertThat(b.optimizer().tensors()).containsOnlyKeys("vgae.W0.momentum-buffer");
        assertThat(b.optimizer().tensors().get("vgae.W0.momentum-buffer"))
                .isEqualTo(buffers.get("vgae.W0.momentum-buffer"));
    }

    /** A checkpoint written by gae4j before loss state existed (format 1), kept as a resource. */
    @Test
    void version1CheckpointsOfEarlierReleasesStillRead() throws IOException {
        Path file = dir.resolve("old.gae4j");
        try (var in = SavedModelFileTest.class.getResourceAsStream("/checkpoint/format-v1-checkpoint.gae4j")) {
            assertThat(in).as("test resource").isNotNull();
            Files.copy(in, file);
        }
        assertThat(version(file)).isEqualTo(1);
        SavedModel old = SavedModelFile.read(file);
        assertThat(old.description()).isEqualTo(VGAE);
        assertThat(old.provenance())
                .as("its metadata ({dataset, seed}) is not the command line's")
                .isEmpty();
        assertThat(old.parameters()).extracting(SavedModel.Parameter::name).containsExactly("vgae.W0", "vgae.Wmu");
        assertThat(old.parameters().get(1).value().data()).containsExactly(2, 2.125, 2.25, 2.375, 2.5, 2.625);
        TrainingState t = old.training().orElseThrow();
        assertThat(t.epochsDone()).isEqualTo(2);
        assertThat(t.optimizer().name())
                .as("moments of the formats before optimiser plugins are Adam's")
                .isEqualTo("adam");
        assertThat(t.optimizer().tensors().get("vgae.Wmu.step").scalarValue()).isEqualTo(2);
        assertThat(t.optimizer().tensors().get("vgae.Wmu.exp-avg-sq").data()[5]).isEqualTo(8.625);
        assertThat(t.hasLossState()).as("no loss state in a format 1 file").isFalse();
    }

    @Test
    void lossStateInAVersion1FileIsRefusedAsDamage() throws IOException {
        Path file = dir.resolve("checkpoint.gae4j");
        SavedModelFile.write(checkpointWithLossState(), file);
        byte[] bytes = Files.readAllBytes(file);
        ByteBuffer.wrap(bytes).putInt(8, 1);
        byte[] digest;
        try {
            digest = java.security.MessageDigest.getInstance("SHA-256").digest(Arrays.copyOf(bytes, bytes.length - 32));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
        System.arraycopy(digest, 0, bytes, bytes.length - 32, 32);
        Files.write(file, bytes);
        assertThatThrownBy(() -> SavedModelFile.read(file))
                .isInstanceOf(SavedModelException.class)
                .hasMessageContaining("format version 1 holds loss state tensor 'calls'");
    }
}
