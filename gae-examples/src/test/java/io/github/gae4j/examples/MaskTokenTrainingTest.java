// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.gae4j.core.autodiff.Weights;
import io.github.gae4j.core.graph.Graph;
import io.github.gae4j.core.graph.LinkSplit;
import io.github.gae4j.core.parallel.Parallelism;
import io.github.gae4j.core.spi.CreationContext;
import io.github.gae4j.core.spi.GraphInput;
import io.github.gae4j.core.tensor.Matrix;
import io.github.gae4j.runtime.checkpoint.SavedModel;
import io.github.gae4j.runtime.checkpoint.SavedModelFile;
import io.github.gae4j.runtime.files.ModelDescription;
import io.github.gae4j.runtime.model.ComponentSpec;
import io.github.gae4j.runtime.model.GraphAutoencoder;
import io.github.gae4j.runtime.model.LossSpec;
import io.github.gae4j.runtime.model.ModelAssembler;
import io.github.gae4j.runtime.model.ModelSpec;
import io.github.gae4j.runtime.plugin.PluginRegistry;
import io.github.gae4j.runtime.train.Trainer;
import io.github.gae4j.runtime.train.TrainerConfig;
import io.github.gae4j.runtime.train.TrainingResult;
import io.github.gae4j.runtime.train.TrainingState;
import io.github.gae4j.testkit.TestGraphs;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * GraphMAE-style training with the learned [MASK] token ({@code feature-mask} with {@code token=learned}): the token
 * is trained from its zeros, saved with the model and loaded back, and carried through checkpoints.
 */
final class MaskTokenTrainingTest {

    private static final long SEED = 5;

    @TempDir
    Path dir;

    private final Graph graph = TestGraphs.twoCommunities(20, 8, 2);
    private final LinkSplit split = LinkSplit.of(graph, SEED);
    private final PluginRegistry registry = PluginRegistry.discover(getClass().getClassLoader());
    private final ModelDescription description = new ModelDescription(
            new ModelSpec(
                    ComponentSpec.of("gcn", "hidden", 16, "latent", 8, "bias", true),
                    ComponentSpec.of("identity"),
                    ComponentSpec.of("inner-product"),
                    List.of(LossSpec.of("feature-sce", "gamma", 2)),
                    List.of(ComponentSpec.of("feature-mask", "rate", 0.5, "token", "learned"))),
            TrainerConfig.builder()
                    .epochs(8)
                    .seed(SEED)
                    .learningRate(0.01)
                    .restoreBest(false)
                    .build());

    private GraphAutoencoder assemble() {
        return new ModelAssembler(registry)
                .assemble(
                        description.model(),
                        new CreationContext(graph.featuresOrIdentity().dim(), graph.nodeCount(), SEED));
    }

    private static Weights token(GraphAutoencoder model) {
        List<Weights> weights = model.weights();
        Weights last = weights.get(weights.size() - 1);
        assertThat(last.name()).as("the corruption's parameter comes last").isEqualTo("feature-mask.token");
        return last;
    }

    private TrainingResult fit(GraphAutoencoder model, int epochs, TrainingState resume) {
        return new Trainer(description.training().toBuilder().epochs(epochs).build(), Parallelism.singleThreaded())
                .fit(model, split, resume);
    }

    @Test
    void theTokenTrainsAndRoundTripsThroughASavedModel() {
        GraphAutoencoder model = assemble();
        assertThat(token(model).data()).isEqualTo(Matrix.zeros(1, 8));
        fit(model, 8, null);
        Matrix trained = token(model).data();
        assertThat(trained.firstNonFinite()).isEqualTo(-1);
        assertThat(trained.maxAbs()).as("the token moved from its zeros").isPositive();

        Path file = dir.resolve("model.gae4j");
        SavedModelFile.write(SavedModel.of(description, Optional.empty(), model), file);
        SavedModel back = SavedModelFile.read(file);
        assertThat(back.parameters()).extracting(SavedModel.Parameter::name).endsWith("feature-mask.token");
        GraphAutoencoder loaded = assemble();
        back.loadInto(loaded, file.toString());
        assertThat(token(loaded).data()).isEqualTo(trained);
        for (int k = 0; k < model.weights().size(); k++) {
            assertThat(loaded.weights().get(k).data())
                    .as(model.weights().get(k).name())
                    .isEqualTo(model.weights().get(k).data());
        }
        GraphInput input = GraphInput.of(split.trainGraph());
        Parallelism one = Parallelism.singleThreaded();
        assertThat(loaded.embed(input, one)).isEqualTo(model.embed(input, one));
    }

    /** Stopping after 3 epochs, checkpointing and resuming to 8 ends where 8 uninterrupted epochs do, token included. */
    @Test
    void aResumedRunEndsWithTheSameToken() {
        TrainingState whole = fit(assemble(), 8, null).finalState();

        GraphAutoencoder first = assemble();
        TrainingState stopped = fit(first, 3, null).finalState();
        Path file = dir.resolve("checkpoint.gae4j");
        SavedModelFile.write(SavedModel.checkpoint(description, Optional.empty(), first, stopped), file);
        SavedModel checkpoint = SavedModelFile.read(file);
        GraphAutoencoder resumed = assemble();
        checkpoint.loadInto(resumed, file.toString());
        TrainingState end = fit(resumed, 8, checkpoint.training().orElseThrow()).finalState();

        assertThat(end.weights()).hasSameSizeAs(whole.weights());
        for (int k = 0; k < whole.weights().size(); k++) {
            assertThat(end.weights().get(k).data())
                    .as(resumed.weights().get(k).name())
                    .isEqualTo(whole.weights().get(k).data());
        }
        assertThat(token(resumed).data().data())
                .isEqualTo(whole.weights().get(whole.weights().size() - 1).data());
    }
}
