package io.github.gae4j.core.checkpoint;

import static io.github.gae4j.core.testing.TestGraphs.randomMatrix;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.gae4j.core.model.ModelDescription;
import io.github.gae4j.core.model.ModelSpec;
import io.github.gae4j.core.optim.Adam;
import io.github.gae4j.core.tensor.Matrix;
import io.github.gae4j.core.train.EpochStats;
import io.github.gae4j.core.train.TrainerConfig;
import io.github.gae4j.core.train.TrainingState;
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

    private static final ModelDescription VGAE = new ModelDescription(ModelSpec.vgae(),
            TrainerConfig.defaults().withEpochs(50).withSeed(7));

    private static SavedModel plain() {
        return new SavedModel(VGAE, Map.of("dataset", "sbm", "seed", "7"),
                List.of(new SavedModel.Parameter("vgae.W0", randomMatrix(5, 3, 1)),
                        new SavedModel.Parameter("vgae.Wmu", randomMatrix(3, 2, 2))),
                Optional.empty());
    }

    private static SavedModel checkpoint() {
        SavedModel p = plain();
        List<Matrix> w = p.parameters().stream().map(SavedModel.Parameter::value).toList();
        List<Matrix> best = List.of(randomMatrix(5, 3, 3), randomMatrix(3, 2, 4));
        List<Adam.Moments> moments = List.of(
                new Adam.Moments(randomMatrix(5, 3, 5).data(), randomMatrix(5, 3, 6).data(), 4),
                new Adam.Moments(new double[6], new double[6], 0));
        List<EpochStats> history = List.of(new EpochStats(1, 0.9, Double.NaN, Double.NaN, 1.5),
                new EpochStats(2, 0.8, 0.71, 0.72, 1.25), new EpochStats(3, 0.7, 0.7, 0.7, 1.0),
                new EpochStats(4, 0.1 + 0.2, 0.75, 0.76, 1.0));
        return new SavedModel(VGAE, p.metadata(), p.parameters(),
                Optional.of(new TrainingState(4, history, 4, 0.75, w, best, moments)));
    }

    @Test
    void plainModelRoundTripsExactly() {
        Path file = dir.resolve("model.gae4j");
        String sha = SavedModelFile.write(plain(), file);
        assertThat(sha).hasSize(64);
        SavedModel back = SavedModelFile.read(file);
        assertThat(back.description()).isEqualTo(VGAE);
        assertThat(back.metadata()).isEqualTo(plain().metadata());
        assertThat(back.training()).isEmpty();
        assertThat(back.parameters()).extracting(SavedModel.Parameter::name).containsExactly("vgae.W0", "vgae.Wmu");
        assertThat(back.parameters().get(0).value()).isEqualTo(plain().parameters().get(0).value());
        assertThat(back.parameters().get(1).value()).isEqualTo(plain().parameters().get(1).value());
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
        for (int k = 0; k < 2; k++) {
            assertThat(b.optimizer().get(k).m()).isEqualTo(a.optimizer().get(k).m());
            assertThat(b.optimizer().get(k).v()).isEqualTo(a.optimizer().get(k).v());
            assertThat(b.optimizer().get(k).step()).isEqualTo(a.optimizer().get(k).step());
        }
        assertThat(SavedModelFile.read(file).best().parameters().get(0).value()).isEqualTo(a.bestWeights().get(0));
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
        bytes[bytes.length - 40] ^= 1;                     // inside the last tensor
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
        assertThatThrownBy(() -> SavedModelFile.read(notModel)).isInstanceOf(SavedModelException.class)
                .hasMessageContaining("not a gae4j model file");

        Path file = dir.resolve("model.gae4j");
        SavedModelFile.write(plain(), file);
        byte[] bytes = Files.readAllBytes(file);
        ByteBuffer.wrap(bytes).putInt(8, 99);
        Files.write(file, bytes);
        assertThatThrownBy(() -> SavedModelFile.read(file)).isInstanceOf(SavedModelException.class)
                .hasMessageContaining("format version 99")
                .hasMessageContaining("newer gae4j");

        assertThatThrownBy(() -> SavedModelFile.read(dir.resolve("missing.gae4j")))
                .isInstanceOf(SavedModelException.class).hasMessageContaining("no such file");
    }

    @Test
    void duplicateParameterNamesAreRefusedWhenSaving() {
        assertThatThrownBy(() -> new SavedModel(VGAE, Map.of(),
                List.of(new SavedModel.Parameter("w", randomMatrix(1, 1, 1)),
                        new SavedModel.Parameter("w", randomMatrix(1, 1, 2))), Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'w'");
    }
}
