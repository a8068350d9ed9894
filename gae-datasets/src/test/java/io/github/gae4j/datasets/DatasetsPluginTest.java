// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.datasets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.gae4j.core.error.ConfigException;
import io.github.gae4j.core.graph.Graph;
import io.github.gae4j.core.spi.ComponentConfig;
import io.github.gae4j.core.spi.ComponentFactory;
import io.github.gae4j.core.spi.CreationContext;
import io.github.gae4j.core.spi.DatasetLoaderFactory;
import io.github.gae4j.core.spi.GaeSpi;
import io.github.gae4j.datasets.linqs.LinqsLoader;
import io.github.gae4j.datasets.linqs.LinqsLoaderFactory;
import io.github.gae4j.datasets.npz.NpzLoaderFactory;
import io.github.gae4j.datasets.snap.SnapLoaderFactory;
import io.github.gae4j.datasets.synthetic.SbmLoaderFactory;
import io.github.gae4j.runtime.model.ComponentSpec;
import io.github.gae4j.runtime.model.ModelAssembler;
import io.github.gae4j.runtime.plugin.ComponentKind;
import io.github.gae4j.runtime.plugin.PluginRegistry;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

final class DatasetsPluginTest {

    private static final CreationContext CONTEXT = new CreationContext(0, 0, 7L);

    @Test
    void serviceLoaderFindsEveryLoaderByName() {
        PluginRegistry registry = PluginRegistry.discover(getClass().getClassLoader());

        assertThat(registry.factories(ComponentKind.DATASET)).containsKeys("linqs", "sbm", "npz", "snap", "tables");
        assertThat(registry.factory(ComponentKind.DATASET, "npz")).isInstanceOf(NpzLoaderFactory.class);
        assertThat(registry.factory(ComponentKind.DATASET, "snap")).isInstanceOf(SnapLoaderFactory.class);
        assertThat(registry.factory(ComponentKind.DATASET, "linqs")).isInstanceOf(LinqsLoaderFactory.class);
        assertThat(registry.factory(ComponentKind.DATASET, "sbm")).isInstanceOf(SbmLoaderFactory.class);
        assertThat(registry.pluginOf(ComponentKind.DATASET, "sbm").name()).isEqualTo("gae-datasets");
    }

    @Test
    void pluginDeclaresTheCompiledSpiVersionAndOnlyDatasetLoaders() {
        DatasetsPlugin plugin = new DatasetsPlugin();

        assertThat(plugin.name()).isEqualTo("gae-datasets");
        assertThat(plugin.spiVersion()).isEqualTo(GaeSpi.VERSION);
        assertThat(plugin.datasetLoaders())
                .extracting(DatasetLoaderFactory::name)
                .containsExactly("linqs", "sbm", "npz", "snap", "tables", "dataset");
        assertThat(plugin.encoders()).isEmpty();
        assertThat(plugin.decoders()).isEmpty();
        assertThat(plugin.losses()).isEmpty();
        assertThat(plugin.samplers()).isEmpty();
    }

    @Test
    void factoryNamesAreKebabCaseWithDescriptions() {
        for (DatasetLoaderFactory f : new DatasetsPlugin().datasetLoaders()) {
            assertThat(f.name()).matches("[a-z][a-z0-9]*(-[a-z0-9]+)*");
            assertThat(f.description()).isNotBlank();
            assertThat(ComponentFactory.optionNames(f)).allMatch(p -> p.matches("[a-z][a-z0-9]*(-[a-z0-9]+)*"));
        }
    }

    @Test
    void sbmIsCreatedThroughTheRegistry() {
        DatasetLoaderFactory sbm =
                PluginRegistry.discover(getClass().getClassLoader()).factory(ComponentKind.DATASET, "sbm");

        Graph g = sbm.create(ComponentConfig.of("nodes", 60, "communities", 3, "feature-dim", 4), CONTEXT)
                .load();

        assertThat(g.nodeCount()).isEqualTo(60);
        assertThat(g.classNames()).hasSize(3);
        assertThat(g.features()).get().extracting(f -> f.dim()).isEqualTo(4);
    }

    @Test
    void modelAssemblerCreatesLoadersAndRejectsUnknownOptions() {
        ModelAssembler assembler =
                new ModelAssembler(PluginRegistry.discover(getClass().getClassLoader()));

        var loader = assembler.create(
                ComponentKind.DATASET, ComponentSpec.of("linqs", "path", "somewhere", "dangling", "add"), CONTEXT);
        assertThat(loader).isInstanceOf(LinqsLoader.class);
        assertThat(((LinqsLoader) loader).path()).isEqualTo(Path.of("somewhere"));

        assertThatThrownBy(() -> assembler.create(ComponentKind.DATASET, ComponentSpec.of("sbm", "node", 10), CONTEXT))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("Unknown option 'node'")
                .hasMessageContaining("nodes");
    }
}
