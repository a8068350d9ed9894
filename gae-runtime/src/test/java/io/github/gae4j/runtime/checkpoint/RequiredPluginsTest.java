// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.runtime.checkpoint;

import static io.github.gae4j.testkit.TestGraphs.randomMatrix;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.gae4j.core.error.UnknownComponentException;
import io.github.gae4j.core.spi.CreationContext;
import io.github.gae4j.runtime.files.ModelDescription;
import io.github.gae4j.runtime.model.ComponentSpec;
import io.github.gae4j.runtime.model.ModelAssembler;
import io.github.gae4j.runtime.model.ModelSpec;
import io.github.gae4j.runtime.plugin.ComponentKind;
import io.github.gae4j.runtime.plugin.PluginRegistry;
import io.github.gae4j.runtime.provenance.Provenance;
import io.github.gae4j.runtime.train.TrainerConfig;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A saved model whose plugin is not installed names the plugin it was made with and how to add its jar. */
final class RequiredPluginsTest {

    @TempDir
    Path dir;

    private static final ModelSpec GIN = ModelSpec.gae().withEncoder("gin", "hidden", List.of(64, 32));

    private static SavedModel saved(List<Provenance.PluginUse> plugins) {
        Provenance provenance = new Provenance(
                "0.1.0-test",
                new Provenance.Jdk("Some Vendor", "17.0.1+12"),
                plugins,
                GIN,
                Provenance.Seeds.all(7),
                new Provenance.Dataset(
                        "synthetic",
                        Optional.of(ComponentSpec.of("sbm", "nodes", 20)),
                        Provenance.Features.AS_LOADED,
                        20,
                        30,
                        Optional.empty()),
                new Provenance.Split(0.05, 0.1));
        return new SavedModel(
                new ModelDescription(GIN, TrainerConfig.defaults()),
                Optional.of(provenance),
                List.of(new SavedModel.Parameter("gin.W0", randomMatrix(3, 2, 1))),
                Optional.empty());
    }

    @Test
    void aSavedModelNamesItsMissingPluginAndHowToAddIt() {
        Path file = dir.resolve("model.gae4j");
        SavedModelFile.write(
                saved(List.of(new Provenance.PluginUse(
                        "encoder", "gin", "gin-encoder", "1.2.0", "/opt/plugins/gin-encoder-1.2.0.jar"))),
                file);
        SavedModel read = SavedModelFile.read(file);
        ModelAssembler nothingInstalled = new ModelAssembler(PluginRegistry.of(List.of()));
        assertThatThrownBy(() -> read.assemble(nothingInstalled, new CreationContext(3, 20, 7), file.toString()))
                .isInstanceOf(UnknownComponentException.class)
                .hasMessageContaining(file + ": Unknown encoder 'gin'; known encoders: []")
                .hasMessageContaining("The model was made with encoder 'gin' from plugin 'gin-encoder' version 1.2.0"
                        + " (/opt/plugins/gin-encoder-1.2.0.jar), which is not installed here")
                .hasMessageContaining("GAE_PLUGINS=/opt/plugins/gin-encoder-1.2.0.jar ./gae")
                .hasMessageContaining("class path");
    }

    @Test
    void aPluginFromAClassFolderIsNamedWithAPlaceholderJar() {
        SavedModel model = saved(List.of(
                new Provenance.PluginUse("encoder", "gin", "gin-encoder", "unknown", "/work/gin/target/classes")));
        assertThatThrownBy(() -> model.requiredPlugins(PluginRegistry.of(List.of()), "m.gae4j")
                        .check(GIN))
                .hasMessageContaining("from plugin 'gin-encoder' version unknown (/work/gin/target/classes)")
                .hasMessageContaining("GAE_PLUGINS=path/to/gin-encoder.jar ./gae");
    }

    @Test
    void withoutARecordTheHintIsGeneral() {
        SavedModel model = saved(List.of());
        assertThatThrownBy(() -> model.requiredPlugins(PluginRegistry.of(List.of()), "m.gae4j")
                        .check(ComponentKind.DATASET, ComponentSpec.of("sbm")))
                .isInstanceOf(UnknownComponentException.class)
                .hasMessageContaining("m.gae4j: Unknown dataset loader 'sbm'")
                .hasMessageContaining("No installed plugin provides dataset loader 'sbm', which the model needs")
                .hasMessageContaining("GAE_PLUGINS=path/to/plugin.jar ./gae");
    }
}
