// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.datasets.snap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.gae4j.core.error.ConfigException;
import io.github.gae4j.core.spi.ComponentConfig;
import io.github.gae4j.core.spi.ComponentFactory;
import io.github.gae4j.core.spi.CreationContext;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class SnapLoaderFactoryTest {

    private static final CreationContext CONTEXT = new CreationContext(0, 0, 1L);

    private final SnapLoaderFactory factory = new SnapLoaderFactory();

    @TempDir
    Path tmp;

    @Test
    void nameOptionsAndDescription() {
        assertThat(factory.name()).isEqualTo("snap");
        assertThat(ComponentFactory.optionNames(factory))
                .containsExactlyInAnyOrder("path", "directed", "ids", "weights", "comment", "separator", "header");
        assertThat(factory.description()).contains("edge list");
    }

    @Test
    void defaults() {
        SnapLoader loader = (SnapLoader) factory.create(ComponentConfig.of("path", "g.txt"), CONTEXT);

        assertThat(loader.path()).isEqualTo(Path.of("g.txt"));
        assertThat(loader.options()).isEqualTo(SnapOptions.DEFAULTS);
        assertThat(SnapOptions.DEFAULTS.directed()).isFalse();
        assertThat(SnapOptions.DEFAULTS.ids()).isEqualTo(IdMode.AUTO);
        assertThat(SnapOptions.DEFAULTS.weights()).isEqualTo(WeightPolicy.IGNORE);
        assertThat(SnapOptions.DEFAULTS.comment()).isEqualTo("#");
        assertThat(SnapOptions.DEFAULTS.separator()).isEqualTo(Separator.AUTO);
        assertThat(SnapOptions.DEFAULTS.header()).isFalse();
    }

    @Test
    void everyOption() {
        SnapLoader loader = (SnapLoader) factory.create(
                ComponentConfig.of(
                        "path",
                        "g.csv",
                        "directed",
                        "true",
                        "ids",
                        "String",
                        "weights",
                        "positive",
                        "comment",
                        "%",
                        "separator",
                        "tab",
                        "header",
                        "yes"),
                CONTEXT);

        assertThat(loader.options())
                .isEqualTo(new SnapOptions(true, IdMode.STRING, WeightPolicy.POSITIVE, "%", Separator.TAB, true));
        SnapLoader noComments = (SnapLoader) factory.create(ComponentConfig.of("path", "g", "comment", ""), CONTEXT);
        assertThat(noComments.options().comment()).isEmpty();
    }

    @Test
    void createdLoaderReads() {
        Path file = SnapLoaderTest.write(tmp.resolve("g.el"), "1 2\n2 3\n");

        assertThat(factory.create(ComponentConfig.of("path", file), CONTEXT)
                        .load()
                        .edgeCount())
                .isEqualTo(2);
    }

    @Test
    void badOptions() {
        assertThatThrownBy(() -> factory.create(ComponentConfig.empty(), CONTEXT))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("'path'")
                .hasMessageContaining("required");
        assertThatThrownBy(() -> factory.create(ComponentConfig.of("path", "g", "ids", "long"), CONTEXT))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(
                        "Option 'ids' of dataset loader 'snap' must be one of auto, int, string, got 'long'");
        assertThatThrownBy(() -> factory.create(ComponentConfig.of("path", "g", "weights", "keep"), CONTEXT))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("ignore, positive, none");
        assertThatThrownBy(() -> factory.create(ComponentConfig.of("path", "g", "separator", ";"), CONTEXT))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("auto, whitespace, tab, comma");
        assertThatThrownBy(() -> factory.create(ComponentConfig.of("path", "g", "directed", "sometimes"), CONTEXT))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("'directed'");
        assertThatThrownBy(() -> factory.create(ComponentConfig.of("path", "g", "comment", "/ /"), CONTEXT))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("'comment'");
        assertThatThrownBy(() -> factory.create(ComponentConfig.of("path", "g", "weight", "ignore"), CONTEXT))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("Unknown option 'weight'");
    }
}
