// SPDX-License-Identifier: Apache-2.0
package io.github.gae4j.datasets.npz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.gae4j.core.error.ConfigException;
import io.github.gae4j.core.error.DatasetFormatException;
import io.github.gae4j.core.spi.ComponentConfig;
import io.github.gae4j.core.spi.ComponentFactory;
import io.github.gae4j.core.spi.CreationContext;
import io.github.gae4j.core.spi.DatasetLoader;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class NpzLoaderFactoryTest {

    private static final CreationContext CONTEXT = new CreationContext(0, 0, 1L);

    private final NpzLoaderFactory factory = new NpzLoaderFactory();

    @TempDir
    Path tmp;

    @Test
    void nameOptionsAndDescription() {
        assertThat(factory.name()).isEqualTo("npz");
        assertThat(ComponentFactory.optionNames(factory)).containsExactlyInAnyOrder("path", "features");
        assertThat(factory.description()).contains("npz").contains("features=auto|require|ignore");
    }

    @Test
    void createsALoaderThatReadsTheArchive() {
        Path file = NpzFixtures.toy().write(tmp.resolve("toy.npz"));

        DatasetLoader loader = factory.create(ComponentConfig.of("path", file, "features", "IGNORE"), CONTEXT);

        assertThat(loader).isInstanceOf(NpzLoader.class);
        assertThat(((NpzLoader) loader).features()).isEqualTo(FeaturePolicy.IGNORE);
        assertThat(loader.load().features()).isEmpty();
        NpzLoader defaults = (NpzLoader) factory.create(ComponentConfig.of("path", " " + file + " "), CONTEXT);
        assertThat(defaults.path()).isEqualTo(file);
        assertThat(defaults.features()).isEqualTo(FeaturePolicy.AUTO);
        assertThat(defaults.load().features()).isPresent();
    }

    @Test
    void badOptions() {
        assertThatThrownBy(() -> factory.create(ComponentConfig.empty(), CONTEXT))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("'path'")
                .hasMessageContaining("required");
        assertThatThrownBy(() -> factory.create(ComponentConfig.of("path", "  "), CONTEXT))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("required");
        assertThatThrownBy(() -> factory.create(ComponentConfig.of("path", "a.npz", "feature", "auto"), CONTEXT))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("Unknown option 'feature'")
                .hasMessageContaining("features");
        assertThatThrownBy(() -> factory.create(ComponentConfig.of("path", "a.npz", "features", "maybe"), CONTEXT))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("Option 'features' of dataset loader 'npz' must be auto, require or ignore")
                .hasMessageContaining("'maybe'");
    }

    @Test
    void aMissingFileFailsWhenLoadingNotWhenCreating() {
        DatasetLoader loader = factory.create(ComponentConfig.of("path", tmp.resolve("later.npz")), CONTEXT);

        assertThatThrownBy(loader::load)
                .isInstanceOf(DatasetFormatException.class)
                .hasMessageContaining("later.npz: no such file");
    }
}
