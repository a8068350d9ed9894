// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.spark.cli;

import io.github.gae4j.cli.run.RunFiles;
import io.github.gae4j.core.spi.CreationContext;
import io.github.gae4j.runtime.checkpoint.SavedModel;
import io.github.gae4j.runtime.checkpoint.SavedModelFile;
import io.github.gae4j.runtime.model.GraphAutoencoder;
import io.github.gae4j.runtime.model.ModelAssembler;
import io.github.gae4j.spark.io.GraphTables;
import java.nio.file.Path;

/** A saved model ({@code gae train}'s or {@code gae-spark train}'s model.gae4j) as embed and predict open it. */
record ModelFiles(Path file, SavedModel saved) {

    /**
     * Reads the model file of {@code runOrFile} (a run folder or a .gae4j file) and checks its plugins are here,
     * before Spark starts.
     */
    static ModelFiles read(Path runOrFile, ModelAssembler assembler) {
        Path file = RunFiles.modelFile(runOrFile);
        SavedModel saved = SavedModelFile.read(file);
        saved.requiredPlugins(assembler.lookup(), file.toString())
                .check(saved.description().model());
        return new ModelFiles(file, saved);
    }

    /** The model for {@code graph}'s features, its parameters loaded (a width that does not fit names the weight). */
    GraphAutoencoder assemble(ModelAssembler assembler, GraphTables graph) {
        long seed = saved.description().training().seed();
        return saved.assemble(
                assembler,
                new CreationContext(graph.featureWidth(), TrainCommand.nodeCount(graph), seed),
                file + " with the --features table of width " + graph.featureWidth());
    }
}
