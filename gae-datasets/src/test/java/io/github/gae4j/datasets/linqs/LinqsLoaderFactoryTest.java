// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.datasets.linqs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.gae4j.core.error.ConfigException;
import io.github.gae4j.core.error.DatasetFormatException;
import io.github.gae4j.core.spi.ComponentConfig;
import io.github.gae4j.core.spi.ComponentFactory;
import io.github.gae4j.core.spi.CreationContext;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class LinqsLoaderFactoryTest {

    private static final CreationContext CONTEXT = new CreationContext(0, 0, 1L);

    private final LinqsLoaderFactory factory = new LinqsLoaderFactory();

    @TempDir
    Path tmp;

    @Test
    void optionNames() {
        assertThat(factory.name()).isEqualTo("linqs");
        assertThat(ComponentFactory.optionNames(factory))
                .containsExactlyInAnyOrder("path", "dangling", "cites", "directed");
    }

    @Test
    void pathAndDanglingAreRead() {
        LinqsLoader loader = (LinqsLoader) factory.create(ComponentConfig.of("path", tmp, "dangling", "ADD"), CONTEXT);
        assertThat(loader.path()).isEqualTo(tmp);
        assertThat(loader.dangling()).isEqualTo(DanglingPolicy.ADD);

        LinqsLoader byDefault = (LinqsLoader) factory.create(ComponentConfig.of("path", tmp), CONTEXT);
        assertThat(byDefault.dangling()).isEqualTo(DanglingPolicy.DROP);
    }

    @Test
    void loadsThroughTheFactory() {
        LinqsFixtures.write(tmp.resolve("t.content"), LinqsFixtures.tsv("a 1 X", "b 0 Y"));
        LinqsFixtures.write(tmp.resolve("t.cites"), LinqsFixtures.tsv("a b", "a c"));

        var g = factory.create(ComponentConfig.of("path", tmp, "dangling", "add"), CONTEXT)
                .load();

        assertThat(g.nodeIds()).containsExactly("a", "b", "c");
        assertThat(g.edgeCount()).isEqualTo(2);
    }

    @Test
    void citesOptionNamesTheCitationsFile() {
        LinqsFixtures.write(tmp.resolve("nofeatures.content"), LinqsFixtures.tsv("a X", "b Y", "c -"));
        Path cites =
                LinqsFixtures.write(tmp.resolve("elsewhere").resolve("edges.cites"), LinqsFixtures.tsv("a b", "b c"));

        LinqsLoader loader = (LinqsLoader) factory.create(ComponentConfig.of("path", tmp, "cites", cites), CONTEXT);
        LinqsResult r = loader.read();

        assertThat(loader.cites()).contains(cites);
        assertThat(r.report().citesFile()).isEqualTo(cites);
        assertThat(r.graph().edgeCount()).isEqualTo(2);
        assertThat(r.graph().features()).isEmpty();
        assertThatThrownBy(() -> factory.create(ComponentConfig.of("path", tmp, "cites", ""), CONTEXT))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("Option 'cites'");
    }

    @Test
    void pathIsRequired() {
        assertThatThrownBy(() -> factory.create(ComponentConfig.empty(), CONTEXT))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("Option 'path' of dataset loader 'linqs' is required");
        assertThatThrownBy(() -> factory.create(ComponentConfig.of("path", " "), CONTEXT))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("'path'");
    }

    @Test
    void badDanglingValueListsTheAllowedOnes() {
        assertThatThrownBy(() -> factory.create(ComponentConfig.of("path", tmp, "dangling", "keep"), CONTEXT))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(
                        "Option 'dangling' of dataset loader 'linqs' must be one of [drop, add], got 'keep'");
    }

    @Test
    void unknownOptionIsRejected() {
        assertThatThrownBy(() -> factory.create(ComponentConfig.of("path", tmp, "dangle", "add"), CONTEXT))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("Unknown option 'dangle' for dataset loader 'linqs'")
                .hasMessageContaining("[cites, dangling, directed, path]");
    }

    @Test
    void missingFilesFailWhenLoadingNotWhenCreating() {
        var loader = factory.create(ComponentConfig.of("path", tmp.resolve("absent")), CONTEXT);

        assertThatThrownBy(loader::load)
                .isInstanceOf(DatasetFormatException.class)
                .hasMessageContaining("absent");
    }
}
